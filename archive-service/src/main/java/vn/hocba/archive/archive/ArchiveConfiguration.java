package vn.hocba.archive.archive;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.hocba.archive.HocbaProperties;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.fs.FilesystemObjectStore;

/** The embedded default's write-once filesystem store; the S3 Object Lock store is chosen here by configuration later. */
@Configuration
class ArchiveConfiguration {

    @Bean
    ObjectStore objectStore(HocbaProperties properties, ArchiveProperties archive, Clock clock) {
        return new FilesystemObjectStore(properties.dataDir().resolve("archive"), clock, archive.immutableFiles());
    }
}
