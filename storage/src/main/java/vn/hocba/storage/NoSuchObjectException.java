package vn.hocba.storage;

/** No object is stored under the key. */
public class NoSuchObjectException extends StorageException {

    private static final long serialVersionUID = 1L;

    /** @param key the key that holds nothing */
    public NoSuchObjectException(ObjectKey key) {
        super(key, "no such object: " + key);
    }
}
