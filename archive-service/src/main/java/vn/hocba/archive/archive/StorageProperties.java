package vn.hocba.archive.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where archived records are kept: {@code hocba.storage} ({@code HOCBA_STORAGE}) is {@code fs}, the embedded
 * write-once filesystem store under the data directory (the default), or {@code s3}, a bucket with S3 Object Lock
 * described by {@code hocba.s3.*} ({@code HOCBA_S3_ENDPOINT}, {@code HOCBA_S3_REGION}, {@code HOCBA_S3_BUCKET},
 * {@code HOCBA_S3_ACCESS_KEY}, {@code HOCBA_S3_SECRET_KEY}; the secret from the environment only).
 *
 * @param storage {@code fs} or {@code s3}
 * @param s3      the bucket, when {@code s3}
 */
@ConfigurationProperties("hocba")
record StorageProperties(@DefaultValue("fs") String storage, @DefaultValue S3 s3) {

    /**
     * @param endpoint  the S3 endpoint URL
     * @param region    the bucket's region ({@code us-east-1} for servers without regions)
     * @param bucket    a bucket created with Object Lock enabled
     * @param accessKey the access key id
     * @param secretKey the secret access key
     * @param checksums send {@code x-amz-checksum-sha256} so the server checks each body (true; off only for a
     *                  server that refuses the header)
     */
    record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
              String secretKey, @DefaultValue("true") boolean checksums) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
        }
    }
}
