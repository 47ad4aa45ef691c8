package vn.hocba.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample dataset README's import example posts (examples/sample-school-2024-2025.json) is clean input: another
 * school than the demo one the embedded default loads (so importing it creates data), NFC text, no member named
 * twice. That the import accepts it (201) is proven end to end by e2e.ReadmeCommandsIT.
 */
class SampleDatasetTest {

    static final Path SAMPLE = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent()
            .resolve("examples/sample-school-2024-2025.json");

    @Test
    void theSampleIsAnotherSmallSchoolThanTheDemoOne() throws IOException {
        JsonNode sample = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                .readTree(Files.readAllBytes(SAMPLE));

        assertThat(sample.get("format").asString()).isEqualTo("hocba.school-year/v1");
        assertThat(sample.get("school").get("code").asString()).isEqualTo("THCS-NTR").isNotEqualTo("THCS-MK2");
        assertThat(sample.get("schoolYear").asString()).isEqualTo("2024-2025");
        assertThat(sample.get("classes").size()).isEqualTo(2);
        assertThat(sample.get("students").size()).isEqualTo(30);
    }

    @Test
    void theSampleIsNfcNormalizedUtf8() throws IOException {
        String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    }
}
