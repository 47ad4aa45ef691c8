package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scenario on the embedded default: H2 in the data directory, filesystem WORM store, in-process search. */
class EmbeddedEndToEndIT extends EndToEndScenario {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, "data-embedded");
    }

    @Test
    void theEmbeddedDatabaseIsPrivateToTheServiceAndKeepsNoTraceOfValues() throws IOException {
        ensureImported();
        Path dataDir = Path.of(environment.getProperty("hocba.data-dir"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        Path db = dataDir.resolve("db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(db)) {
            var all = files.toList();
            assertThat(all).anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"));
            assertThat(all).as("H2's trace file logs SQL values").noneMatch(p -> p.getFileName().toString().endsWith(".trace.db"));
            for (Path p : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                        .isEqualTo("rw-------");
            }
        }
        assertThat(environment.getProperty("spring.datasource.url")).contains("WRITE_DELAY=0");
    }
}
