package vn.hocba.storage;

import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Write-once (WORM) object storage for signed school records, shaped after S3 Object Lock.
 *
 * <p>An archived object can be neither overwritten nor deleted while its retention is in force or a
 * legal hold is set, and its retention can only be extended. No method, flag or role bypasses this:
 * the refusal is the guarantee. Implementations are thread-safe.
 *
 * <p>Every adapter passes the same contract test ({@code ObjectStoreContract}).
 */
public interface ObjectStore {

    /**
     * Writes once. If the key exists with identical content (same SHA-256) returns the existing object
     * unchanged (idempotent retry: its retention, hold and content type are not altered); if it exists
     * with other content, throws {@link ObjectExistsException}.
     *
     * @throws IntegrityException       content differs from {@link PutObjectArgs#expectedSha256()} or its
     *                                  declared size; nothing is stored
     * @throws IllegalArgumentException the retention has already ended
     */
    StoredObject put(PutObjectArgs args);

    /** The object's metadata, empty when no complete object is stored under {@code key}. */
    Optional<StoredObject> stat(ObjectKey key);

    /**
     * The object's bytes; the caller closes the stream. Reaching the end of a stream whose bytes do
     * not match the recorded SHA-256 throws {@link IntegrityException}.
     *
     * @throws NoSuchObjectException when absent
     */
    InputStream get(ObjectKey key);

    /**
     * The object's bytes, checked against the recorded SHA-256.
     *
     * @throws NoSuchObjectException when absent
     * @throws IntegrityException    when the stored bytes no longer match
     */
    byte[] getBytes(ObjectKey key);

    /**
     * Deletes the object once it is no longer protected.
     *
     * @throws ObjectLockedException while retention is in force or a legal hold is set
     * @throws NoSuchObjectException when absent
     */
    void delete(ObjectKey key);

    /**
     * Sets or clears the legal hold. A held object cannot be deleted even after its retention ends.
     *
     * @throws NoSuchObjectException when absent
     */
    void setLegalHold(ObjectKey key, boolean on);

    /**
     * Replaces the retention by one at least as long and as strict. Retention may only be extended, never
     * shortened nor COMPLIANCE→GOVERNANCE; asking for the current retention is a no-op.
     *
     * @return the object with its new retention
     * @throws RetentionChangeRefusedException when {@code longer} would weaken the retention
     * @throws NoSuchObjectException          when absent
     */
    StoredObject extendRetention(ObjectKey key, Retention longer);

    /**
     * Re-hashes the stored bytes and compares with the recorded SHA-256 and size (fixity check).
     *
     * @return {@code false} if the bytes are altered or missing
     * @throws NoSuchObjectException when no object is recorded under {@code key}
     */
    boolean verify(ObjectKey key);

    /**
     * Keys of the stored objects whose key starts with {@code prefix} (plain string comparison, as S3),
     * in ascending lexicographic order, for fixity sweeps and exports. An empty prefix lists everything.
     */
    Stream<ObjectKey> list(String prefix);
}
