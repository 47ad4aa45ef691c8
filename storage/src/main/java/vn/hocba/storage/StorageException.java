package vn.hocba.storage;

import java.util.Optional;

/**
 * Root of every error raised by an {@link ObjectStore}. Unchecked; adapters wrap vendor and I/O
 * exceptions in it and keep them as the cause. Subtypes carry typed data; none ever carries
 * credentials.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ObjectKey key;

    /** An error about {@code key} (may be {@code null}). */
    public StorageException(ObjectKey key, String message) {
        this(key, message, null);
    }

    /** An error about {@code key} (may be {@code null}) caused by {@code cause}. */
    public StorageException(ObjectKey key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The object concerned, if the error is about one. */
    public Optional<ObjectKey> key() {
        return Optional.ofNullable(key);
    }
}
