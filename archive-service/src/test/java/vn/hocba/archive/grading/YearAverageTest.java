package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.archive.grading.GradingFixtures.PERIODS_FOR_THREE_REGULAR;
import static vn.hocba.archive.grading.GradingFixtures.dec;
import static vn.hocba.archive.grading.GradingFixtures.term;

import org.junit.jupiter.api.Test;

class YearAverageTest {

    @Test
    void yearAverageWeighsTermTwoTwice() {
        // (7.9 + 2·8.1) / 3 = 24.1 / 3 = 8.033...
        assertThat(YearAverage.of(dec("7.9"), dec("8.1"))).hasToString("8.0");
    }

    @Test
    void yearAverageRoundsHalfUpFromTheExactQuotient() {
        // (6.4 + 2·6.5) / 3 = 6.466... ; (6.5 + 2·6.4) / 3 = 6.433...
        assertThat(YearAverage.of(dec("6.4"), dec("6.5"))).isEqualTo(dec("6.5"));
        assertThat(YearAverage.of(dec("6.5"), dec("6.4"))).isEqualTo(dec("6.4"));
    }

    @Test
    void yearAverageIsComputedFromTheRoundedTermAverages() {
        // term 1: 64.4 / 10 = 6.44 -> 6.4; term 2: 51.6 / 8 = 6.45 -> 6.5
        // rounded terms: (6.4 + 2·6.5) / 3 = 6.466... -> 6.5
        // (raw terms would give (6.44 + 2·6.45) / 3 = 6.446... -> 6.4)
        SubjectMarks marks = new SubjectMarks("TOAN", AssessmentKind.SCORED, PERIODS_FOR_THREE_REGULAR,
                term("6.7", "7.0", "6.0", "6.0", "6.0", "6.0", "6.0"),
                term("6.3", "7.0", "6.0", "6.0", "6.0"));

        SubjectResult result = Tt22Assessment.evaluateSubject(marks);

        assertThat(result.term1()).isEqualTo(SubjectGrade.average(dec("6.4")));
        assertThat(result.term2()).isEqualTo(SubjectGrade.average(dec("6.5")));
        assertThat(result.year()).isEqualTo(SubjectGrade.average(dec("6.5")));
    }

    @Test
    void aScoredSubjectWithAnIncompleteTermHasNoYearAverage() {
        SubjectMarks marks = new SubjectMarks("TOAN", AssessmentKind.SCORED, PERIODS_FOR_THREE_REGULAR,
                term("8", "8", "8", "8", "8"),
                term("8", "8", "8", "8"));

        SubjectResult result = Tt22Assessment.evaluateSubject(marks);

        assertThat(result.term1()).isEqualTo(SubjectGrade.average(dec("8.0")));
        assertThat(result.term2()).isNull();
        assertThat(result.year()).isNull();
        assertThat(result.complete()).isFalse();
    }
}
