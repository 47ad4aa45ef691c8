package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The year average of a scored subject, ĐTBmcn (TT22 Điều 9).
 *
 * <pre>ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3</pre>
 *
 * <p>computed from the term averages as rounded and recorded (one decimal), then rounded to one
 * decimal by {@link AverageRounding}.
 */
public final class YearAverage {

    private static final BigDecimal TERM2_WEIGHT = BigDecimal.valueOf(2);
    private static final int TOTAL_WEIGHT = 3;

    private YearAverage() {
    }

    /**
     * ĐTBmcn from the two rounded term averages.
     *
     * @param term1Average ĐTBmhkI, one decimal
     * @param term2Average ĐTBmhkII, one decimal
     */
    public static BigDecimal of(BigDecimal term1Average, BigDecimal term2Average) {
        Objects.requireNonNull(term1Average, "term1Average");
        Objects.requireNonNull(term2Average, "term2Average");
        return AverageRounding.divide(term1Average.add(TERM2_WEIGHT.multiply(term2Average)), TOTAL_WEIGHT);
    }
}
