package vn.hocba.archive.e2e;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hocba.storage.ObjectKey;

/**
 * An archived file of the embedded filesystem store, tampered with as an attacker with a shell on the server would:
 * clearing the immutable attribute first where it is set (root can), then writing the bytes or the sidecar directly.
 */
final class ArchiveFiles {

    private final ObjectKey key;
    private final Path data;
    private final Path meta;

    private ArchiveFiles(ObjectKey key, Path data, Path meta) {
        this.key = key;
        this.data = data;
        this.meta = meta;
    }

    /** The archived record with that sha256 under {@code dataDir/archive}. */
    static ArchiveFiles of(Path dataDir, String sha256) {
        ObjectKey key = ObjectKey.contentAddressed("records", sha256, "pdf");
        Path base = dataDir.resolve("archive").resolve(key.value());
        return new ArchiveFiles(key, base.resolveSibling(base.getFileName() + "~data"),
                base.resolveSibling(base.getFileName() + "~meta"));
    }

    ObjectKey key() {
        return key;
    }

    byte[] bytes() throws IOException {
        return Files.readAllBytes(data);
    }

    /** Inverts every bit of the byte at {@code offset} (twice restores it). */
    void flipByte(long offset) throws IOException {
        writable(data);
        try (var file = new RandomAccessFile(data.toFile(), "rw")) {
            file.seek(offset);
            int b = file.read();
            file.seek(offset);
            file.write(~b & 0xff);
        }
    }

    /** Rewrites the sha256 the store's sidecar records; returns the one it held. */
    String rewriteSidecarSha256(String sha256) throws IOException {
        writable(meta);
        String text = Files.readString(meta, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?m)^sha256=([0-9a-f]{64})$").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no sha256 line in " + meta);
        }
        Files.writeString(meta, m.replaceFirst("sha256=" + sha256), StandardCharsets.ISO_8859_1);
        return m.group(1);
    }

    private static void writable(Path file) throws IOException {
        try {
            new ProcessBuilder("chattr", "-i", file.toString()).redirectErrorStream(true).start().waitFor();
        } catch (IOException | InterruptedException e) {
            // no chattr here: the file carries no immutable attribute either
        }
        file.toFile().setWritable(true, true);
    }
}
