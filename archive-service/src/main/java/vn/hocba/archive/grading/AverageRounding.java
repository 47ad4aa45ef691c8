package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How TT22 averages (Điều 9) are rounded: to one decimal, computed in exact decimals.
 */
public final class AverageRounding {

    /** Digits after the decimal point of every average. */
    public static final int SCALE = 1;

    /**
     * The rounding applied to the exact quotient.
     *
     * <p>verify: TT22 does not name the method. HALF_UP is the school practice (6.45 becomes 6.5);
     * keep it in this one place so that it can be changed or made configurable.
     */
    public static final RoundingMode ROUNDING_MODE = RoundingMode.HALF_UP;

    private AverageRounding() {
    }

    /**
     * {@code numerator / denominator} rounded to {@link #SCALE} decimals with
     * {@link #ROUNDING_MODE}. {@link BigDecimal#divide(BigDecimal, int, RoundingMode)} rounds the
     * exact quotient, so a repeating quotient (÷3, ÷7, ÷9) is rounded correctly with no
     * intermediate truncation.
     */
    static BigDecimal divide(BigDecimal numerator, int denominator) {
        Objects.requireNonNull(numerator, "numerator");
        if (denominator < 1) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        return numerator.divide(BigDecimal.valueOf(denominator), SCALE, ROUNDING_MODE);
    }
}
