package vn.hocba.archive.archive;

import java.time.Clock;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.hocba.archive.HocbaProperties;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.fs.FilesystemObjectStore;
import vn.hocba.storage.s3.S3ObjectStore;

/**
 * The archive's write-once store, chosen by {@code hocba.storage}: the embedded filesystem store (default), or a bucket
 * with S3 Object Lock, which the service refuses to start without (no Object Lock, no versioning, no bucket).
 */
@Configuration
class ArchiveConfiguration {

    @Bean(destroyMethod = "") // the S3 store is closed below; the filesystem store holds nothing to close
    ObjectStore objectStore(HocbaProperties properties, ArchiveProperties archive, StorageProperties storage,
                            Clock clock) {
        switch (storage.storage()) {
            case "fs" -> {
                return new FilesystemObjectStore(properties.dataDir().resolve("archive"), clock,
                        archive.immutableFiles());
            }
            case "s3" -> {
                var s3 = storage.s3();
                S3ObjectStore.Settings settings;
                try {
                    settings = new S3ObjectStore.Settings(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(),
                            s3.secretKey(), s3.checksums());
                } catch (IllegalArgumentException missing) {
                    throw new IllegalStateException("HOCBA_STORAGE=s3 needs HOCBA_S3_ENDPOINT, HOCBA_S3_BUCKET, "
                            + "HOCBA_S3_ACCESS_KEY and HOCBA_S3_SECRET_KEY (and HOCBA_S3_REGION unless us-east-1)", missing);
                }
                var log = LoggerFactory.getLogger(ArchiveConfiguration.class);
                S3ObjectStore store;
                try {
                    store = S3ObjectStore.open(settings, clock);
                    log.info("archive: {}", settings);
                } catch (vn.hocba.storage.StorageUnavailableException down) {
                    // signing goes on without the store (the outbox archives later): start, and let readiness say it
                    store = S3ObjectStore.connect(settings, clock);
                    log.warn("archive: {} does not answer ({}); starting anyway, not ready until it does, and the "
                            + "bucket is checked before the first write", settings, down.getMessage());
                }
                Runtime.getRuntime().addShutdownHook(new Thread(store::close, "s3-store-close"));
                return store;
            }
            default -> throw new IllegalStateException("hocba.storage (HOCBA_STORAGE) is " + storage.storage()
                    + ": it must be fs (the embedded filesystem store) or s3 (a bucket with S3 Object Lock)");
        }
    }
}
