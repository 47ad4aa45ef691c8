package vn.hocba.archive.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh directories under the module's target/ (removed by mvn clean) for data that outlives a test class. */
final class TestDirectories {

    private TestDirectories() {
    }

    static Path fresh(String prefix) {
        try {
            Path target = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
