package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The computed result of one subject for a term or the year: an average (ĐTBmhk, ĐTBmcn) with
 * exactly one decimal, or a comment result Đ / CĐ.
 *
 * <p>{@link #jsonValue()} gives what the results API writes: the average as a {@link BigDecimal}
 * with scale 1 (so a JSON writer emits {@code 8.0}, not {@code 8}), or the code {@code "D"} /
 * {@code "CD"}.
 */
public sealed interface SubjectGrade permits SubjectGrade.Average, SubjectGrade.Comment {

    /** The value for the results API: a {@link BigDecimal} with scale 1, or {@code "D"} / {@code "CD"}. */
    Object jsonValue();

    /** {@link #jsonValue()} of {@code grade}, or {@code null} when the grade is not computable yet. */
    static Object jsonValueOf(SubjectGrade grade) {
        return grade == null ? null : grade.jsonValue();
    }

    /** An average 0-10 with at most one decimal, held with scale 1. */
    static Average average(BigDecimal value) {
        return new Average(value);
    }

    /** A comment result. */
    static Comment comment(CommentMark value) {
        return new Comment(value);
    }

    /** An average 0-10; {@link #value()} always has scale 1. */
    record Average(BigDecimal value) implements SubjectGrade {
        public Average {
            Objects.requireNonNull(value, "value");
            if (value.signum() < 0 || value.compareTo(BigDecimal.TEN) > 0) {
                throw new IllegalArgumentException("an average must be within 0-10: " + value.toPlainString());
            }
            try {
                value = value.setScale(AverageRounding.SCALE);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(
                        "an average has one decimal, round it first: " + value.toPlainString(), e);
            }
        }

        @Override
        public BigDecimal jsonValue() {
            return value;
        }

        /** Whether this average is at least {@code threshold}. */
        public boolean atLeast(BigDecimal threshold) {
            return value.compareTo(threshold) >= 0;
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /** A comment result Đ / CĐ. */
    record Comment(CommentMark value) implements SubjectGrade {
        public Comment {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String jsonValue() {
            return value.code();
        }

        @Override
        public String toString() {
            return value.importSymbol();
        }
    }
}
