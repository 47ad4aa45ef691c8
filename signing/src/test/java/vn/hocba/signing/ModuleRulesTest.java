package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** House rules of the signing module, checked on its sources. */
class ModuleRulesTest {

    private static final Path MAIN = Path.of("src/main/java/vn/hocba/signing");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void onlyTheDssPackageImportsDss() throws IOException {
        assertThat(sources()).isNotEmpty().allSatisfy(file -> {
            if (!file.getParent().endsWith("dss")) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("eu.europa.esig");
            }
        });
    }

    @Test
    void noSourceUsesSpring() throws IOException {
        assertThat(sources()).allSatisfy(
                file -> assertThat(Files.readString(file)).as(file.toString()).doesNotContain("org.springframework"));
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            assertThat(dirs.filter(Files::isDirectory).toList())
                    .allSatisfy(dir -> assertThat(dir.resolve("package-info.java")).exists());
        }
    }
}
