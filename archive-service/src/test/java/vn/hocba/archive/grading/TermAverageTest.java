package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocba.archive.grading.GradingFixtures.marks;
import static vn.hocba.archive.grading.GradingFixtures.term;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TermAverageTest {

    private static BigDecimal average(TermMarks marks, int required) {
        return TermAverage.of(marks, required).orElseThrow();
    }

    @Test
    void termAverageOf6_45RoundsUpTo6_5() {
        // (6.0 + 6.0 + 6.0 + 2·6.3 + 3·7.0) / (3 + 5) = 51.6 / 8 = 6.45 exactly
        TermMarks marks = term("6.3", "7.0", "6.0", "6.0", "6.0");
        assertThat(average(marks, 3)).isEqualTo(new BigDecimal("6.5"));
    }

    @Test
    void termAverageOf6_45OverTenWeightsAlsoRoundsUpTo6_5() {
        // (5·6.0 + 2·6.0 + 3·7.5) / (5 + 5) = 64.5 / 10 = 6.45 exactly
        TermMarks marks = term("6.0", "7.5", "6.0", "6.0", "6.0", "6.0", "6.0");
        assertThat(average(marks, 3)).isEqualTo(new BigDecimal("6.5"));
    }

    @Test
    void termAverageOf6_44RoundsDownTo6_4() {
        // (5·6.0 + 2·6.7 + 3·7.0) / (5 + 5) = 64.4 / 10 = 6.44 exactly
        TermMarks marks = term("6.7", "7.0", "6.0", "6.0", "6.0", "6.0", "6.0");
        assertThat(average(marks, 3)).isEqualTo(new BigDecimal("6.4"));
    }

    @Test
    void aRepeatingQuotientIsRoundedFromItsExactValue() {
        // 45.2 / 7 = 6.457142... and 45.1 / 7 = 6.442857...
        assertThat(average(term("6.0", "7.0", "6.1", "6.1"), 2)).isEqualTo(new BigDecimal("6.5"));
        assertThat(average(term("6.0", "7.0", "6.0", "6.1"), 2)).isEqualTo(new BigDecimal("6.4"));
    }

    @Test
    void theAverageAlwaysHasExactlyOneDecimal() {
        assertThat(average(term("8", "8", "8", "8"), 2)).hasToString("8.0");
        assertThat(average(term("10", "10", "10", "10"), 2)).hasToString("10.0");
        assertThat(average(term("0", "0", "0", "0"), 2)).hasToString("0.0");
    }

    @Test
    void moreRegularMarksThanRequiredAllCount() {
        // required 2, four present: (4·10 + 2·5 + 3·5) / (4 + 5) = 65 / 9 = 7.22...
        // (counting only two would give 45 / 7 = 6.4)
        assertThat(average(term("5", "5", "10", "10", "10", "10"), 2)).isEqualTo(new BigDecimal("7.2"));
    }

    @Test
    void aTermWithoutItsFinalMarkHasNoAverage() {
        TermMarks marks = new TermMarks(marks("8", "8", "8"), Mark.parse("8"), null);
        assertThat(TermAverage.of(marks, 3)).isEmpty();
    }

    @Test
    void aTermWithoutItsMidtermMarkHasNoAverage() {
        TermMarks marks = new TermMarks(marks("8", "8", "8"), null, Mark.parse("8"));
        assertThat(TermAverage.of(marks, 3)).isEmpty();
    }

    @Test
    void aTermWithTooFewRegularMarksHasNoAverage() {
        assertThat(TermAverage.of(term("8", "8", "8", "8"), 3)).isEmpty();
        assertThat(TermAverage.of(term("8", "8", "8", "8", "8"), 3)).isPresent();
    }

    @Test
    void aTermWithoutMarksHasNoAverage() {
        assertThat(TermAverage.of(TermMarks.empty(), 2)).isEmpty();
    }

    @Test
    void refusesCommentMarks() {
        assertThatThrownBy(() -> TermAverage.of(term("Đ", "Đ", "Đ", "Đ"), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundingIsHalfUpAndToOneDecimal() {
        assertThat(AverageRounding.ROUNDING_MODE).isEqualTo(java.math.RoundingMode.HALF_UP);
        assertThat(AverageRounding.SCALE).isEqualTo(1);
    }
}
