package vn.hocba.archive.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.hocba.archive.school.DatasetProblem;

class EvidenceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final List<DatasetProblem> problems = new ArrayList<>();

    @Test
    void noEvidenceIsAllowed() {
        assertThat(Evidence.read(null, problems)).isNull();
        assertThat(Evidence.read(JSON.nullNode(), problems)).isNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void aPdfIsKeptWithItsSha256AndItsNameWithoutPath() {
        Evidence e = Evidence.read(node("C:\\\\scans\\\\bài kiểm tra.pdf", "Application/PDF", PDF), problems);
        assertThat(problems).isEmpty();
        assertThat(e.filename()).isEqualTo("bài kiểm tra.pdf");
        assertThat(e.contentType()).isEqualTo("application/pdf");
        assertThat(e.content()).isEqualTo(PDF);
        assertThat(e.sha256()).hasSize(64);
    }

    @Test
    void base64WrappedOnSeveralLinesIsRead() {
        String wrapped = Base64.getMimeEncoder(8, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(PDF);
        var node = JSON.valueToTree(Map.of("filename", "a.pdf", "contentType", "application/pdf", "base64", wrapped));
        assertThat(Evidence.read((JsonNode) node, problems).content()).isEqualTo(PDF);
    }

    @Test
    void refusesAnotherTypeThanPdfJpegOrPng() {
        Evidence.read(node("a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), problems);
        assertThat(paths()).containsExactly("evidence.contentType");
    }

    @Test
    void refusesBytesThatAreNotOfTheTypeClaimed() {
        Evidence.read(node("a.png", "image/png", PDF), problems);
        assertThat(paths()).containsExactly("evidence.base64");
    }

    @Test
    void refusesAFileOverTenMegabytesWithoutDecodingIt() {
        byte[] big = new byte[Evidence.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Evidence.read(node("big.pdf", "application/pdf", big), problems);
        assertThat(problems).extracting(DatasetProblem::message).containsExactly("the file is larger than 10 MB");
    }

    @Test
    void acceptsAFileOfExactlyTenMegabytes() {
        byte[] max = new byte[Evidence.MAX_BYTES];
        System.arraycopy(PDF, 0, max, 0, PDF.length);
        assertThat(Evidence.read(node("max.pdf", "application/pdf", max), problems)).isNotNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void refusesCharactersOutsideBase64RatherThanSkippingThem() {
        var node = JSON.valueToTree(Map.of("filename", "a.pdf", "contentType", "application/pdf",
                "base64", "JVBERi0x*Ljc="));
        Evidence.read((JsonNode) node, problems);
        assertThat(paths()).containsExactly("evidence.base64");
    }

    @Test
    void refusesAnEmptyFileAMissingNameAndUnknownMembers() {
        var node = JSON.valueToTree(Map.of("filename", " ", "contentType", "application/pdf", "base64", "",
                "url", "http://example.org"));
        Evidence.read((JsonNode) node, problems);
        assertThat(paths()).containsExactlyInAnyOrder("evidence.url", "evidence.filename", "evidence.base64");
    }

    @Test
    void refusesEvidenceThatIsNotAnObject() {
        Evidence.read(JSON.valueToTree("scan.pdf"), problems);
        assertThat(paths()).containsExactly("evidence");
    }

    private static JsonNode node(String filename, String contentType, byte[] content) {
        return JSON.valueToTree(Map.of("filename", filename, "contentType", contentType,
                "base64", Base64.getEncoder().encodeToString(content)));
    }

    private List<String> paths() {
        return problems.stream().map(DatasetProblem::path).toList();
    }
}
