package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The term average of a scored subject, ĐTBmhk (TT22 Điều 9).
 *
 * <pre>ĐTBmhk = (Σ ĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n_tx + 5)</pre>
 *
 * <p>rounded to one decimal by {@link AverageRounding}.
 *
 * <p>Incomplete terms: when fewer regular marks than required are present, or the mid-term or
 * end-of-term mark is missing, there is no average ({@link Optional#empty()}); it is never
 * computed from part of the marks. More regular marks than required: all of them count, and
 * {@code n_tx} is the number actually present (the formula is defined on the marks taken).
 */
public final class TermAverage {

    private static final BigDecimal MIDTERM_WEIGHT = BigDecimal.valueOf(2);
    private static final BigDecimal FINAL_WEIGHT = BigDecimal.valueOf(3);
    /** The mid-term and end-of-term weights together: the "+ 5" of the denominator. */
    private static final int PERIODIC_WEIGHT = 5;

    private TermAverage() {
    }

    /**
     * ĐTBmhk of one term, or empty when the term lacks a required assessment.
     *
     * @param marks the term's marks, all scores
     * @param requiredRegularCount see {@link RequiredAssessments#regularCount}
     * @throws IllegalArgumentException when a mark is a comment mark
     */
    public static Optional<BigDecimal> of(TermMarks marks, int requiredRegularCount) {
        Objects.requireNonNull(marks, "marks");
        if (!marks.hasRequiredAssessments(requiredRegularCount)) {
            return Optional.empty();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Mark mark : marks.regular()) {
            sum = sum.add(scoreOf(mark));
        }
        sum = sum.add(MIDTERM_WEIGHT.multiply(scoreOf(marks.midterm())));
        sum = sum.add(FINAL_WEIGHT.multiply(scoreOf(marks.finalMark())));
        return Optional.of(AverageRounding.divide(sum, marks.regular().size() + PERIODIC_WEIGHT));
    }

    private static BigDecimal scoreOf(Mark mark) {
        if (mark instanceof Mark.Score score) {
            return score.value();
        }
        throw new IllegalArgumentException("a term average needs scores, found the comment mark " + mark);
    }
}
