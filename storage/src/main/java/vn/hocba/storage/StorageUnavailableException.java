package vn.hocba.storage;

/**
 * The store does not answer (connection refused or reset, timeout, a server error): nothing was decided about the
 * object, and the same call may succeed later. The service answers 503 for it and its outbox tries again.
 */
public class StorageUnavailableException extends StorageException {

    private static final long serialVersionUID = 1L;

    /** The store could not be reached for {@code key} (may be {@code null}). */
    public StorageUnavailableException(ObjectKey key, String message, Throwable cause) {
        super(key, message, cause);
    }
}
