package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetReaderTest {

    /** "Today" for every test: late in 2026, when the demo's 2024-2025 is two years old. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);

    private final DatasetReader reader = new DatasetReader(TODAY);

    private static byte[] demo() throws IOException {
        try (InputStream in = DatasetReaderTest.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            return in.readAllBytes();
        }
    }

    private List<String> problemPaths(String json) {
        try {
            reader.read(json.getBytes(StandardCharsets.UTF_8));
        } catch (DatasetRejectedException e) {
            return e.problems().stream().map(DatasetProblem::path).toList();
        }
        throw new AssertionError("the dataset was accepted");
    }

    @Test
    void theDemoSchoolIsAccepted() throws IOException {
        var data = reader.read(demo());
        assertThat(data.school().code()).isEqualTo("THCS-MK2");
        assertThat(data.counts()).containsEntry("students", 320).containsEntry("assessments", 7680);
    }

    @Test
    void anotherFormatIsRefusedWithAClearError() {
        assertThat(problemPaths("{\"format\":\"hocba.school-year/v2\"}")).containsExactly("format");
    }

    @Test
    void invalidJsonIsRefusedNotCrashed() {
        assertThat(problemPaths("{\"format\": ")).containsExactly("$");
    }

    @Test
    void scoresAreExactAndNeverPassThroughBinaryFloatingPoint() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8);
        var data = reader.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(data.assessments().get(0).regular()).containsExactly("7.0", "4.0", "5.0", "3.5");
        assertThat(data.assessments().get(0).finalMark()).isEqualTo("5.9");
    }

    @Test
    void aScoreWithTwoDecimalsOrOutOfRangeIsRefusedWithItsPath() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8)
                .replaceFirst("\"midterm\": 6.5", "\"midterm\": 6.55")
                .replaceFirst("\"final\": 5.9", "\"final\": 10.1");
        assertThat(problemPaths(json)).containsExactlyInAnyOrder("assessments[0].midterm", "assessments[0].final");
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8)
                .replaceFirst("\"schoolYear\": \"2024-2025\"", "\"schoolYear\": \"2024-2026\"")
                .replaceFirst("\"sex\": \"NU\"", "\"sex\": \"F\"")
                .replaceFirst("\"level\": \"TOT\"", "\"level\": \"GIOI\"");
        assertThat(problemPaths(json)).contains("schoolYear", "students[0].sex", "conduct[0].level");
    }

    @Test
    void unknownReferencesAreRefused() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8)
                .replaceFirst("\"homeroomTeacher\": \"GV012\"", "\"homeroomTeacher\": \"GV999\"");
        assertThat(problemPaths(json)).containsExactly("classes[0].homeroomTeacher");
    }

    @Test
    void aCommentSubjectTakesOnlyDOrCD() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8).replaceFirst("\"Đ\"", "\"A\"");
        assertThat(problemPaths(json)).hasSize(1).first().asString().startsWith("assessments[");
    }

    @Test
    void aDuplicateStudentIdIsRefused() {
        assertThatThrownBy(() -> reader.read(duplicateStudent())).isInstanceOf(DatasetRejectedException.class)
                .satisfies(e -> assertThat(((DatasetRejectedException) e).problems())
                        .anyMatch(p -> p.path().equals("students[1].id") && p.messageVi().contains("trùng")));
    }

    private static byte[] duplicateStudent() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8);
        return json.replaceFirst("\"id\": \"HS2400002\"", "\"id\": \"HS2400001\"").getBytes(StandardCharsets.UTF_8);
    }
}
