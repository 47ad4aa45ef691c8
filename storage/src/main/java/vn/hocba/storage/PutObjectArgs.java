package vn.hocba.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Arguments of {@link ObjectStore#put(PutObjectArgs)}, validated when built.
 *
 * <pre>{@code
 * store.put(PutObjectArgs.builder()
 *         .key(ObjectKey.contentAddressed("records", sha256, "pdf"))
 *         .content(pdfBytes)
 *         .contentType("application/pdf")
 *         .retention(Retention.permanent())
 *         .expectedSha256(sha256)
 *         .build());
 * }</pre>
 *
 * <p>Arguments built from an {@link InputStream} can be used once; the store reads exactly
 * {@code size} bytes and does not close the stream. Arguments built from a byte array are reusable
 * (the array is copied).
 */
public final class PutObjectArgs {

    /** Content type used when none is given. */
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(;[\\x20-\\x7E]*)?");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final ObjectKey key;
    private final byte[] bytes;
    private final InputStream stream;
    private final long size;
    private final String contentType;
    private final Retention retention;
    private final String expectedSha256;

    private PutObjectArgs(Builder b) {
        this.key = b.key;
        this.bytes = b.bytes;
        this.stream = b.stream;
        this.size = b.size;
        this.contentType = b.contentType;
        this.retention = b.retention;
        this.expectedSha256 = b.expectedSha256;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Key to write. */
    public ObjectKey key() {
        return key;
    }

    /** Length of the content in bytes. */
    public long size() {
        return size;
    }

    /** The content: a fresh stream over the copied bytes, or the caller's stream. */
    public InputStream content() {
        return bytes != null ? new ByteArrayInputStream(bytes) : stream;
    }

    /** Media type of the content. */
    public String contentType() {
        return contentType;
    }

    /** Retention the object gets. */
    public Retention retention() {
        return retention;
    }

    /** SHA-256 the content must have (lower-case hex), if the caller gave one. */
    public Optional<String> expectedSha256() {
        return Optional.ofNullable(expectedSha256);
    }

    /** Builder of {@link PutObjectArgs}; each setter validates its argument, {@link #build()} the whole. */
    public static final class Builder {

        private ObjectKey key;
        private byte[] bytes;
        private InputStream stream;
        private long size = -1;
        private String contentType = DEFAULT_CONTENT_TYPE;
        private Retention retention;
        private String expectedSha256;

        private Builder() {
        }

        /** Key to write (required). */
        public Builder key(ObjectKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Key to write (required), validated as an {@link ObjectKey}. */
        public Builder key(String key) {
            return key(new ObjectKey(key));
        }

        /** Content as bytes (this or {@link #content(InputStream, long)} is required); the array is copied. */
        public Builder content(byte[] content) {
            Objects.requireNonNull(content, "content");
            this.bytes = content.clone();
            this.stream = null;
            this.size = content.length;
            return this;
        }

        /** Content as a stream of exactly {@code size} bytes; a shorter or longer stream is refused on put. */
        public Builder content(InputStream content, long size) {
            Objects.requireNonNull(content, "content");
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
            this.stream = content;
            this.bytes = null;
            this.size = size;
            return this;
        }

        /** Media type, for example {@code application/pdf}; defaults to {@value #DEFAULT_CONTENT_TYPE}. */
        public Builder contentType(String contentType) {
            Objects.requireNonNull(contentType, "contentType");
            if (contentType.length() > 255 || !CONTENT_TYPE.matcher(contentType).matches()) {
                throw new IllegalArgumentException("not a valid content type: " + contentType);
            }
            this.contentType = contentType;
            return this;
        }

        /** Retention the object gets (required). */
        public Builder retention(Retention retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** SHA-256 (64 hex digits) the content must have; the put is refused with {@link IntegrityException} otherwise. */
        public Builder expectedSha256(String sha256Hex) {
            Objects.requireNonNull(sha256Hex, "sha256Hex");
            String hex = sha256Hex.toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException("expected SHA-256 must be 64 hex digits");
            }
            this.expectedSha256 = hex;
            return this;
        }

        /** Validated arguments. */
        public PutObjectArgs build() {
            if (key == null) {
                throw new IllegalArgumentException("key is required");
            }
            if (bytes == null && stream == null) {
                throw new IllegalArgumentException("content is required");
            }
            if (retention == null) {
                throw new IllegalArgumentException("retention is required");
            }
            return new PutObjectArgs(this);
        }
    }
}
