package vn.hocba.archive.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of batch signing.
 *
 * @param parallelism how many documents are signed at once, over all batches (signing is CPU-bound: the default leaves
 *                    the rest of a small server to the requests of the day)
 */
@ConfigurationProperties("hocba.signing-batch")
record SigningBatchProperties(@DefaultValue("2") int parallelism) {

    SigningBatchProperties {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("hocba.signing-batch.parallelism must be between 1 and 64: " + parallelism);
        }
    }
}
