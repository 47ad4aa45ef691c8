package vn.hocba.storage;

import java.util.Optional;

/**
 * Bytes do not match what they should be: content differing from the caller's expected SHA-256 or
 * declared size, or stored bytes no longer matching their recorded SHA-256.
 */
public class IntegrityException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final String expectedSha256;
    private final String actualSha256;

    /**
     * @param key            the object concerned
     * @param expectedSha256 the SHA-256 the bytes should have, or {@code null} if not about a hash
     * @param actualSha256   the SHA-256 they have, or {@code null} if not computed
     * @param message        what went wrong
     */
    public IntegrityException(ObjectKey key, String expectedSha256, String actualSha256, String message) {
        super(key, message + ": " + key);
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    /** The SHA-256 the bytes should have. */
    public Optional<String> expectedSha256() {
        return Optional.ofNullable(expectedSha256);
    }

    /** The SHA-256 the bytes have. */
    public Optional<String> actualSha256() {
        return Optional.ofNullable(actualSha256);
    }
}
