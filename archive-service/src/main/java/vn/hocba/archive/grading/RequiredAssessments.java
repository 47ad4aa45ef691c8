package vn.hocba.archive.grading;

import java.util.Objects;

/**
 * How many regular assessments (ĐĐGtx) a subject needs per term (TT22 Điều 6-7).
 *
 * <p>Besides these, every subject needs one mid-term (ĐĐGgk) and one end-of-term (ĐĐGck)
 * assessment per term.
 */
public final class RequiredAssessments {

    /** Regular assessments per term of a comment-only subject, and of a scored one up to 35 periods. */
    static final int MINIMUM_REGULAR = 2;
    /** A scored subject with more than this many periods a year needs 3 regular assessments. */
    static final int PERIODS_FOR_THREE = 35;
    /** A scored subject with more than this many periods a year needs 4 regular assessments. */
    static final int PERIODS_FOR_FOUR = 70;

    private RequiredAssessments() {
    }

    /**
     * The number of regular assessments required per term.
     *
     * <p>COMMENT: 2. SCORED: 2 up to 35 periods a year, 3 for more than 35 up to 70, 4 for more
     * than 70.
     *
     * @param kind how the subject is assessed
     * @param periodsPerYear the subject's periods in the school year, at least 1
     * @throws IllegalArgumentException when {@code periodsPerYear} is not positive
     */
    public static int regularCount(AssessmentKind kind, int periodsPerYear) {
        Objects.requireNonNull(kind, "kind");
        if (periodsPerYear < 1) {
            throw new IllegalArgumentException("periodsPerYear must be positive: " + periodsPerYear);
        }
        if (kind == AssessmentKind.COMMENT || periodsPerYear <= PERIODS_FOR_THREE) {
            return MINIMUM_REGULAR;
        }
        return periodsPerYear <= PERIODS_FOR_FOUR ? 3 : 4;
    }
}
