package vn.hocba.archive.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Fresh directories under the module's target/ (removed by mvn clean) for data that outlives a test class.
 *
 * <p>The application under test keeps its default {@code hocba.archive.immutable-files=true}, so when the tests run as
 * root the archived files get the immutable attribute, which not even root can delete: {@code mvn clean} would fail.
 * Every fresh directory is therefore released ({@code chattr -R -i}) when the test JVM exits, after the tests and
 * alongside the Spring contexts' own shutdown. A JVM killed outright skips that: then run
 * {@code chattr -R -i archive-service/target} before {@code mvn clean}.
 */
public final class TestDirectories {

    private static final Path CHATTR = Path.of("/usr/bin/chattr");
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TestDirectories::releaseImmutable),
                "release-immutable-test-files"));
    }

    private TestDirectories() {
    }

    static Path fresh(String prefix) {
        try {
            Path target = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
            Files.createDirectories(target);
            Path dir = Files.createTempDirectory(target, prefix + "-");
            CREATED.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clears the immutable attribute of everything under {@code dir}, where there is one; best effort. */
    public static void releaseImmutable(Path dir) {
        if (!Files.isExecutable(CHATTR) || !Files.isDirectory(dir)) {
            return;
        }
        try {
            Process p = new ProcessBuilder(CHATTR.toString(), "-R", "-i", dir.toString()).redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // nothing more to do: mvn clean will name the file it cannot delete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
