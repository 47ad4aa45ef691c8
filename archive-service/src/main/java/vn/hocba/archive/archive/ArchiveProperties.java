package vn.hocba.archive.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded archive store.
 *
 * @param immutableFiles give archived files the Linux immutable attribute ({@code chattr +i}) where the service may
 *                       (root on ext4, XFS, Btrfs, tmpfs); where it may not, the service logs one warning and carries
 *                       on. Off only for data directories deleted wholesale; the store refuses deletes either way.
 */
@ConfigurationProperties("hocba.archive")
record ArchiveProperties(@DefaultValue("true") boolean immutableFiles) {
}
