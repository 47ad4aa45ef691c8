package vn.hocba.storage;

/**
 * A put was refused because the key already holds an object with other content: archived objects
 * are written once and never overwritten.
 */
public class ObjectExistsException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final String existingSha256;
    private final String attemptedSha256;

    /**
     * @param key             the key already taken
     * @param existingSha256  SHA-256 of the stored object
     * @param attemptedSha256 SHA-256 of the refused content
     */
    public ObjectExistsException(ObjectKey key, String existingSha256, String attemptedSha256) {
        super(key, "object already exists with other content: " + key);
        this.existingSha256 = existingSha256;
        this.attemptedSha256 = attemptedSha256;
    }

    /** SHA-256 of the object that is stored under the key. */
    public String existingSha256() {
        return existingSha256;
    }

    /** SHA-256 of the content that was refused. */
    public String attemptedSha256() {
        return attemptedSha256;
    }
}
