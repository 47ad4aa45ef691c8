package vn.hocba.archive.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.hocba.archive.workflow.DocumentType;

class SigningBatchRequestTest {

    private static SigningBatchRequest parse(String json) {
        return SigningBatchRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<BatchRequestProblem> problems(String json) {
        var rejected = rejected(json.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status().value()).isEqualTo(422);
        return rejected.problems();
    }

    private static SigningBatchRequestRejectedException rejected(byte[] body) {
        try {
            SigningBatchRequest.parse(body);
        } catch (SigningBatchRequestRejectedException e) {
            return e;
        }
        throw new AssertionError("not rejected: " + (body == null ? null : new String(body, StandardCharsets.UTF_8)));
    }

    private static List<String> paths(String json) {
        return problems(json).stream().map(BatchRequestProblem::path).toList();
    }

    @Test
    void readsListedDocumentsInTheirOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        var request = parse("{\"documents\": [\"" + a + "\", \"" + b.toString().toUpperCase() + "\"]}");
        assertThat(request).isEqualTo(new SigningBatchRequest.Listed(List.of(a, b)));
    }

    @Test
    void readsAClassSelection() {
        assertThat(parse("{\"school\": \"THCS-MK2\", \"schoolYear\": \"2024-2025\", \"class\": \"6A\", "
                + "\"documentType\": \"STUDENT_RECORD\"}"))
                .isEqualTo(new SigningBatchRequest.Selection("THCS-MK2", "2024-2025", "6A", DocumentType.STUDENT_RECORD));
    }

    @Test
    void readsAWholeYearSelectionWhenClassIsNullOrAbsent() {
        var expected = new SigningBatchRequest.Selection("THCS-MK2", "2024-2025", null, DocumentType.CLASS_GRADEBOOK);
        assertThat(parse("{\"school\": \"THCS-MK2\", \"schoolYear\": \"2024-2025\", \"class\": null, "
                + "\"documentType\": \"CLASS_GRADEBOOK\"}")).isEqualTo(expected);
        assertThat(parse("{\"school\": \"THCS-MK2\", \"schoolYear\": \"2024-2025\", \"documentType\": \"CLASS_GRADEBOOK\"}"))
                .isEqualTo(expected);
    }

    @Test
    void refusesAMemberNamedTwiceRatherThanKeepingTheLast() {
        assertThat(problems("{\"documents\": [\"" + UUID.randomUUID() + "\"], \"documents\": [\"" + UUID.randomUUID()
                + "\"]}")).singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("documents");
                    assertThat(p.message()).isEqualTo("this member appears more than once");
                });
    }

    @Test
    void refusesUnknownMembersNamingEach() {
        assertThat(paths("{\"documents\": [\"" + UUID.randomUUID() + "\"], \"force\": true, \"sign\": \"1234\"}"))
                .containsExactly("force", "sign");
    }

    @Test
    void takesAPinForARemoteSigningServiceAsAStringOnly() {
        String body = "{\"documents\": [\"" + UUID.randomUUID() + "\"], \"pin\": \"135790\"}";
        assertThat(parse(body)).isInstanceOf(SigningBatchRequest.Listed.class);
        assertThat(SigningBatchRequest.pin(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).containsExactly(
                '1', '3', '5', '7', '9', '0');
        assertThat(paths("{\"documents\": [\"" + UUID.randomUUID() + "\"], \"pin\": 135790}")).containsExactly("pin");
        assertThat(paths("{\"documents\": [\"" + UUID.randomUUID() + "\"], \"pin\": \"\"}")).containsExactly("pin");
    }

    @Test
    void refusesBothFormsAtOnce() {
        assertThat(problems("{\"documents\": [\"" + UUID.randomUUID() + "\"], \"school\": \"THCS-MK2\"}"))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEmpty();
                    assertThat(p.message()).contains("not both");
                    assertThat(p.messageVi()).contains("không nêu cả hai");
                });
    }

    @Test
    void refusesABodyNamingNothing() {
        assertThat(paths("{}")).containsExactly("");
    }

    @Test
    void refusesABodyThatIsNotAJsonObject() {
        assertThat(paths("[1, 2]")).containsExactly("");
        assertThat(paths("not json")).containsExactly("");
        assertThat(paths("")).containsExactly("");
        assertThat(rejected(null).problems()).hasSize(1);
    }

    @Test
    void refusesAnEmptyList() {
        assertThat(problems("{\"documents\": []}")).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("documents"));
    }

    @Test
    void refusesDocumentsThatAreNotAList() {
        assertThat(paths("{\"documents\": \"" + UUID.randomUUID() + "\"}")).containsExactly("documents");
    }

    @Test
    void refusesMoreDocumentsThanOneBatchTakes() {
        String many = IntStream.range(0, SigningBatchRequest.MAX_DOCUMENTS + 1)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"").collect(Collectors.joining(","));
        assertThat(problems("{\"documents\": [" + many + "]}")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("documents");
            assertThat(p.message()).contains("at most 5000");
        });
    }

    @Test
    void acceptsExactlyTheLimit() {
        String many = IntStream.range(0, SigningBatchRequest.MAX_DOCUMENTS)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"").collect(Collectors.joining(","));
        assertThat(((SigningBatchRequest.Listed) parse("{\"documents\": [" + many + "]}")).documents())
                .hasSize(SigningBatchRequest.MAX_DOCUMENTS);
    }

    @Test
    void refusesMalformedLookupCodesAndDuplicatesEachAtItsIndex() {
        UUID a = UUID.randomUUID();
        assertThat(paths("{\"documents\": [\"" + a + "\", \"not-a-uuid\", 42, \"" + a + "\", null, \"1-1-1-1-1\"]}"))
                .containsExactly("documents[1]", "documents[2]", "documents[3]", "documents[4]", "documents[5]");
    }

    @Test
    void refusesAnUnknownDocumentType() {
        assertThat(paths("{\"school\": \"THCS-MK2\", \"schoolYear\": \"2024-2025\", \"class\": \"6A\", "
                + "\"documentType\": \"DIPLOMA\"}")).containsExactly("documentType");
        assertThat(paths("{\"school\": \"THCS-MK2\", \"schoolYear\": \"2024-2025\", \"class\": \"6A\", "
                + "\"documentType\": \"student_record\"}")).containsExactly("documentType");
    }

    @Test
    void reportsEveryProblemOfASelectionAtOnce() {
        assertThat(paths("{\"school\": \"\", \"schoolYear\": \"2024\", \"class\": 6}"))
                .containsExactly("school", "schoolYear", "class", "documentType");
    }
}
