package vn.hocba.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the store knows about an archived object.
 *
 * @param key         the object's key
 * @param size        length in bytes
 * @param sha256      SHA-256 of the bytes, 64 lower-case hex digits, computed by the store while writing
 * @param contentType media type, for example {@code application/pdf}
 * @param storedAt    when the object was written, by the store's clock
 * @param retention   current retention
 * @param legalHold   whether a legal hold is set; a held object cannot be deleted whatever its retention
 * @param versionId   the store's own id of this version (S3's {@code versionId}), or {@code null} where the store
 *                    keeps one version per key (the filesystem store)
 */
public record StoredObject(
        ObjectKey key,
        long size,
        String sha256,
        String contentType,
        Instant storedAt,
        Retention retention,
        boolean legalHold,
        String versionId) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Validates the components. */
    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(storedAt, "storedAt");
        Objects.requireNonNull(retention, "retention");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }

    /** An object of a store without version ids. */
    public StoredObject(ObjectKey key, long size, String sha256, String contentType, Instant storedAt,
                        Retention retention, boolean legalHold) {
        this(key, size, sha256, contentType, storedAt, retention, legalHold, null);
    }

    /** Whether deletion is refused at {@code now}: retention still in force or a legal hold set. */
    public boolean locked(Instant now) {
        return legalHold || retention.inForce(now);
    }

    /** Copy with another retention. */
    public StoredObject withRetention(Retention newRetention) {
        return new StoredObject(key, size, sha256, contentType, storedAt, newRetention, legalHold, versionId);
    }

    /** Copy with the legal hold set or cleared. */
    public StoredObject withLegalHold(boolean on) {
        return new StoredObject(key, size, sha256, contentType, storedAt, retention, on, versionId);
    }
}
