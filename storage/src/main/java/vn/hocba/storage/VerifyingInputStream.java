package vn.hocba.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stream an {@link ObjectStore#get(ObjectKey)} returns: the stored bytes, checked against the SHA-256 recorded
 * when they were written once the reader reaches the end, which throws {@link IntegrityException} (unchecked) instead
 * of the end of the stream when they differ. Skipping reads, so that the digest sees every byte; no mark/reset.
 */
public final class VerifyingInputStream extends FilterInputStream {

    private final StoredObject object;
    private final MessageDigest digest = newDigest();
    private boolean checked;

    /** Reads {@code in}, the stored bytes of {@code object}. */
    public VerifyingInputStream(InputStream in, StoredObject object) {
        super(in);
        this.object = object;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
        } else {
            check();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
        } else if (n < 0) {
            check();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read instead of skipping so that the digest sees every byte
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported: rereading would corrupt the digest
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void check() {
        if (checked) {
            return;
        }
        checked = true;
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(object.sha256())) {
            throw new IntegrityException(object.key(), object.sha256(), actual,
                    "stored bytes do not match their SHA-256");
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
