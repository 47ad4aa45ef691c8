package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocba.archive.grading.GradingFixtures.marks;
import static vn.hocba.archive.grading.GradingFixtures.scored;
import static vn.hocba.archive.grading.GradingFixtures.term;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidationTest {

    @Test
    void termMarksReadANullRegularListAsEmptyAndDropNullRegularMarks() {
        assertThat(new TermMarks(null, null, null).regular()).isEmpty();
        List<Mark> withGap = Arrays.asList(Mark.parse("7"), null, Mark.parse("8"));
        assertThat(new TermMarks(withGap, null, null).regular()).containsExactly(Mark.parse("7"), Mark.parse("8"));
    }

    @Test
    void termMarksAreImmutable() {
        TermMarks term = new TermMarks(marks("7", "8"), null, null);
        assertThatThrownBy(() -> term.regular().add(Mark.parse("9")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aScoredSubjectRefusesCommentMarks() {
        assertThatThrownBy(() -> new SubjectMarks("TOAN", AssessmentKind.SCORED, 140,
                term("7", "Đ", "7", "7", "7", "7"), TermMarks.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOAN");
    }

    @Test
    void aCommentSubjectRefusesScores() {
        assertThatThrownBy(() -> new SubjectMarks("GDTC", AssessmentKind.COMMENT, 70,
                TermMarks.empty(), term("Đ", "Đ", "Đ", "9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GDTC");
    }

    @Test
    void aSubjectNeedsACodeAndPositivePeriods() {
        assertThatThrownBy(() -> new SubjectMarks(" ", AssessmentKind.SCORED, 35, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubjectMarks("TOAN", AssessmentKind.SCORED, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubjectReadsAMissingTermAsATermWithoutMarks() {
        SubjectMarks subject = new SubjectMarks("TOAN", AssessmentKind.SCORED, 140, null, null);
        assertThat(subject.term1()).isEqualTo(TermMarks.empty());
        assertThat(subject.requiredRegularCount()).isEqualTo(4);
    }

    @Test
    void aStudentYearRefusesTheSameSubjectTwice() {
        assertThatThrownBy(() -> new StudentYearInput("HS1",
                List.of(scored("TOAN", "8.0"), scored("TOAN", "7.0")), Level.TOT, Level.TOT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOAN");
    }

    @Test
    void aStudentYearRefusesNegativeAbsence() {
        assertThatThrownBy(() -> new StudentYearInput("HS1", List.of(), Level.TOT, Level.TOT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStudentYearAcceptsConductNotEnteredYet() {
        StudentYearInput input = new StudentYearInput("HS1", List.of(), null, null, 0);
        assertThat(input.conductTerm1()).isNull();
        assertThat(input.conductTerm2()).isNull();
    }

    @Test
    void levelsAreOrderedFromBestToWorst() {
        assertThat(Level.TOT.atLeast(Level.KHA)).isTrue();
        assertThat(Level.KHA.atLeast(Level.KHA)).isTrue();
        assertThat(Level.DAT.atLeast(Level.KHA)).isFalse();
        assertThat(Level.CHUA_DAT.isBelow(Level.DAT)).isTrue();
        assertThat(Level.DAT.atMost(Level.DAT)).isTrue();
        assertThat(Level.DAT.levelsBelow(Level.TOT)).isEqualTo(2);
        assertThat(Level.TOT.levelsBelow(Level.DAT)).isEqualTo(-2);
        assertThat(Level.CHUA_DAT.raisedByOne()).isEqualTo(Level.DAT);
        assertThat(Level.KHA.raisedByOne()).isEqualTo(Level.TOT);
        assertThat(Level.TOT.raisedByOne()).isEqualTo(Level.TOT);
    }

    @Test
    void aSubjectGradeKeepsExactlyOneDecimal() {
        assertThat(SubjectGrade.average(GradingFixtures.dec("8")).value()).hasToString("8.0");
        assertThatThrownBy(() -> SubjectGrade.average(GradingFixtures.dec("6.45")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectGrade.average(GradingFixtures.dec("10.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubjectResultRefusesAGradeOfTheOtherKind() {
        assertThatThrownBy(() -> new SubjectResult("TOAN", AssessmentKind.SCORED,
                SubjectGrade.comment(CommentMark.DAT), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
