package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MarkSheetTest {

    private static final Set<String> CLASS = Set.of("HS1", "HS2", "HS3");

    private static List<MarkSheet.Entry> scored(String json) {
        return MarkSheet.read(json.getBytes(StandardCharsets.UTF_8), false, CLASS);
    }

    private static List<String> refusedPaths(String json, boolean comment) {
        var e = catchThrowableOfType(MarksRejectedException.class,
                () -> MarkSheet.read(json.getBytes(StandardCharsets.UTF_8), comment, CLASS));
        assertThat(e).as("refused").isNotNull();
        e.problems().forEach(p -> assertThat(p.message()).isNotBlank());
        e.problems().forEach(p -> assertThat(p.messageVi()).isNotBlank());
        return e.problems().stream().map(DatasetProblem::path).toList();
    }

    @Test
    void scoresAreStoredAsExactTextWithOneDecimalAsTheImportStoresThem() {
        var entries = scored("[{\"student\": \"HS1\", \"regular\": [8, 7.5, 10.0], \"midterm\": 7, \"final\": 8.50}]");
        assertThat(entries).containsExactly(new MarkSheet.Entry("HS1", List.of("8.0", "7.5", "10.0"), "7.0", "8.5"));
    }

    @Test
    void aDecimalThatNoDoubleHoldsExactlyIsNeverRoundedThroughBinary() {
        // 0.1 is not a double; 9.95 would round to 9.9 or 10.0 depending on binary noise: refused, never guessed
        assertThat(scored("[{\"student\": \"HS1\", \"final\": 0.1}]").get(0).finalMark()).isEqualTo("0.1");
        assertThat(refusedPaths("[{\"student\": \"HS1\", \"final\": 9.95}]", false)).containsExactly("[0].final");
    }

    @Test
    void missingMarksStayMissing() {
        var entry = scored("[{\"student\": \"HS2\", \"regular\": [6]}]").get(0);
        assertThat(entry.midterm()).isNull();
        assertThat(entry.finalMark()).isNull();
        assertThat(entry.regular()).containsExactly("6.0");
    }

    @Test
    void everyBadMarkIsListedWithItsPath() {
        var paths = refusedPaths("""
                [{"student": "HS1", "regular": [8, -1, "7"], "midterm": 10.5, "final": 8.25},
                 {"student": "HS9", "final": 7},
                 {"student": "HS1", "final": 7, "extra": 1},
                 {"final": 7}]""", false);
        assertThat(paths).containsExactlyInAnyOrder("[0].regular[1]", "[0].regular[2]", "[0].midterm", "[0].final",
                "[1].student", "[2].student", "[2].extra", "[3].student");
    }

    @Test
    void aCommentSubjectTakesOnlyDatOrChuaDat() {
        var ok = MarkSheet.read("[{\"student\": \"HS1\", \"regular\": [\"Đ\"], \"midterm\": \"CĐ\", \"final\": \"Đ\"}]"
                .getBytes(StandardCharsets.UTF_8), true, CLASS);
        assertThat(ok.get(0)).isEqualTo(new MarkSheet.Entry("HS1", List.of("Đ"), "CĐ", "Đ"));
        assertThat(refusedPaths("[{\"student\": \"HS1\", \"regular\": [8], \"final\": \"D\"}]", true))
                .containsExactly("[0].regular[0]", "[0].final");
    }

    @Test
    void tooManyRegularMarksAreRefusedBeforeTheyCouldOverflowTheColumn() {
        String many = "8,".repeat(FieldLimit.MAX_REGULAR_MARKS) + "8";
        assertThat(refusedPaths("[{\"student\": \"HS1\", \"regular\": [" + many + "]}]", false)).containsExactly("[0].regular");
        String most = "10,".repeat(FieldLimit.MAX_REGULAR_MARKS - 1) + "10";
        assertThat(scored("[{\"student\": \"HS1\", \"regular\": [" + most + "]}]").get(0).regular())
                .hasSize(FieldLimit.MAX_REGULAR_MARKS);
    }

    @Test
    void aBodyThatIsNotANonEmptyArrayIsRefusedAtTheRoot() {
        assertThat(refusedPaths("{\"student\": \"HS1\"}", false)).containsExactly("$");
        assertThat(refusedPaths("[]", false)).containsExactly("$");
        assertThat(refusedPaths("[{", false)).containsExactly("$");
        assertThat(refusedPaths("", false)).containsExactly("$");
    }

    @Test
    void aMemberGivenTwiceIsRefusedNotSilentlyTheLastOne() {
        assertThat(refusedPaths("[{\"student\": \"HS1\", \"final\": 0.5, \"final\": 7.7}]", false)).contains("[0].final");
    }
}
