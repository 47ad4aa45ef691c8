package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequiredAssessmentsTest {

    @ParameterizedTest(name = "{0} periods a year -> {1} regular assessments")
    @CsvSource({"1, 2", "35, 2", "36, 3", "70, 3", "71, 4", "105, 4", "140, 4"})
    void aScoredSubjectNeedsTwoUpTo35PeriodsThreeUpTo70AndFourAbove(int periods, int expected) {
        assertThat(RequiredAssessments.regularCount(AssessmentKind.SCORED, periods)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {35, 36, 70, 71, 105})
    void aCommentSubjectAlwaysNeedsTwo(int periods) {
        assertThat(RequiredAssessments.regularCount(AssessmentKind.COMMENT, periods)).isEqualTo(2);
    }

    @Test
    void refusesASubjectWithoutPeriods() {
        assertThatThrownBy(() -> RequiredAssessments.regularCount(AssessmentKind.SCORED, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
