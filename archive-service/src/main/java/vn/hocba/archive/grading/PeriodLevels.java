package vn.hocba.archive.grading;

/**
 * A level per term and for the year (learning or conduct); each is {@code null} while it cannot be
 * computed. The component names are the keys of the results API.
 *
 * @param term1 term 1 (học kỳ I)
 * @param term2 term 2 (học kỳ II)
 * @param year the whole year (cả năm)
 */
public record PeriodLevels(Level term1, Level term2, Level year) {

    /** Whether all three levels are known. */
    public boolean complete() {
        return term1 != null && term2 != null && year != null;
    }
}
