package vn.hocba.storage;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Name of an archived object, S3-style: segments separated by {@code /}.
 *
 * <p>Deliberately narrower than S3 so that a key is also a safe relative path on any filesystem:
 * 1 to 1024 characters from {@code [A-Za-z0-9._/-]}, no leading or trailing {@code /}, no empty
 * segment ({@code //}) and no {@code .} or {@code ..} segment. A valid key can therefore never
 * escape the directory it is resolved against.
 *
 * @param value the key, for example {@code records/sha256/ab/cd/abcd…ef.pdf}
 */
public record ObjectKey(String value) implements Serializable {

    /** Largest key length, as in S3. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,16}");

    /** Validates the key. */
    public ObjectKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("object key must have 1 to " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("object key may only contain A-Z a-z 0-9 . _ / - : " + value);
        }
        if (value.startsWith("/") || value.endsWith("/")) {
            throw new IllegalArgumentException("object key must not start or end with '/': " + value);
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("object key must not contain '//': " + value);
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("object key must not contain '.' or '..' segments: " + value);
            }
        }
    }

    /** Same as {@code new ObjectKey(value)}. */
    public static ObjectKey of(String value) {
        return new ObjectKey(value);
    }

    /**
     * Key derived from the content's SHA-256, fanned out over two directory levels so that no directory
     * grows too large: {@code contentAddressed("records", "abcd…ef", "pdf")} is
     * {@code records/sha256/ab/cd/abcd…ef.pdf}.
     *
     * @param prefix    leading segments, may be empty; a trailing {@code /} is ignored
     * @param sha256Hex the content's SHA-256 as 64 hex digits (upper case accepted, stored lower case)
     * @param extension file extension without the dot ({@code 1..16} letters or digits), or {@code null}
     *                  or empty for none
     * @return the key
     */
    public static ObjectKey contentAddressed(String prefix, String sha256Hex, String extension) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        String hex = sha256Hex.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("sha256Hex must be 64 hex digits");
        }
        String suffix = "";
        if (extension != null && !extension.isEmpty()) {
            if (!EXTENSION.matcher(extension).matches()) {
                throw new IllegalArgumentException("extension must be 1 to 16 letters or digits: " + extension);
            }
            suffix = "." + extension;
        }
        String head = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        String tail = "sha256/" + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex + suffix;
        return new ObjectKey(head.isEmpty() ? tail : head + "/" + tail);
    }

    /** The last segment, for example {@code abcd…ef.pdf}. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /** Whether this key starts with {@code prefix} (plain string comparison, as in S3 listings). */
    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /** The key itself. */
    @Override
    public String toString() {
        return value;
    }
}
