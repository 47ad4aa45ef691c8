package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocba.archive.grading.GradingFixtures.marks;
import static vn.hocba.archive.grading.GradingFixtures.term;

import org.junit.jupiter.api.Test;

class CommentSubjectResultTest {

    private static final SubjectGrade D = SubjectGrade.comment(CommentMark.DAT);
    private static final SubjectGrade CD = SubjectGrade.comment(CommentMark.CHUA_DAT);

    @Test
    void aTermWithEveryAssessmentDatIsDat() {
        assertThat(CommentSubjectResult.ofTerm(term("Đ", "Đ", "Đ", "Đ"), 2)).contains(CommentMark.DAT);
    }

    @Test
    void aTermWithOneChuaDatFinalIsChuaDat() {
        assertThat(CommentSubjectResult.ofTerm(term("Đ", "CĐ", "Đ", "Đ"), 2)).contains(CommentMark.CHUA_DAT);
    }

    @Test
    void aTermWithOneChuaDatRegularMarkIsChuaDat() {
        assertThat(CommentSubjectResult.ofTerm(term("Đ", "Đ", "CĐ", "Đ"), 2)).contains(CommentMark.CHUA_DAT);
    }

    @Test
    void anExtraRegularMarkIsJudgedToo() {
        assertThat(CommentSubjectResult.ofTerm(term("Đ", "Đ", "Đ", "Đ", "CĐ"), 2)).contains(CommentMark.CHUA_DAT);
    }

    @Test
    void aTermMissingItsMidtermHasNoResultYet() {
        TermMarks marks = new TermMarks(marks("Đ", "Đ"), null, Mark.parse("Đ"));
        assertThat(CommentSubjectResult.ofTerm(marks, 2)).isEmpty();
    }

    @Test
    void aTermWithOneRegularMarkHasNoResultYetEvenIfAMarkIsChuaDat() {
        assertThat(CommentSubjectResult.ofTerm(term("CĐ", "Đ", "Đ"), 2)).isEmpty();
    }

    @Test
    void refusesScores() {
        assertThatThrownBy(() -> CommentSubjectResult.ofTerm(term("Đ", "Đ", "Đ", "9"), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theYearResultIsTheTermTwoResult() {
        SubjectResult recovered = Tt22Assessment.evaluateSubject(new SubjectMarks("GDTC", AssessmentKind.COMMENT, 70,
                term("Đ", "CĐ", "Đ", "Đ"), term("Đ", "Đ", "Đ", "Đ")));
        SubjectResult failedLate = Tt22Assessment.evaluateSubject(new SubjectMarks("GDTC", AssessmentKind.COMMENT, 70,
                term("Đ", "Đ", "Đ", "Đ"), term("Đ", "CĐ", "Đ", "Đ")));

        assertThat(recovered.term1()).isEqualTo(CD);
        assertThat(recovered.year()).isEqualTo(D);
        assertThat(failedLate.term1()).isEqualTo(D);
        assertThat(failedLate.year()).isEqualTo(CD);
    }

    @Test
    void withoutATermTwoResultThereIsNoYearResult() {
        SubjectResult result = Tt22Assessment.evaluateSubject(new SubjectMarks("GDTC", AssessmentKind.COMMENT, 70,
                term("Đ", "Đ", "Đ", "Đ"), TermMarks.empty()));

        assertThat(result.term1()).isEqualTo(D);
        assertThat(result.term2()).isNull();
        assertThat(result.year()).isNull();
    }

    @Test
    void commentResultsAreWrittenAsDAndCdForTheApi() {
        assertThat(SubjectGrade.jsonValueOf(D)).isEqualTo("D");
        assertThat(SubjectGrade.jsonValueOf(CD)).isEqualTo("CD");
        assertThat(SubjectGrade.jsonValueOf(null)).isNull();
    }
}
