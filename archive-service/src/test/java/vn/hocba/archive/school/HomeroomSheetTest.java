package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HomeroomSheetTest {

    private static final Set<String> CLASS = Set.of("HS1", "HS2", "HS3");

    private static List<String> refusedPaths(Runnable read) {
        var e = catchThrowableOfType(MarksRejectedException.class, read::run);
        assertThat(e).as("refused").isNotNull();
        e.problems().forEach(p -> assertThat(p.messageVi()).isNotBlank());
        return e.problems().stream().map(DatasetProblem::path).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void conductAndDaysAbsentAreStoredAsTheImportStoresThem() {
        var entries = HomeroomSheet.readTerm(utf8("""
                [{"student": "HS1", "conduct": " KHA ", "excusedDays": 2, "unexcusedDays": 0},
                 {"student": "HS2", "conduct": null, "excusedDays": 0, "unexcusedDays": 1}]"""), CLASS);
        assertThat(entries).containsExactly(new HomeroomSheet.TermEntry("HS1", "KHA", 2, 0),
                new HomeroomSheet.TermEntry("HS2", null, 0, 1));
    }

    @Test
    void everyBadValueIsListedWithItsPathAndNothingIsKept() {
        var paths = refusedPaths(() -> HomeroomSheet.readTerm(utf8("""
                [{"student": "HS1", "conduct": "GIOI", "excusedDays": -1, "unexcusedDays": 367},
                 {"student": "HS9", "conduct": "TOT", "excusedDays": 0, "unexcusedDays": 0},
                 {"student": "HS1", "conduct": "TOT", "excusedDays": 1.5},
                 {"student": "HS3", "conduct": 1, "excusedDays": 0, "unexcusedDays": 0, "note": "x"}]"""), CLASS));
        assertThat(paths).containsExactlyInAnyOrder("[0].conduct", "[0].excusedDays", "[0].unexcusedDays",
                "[1].student", "[2].student", "[2].excusedDays", "[2].unexcusedDays", "[3].note", "[3].conduct");
    }

    @Test
    void aCommentIsNormalisedAndABlankOneIsNone() {
        var entries = HomeroomSheet.readComments(utf8("""
                [{"student": "HS1", "comment": "  Chăm ngoan,   lễ phép. "}, {"student": "HS2", "comment": "   "},
                 {"student": "HS3"}]"""), CLASS);
        assertThat(entries).containsExactly(new HomeroomSheet.CommentEntry("HS1", "Chăm ngoan, lễ phép."),
                new HomeroomSheet.CommentEntry("HS2", null), new HomeroomSheet.CommentEntry("HS3", null));
    }

    @Test
    void aCommentLongerThanItsColumnOrUnprintableIsRefused() {
        String tooLong = "a".repeat(FieldLimit.HOMEROOM_COMMENT.maxChars() + 1);
        assertThat(refusedPaths(() -> HomeroomSheet.readComments(utf8(
                "[{\"student\": \"HS1\", \"comment\": \"" + tooLong + "\"}, {\"student\": \"HS2\", \"comment\": \"\\u0000x\"},"
                        + " {\"student\": \"HS3\", \"comment\": 7}]"), CLASS)))
                .containsExactly("[0].comment", "[1].comment", "[2].comment");
    }

    @Test
    void aRefusedLevelNamesTheLevelsBestFirst() {
        var e = catchThrowableOfType(MarksRejectedException.class, () -> HomeroomSheet.readTerm(utf8(
                "[{\"student\": \"HS1\", \"conduct\": \"GIOI\", \"excusedDays\": 0, \"unexcusedDays\": 0}]"), CLASS));
        assertThat(e.problems().get(0).messageVi()).isEqualTo("phải là một trong [TOT, KHA, DAT, CHUA_DAT]");
        assertThat(DatasetReader.LEVELS).as("the levels the message lists").containsExactlyInAnyOrder("TOT", "KHA", "DAT", "CHUA_DAT");
    }
}
