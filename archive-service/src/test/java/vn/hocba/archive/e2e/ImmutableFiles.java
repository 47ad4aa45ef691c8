package vn.hocba.archive.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads and probes the Linux immutable attribute with e2fsprogs' {@code lsattr} and {@code chattr}. */
final class ImmutableFiles {

    private static final Path CHATTR = Path.of("/usr/bin/chattr");
    private static final Path LSATTR = Path.of("/usr/bin/lsattr");

    private ImmutableFiles() {
    }

    /** @return whether this process can set the attribute on files in {@code dir} (root and a filesystem keeping it) */
    static boolean settableIn(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHATTR) || !Files.isExecutable(LSATTR)) {
            return false;
        }
        Path probe = Files.createTempFile(dir, "probe", ".tmp");
        try {
            return run(CHATTR.toString(), "+i", probe.toString()) == 0;
        } finally {
            run(CHATTR.toString(), "-i", probe.toString());
            Files.delete(probe);
        }
    }

    /** @return whether {@code lsattr -d} shows the {@code i} flag on {@code file} */
    static boolean isImmutable(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(LSATTR.toString(), "-d", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("lsattr failed: " + output);
        }
        // "----i---------e------- /path": the flags are the first field
        return output.strip().split("\\s+", 2)[0].indexOf('i') >= 0;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
