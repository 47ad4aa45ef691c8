package vn.hocba.archive.archive;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the archive.
 *
 * @param immutableFiles give archived files of the embedded store the Linux immutable attribute ({@code chattr +i})
 *                       where the service may (root on ext4, XFS, Btrfs, tmpfs); where it may not, the service logs one
 *                       warning and carries on. Off only for data directories deleted wholesale; the store refuses
 *                       deletes either way.
 * @param retention      the retention schedule by document type ({@link RetentionSchedule}): {@code permanent} or an
 *                       ISO-8601 period; types not listed are permanent
 */
@ConfigurationProperties("hocba.archive")
record ArchiveProperties(@DefaultValue("true") boolean immutableFiles, Map<String, String> retention) {

    ArchiveProperties {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }
}
