package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/**
 * The sample dataset README's import example posts (examples/sample-school-2024-2025.json) passes the import's
 * validation, and is another school than the demo one the embedded default loads, so that importing it creates data.
 */
class SampleDatasetTest {

    static final Path SAMPLE = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent()
            .resolve("examples/sample-school-2024-2025.json");

    @Test
    void theSampleSchoolIsAcceptedByTheImport() throws IOException {
        var data = new DatasetReader().read(Files.readAllBytes(SAMPLE));

        assertThat(data.school().code()).isEqualTo("THCS-NTR").isNotEqualTo("THCS-MK2");
        assertThat(data.schoolYear()).isEqualTo("2024-2025");
        assertThat(data.counts()).containsEntry("classes", 2).containsEntry("students", 30)
                .containsEntry("assessments", 720);
    }

    @Test
    void theSampleIsNfcNormalizedUtf8() throws IOException {
        String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    }
}
