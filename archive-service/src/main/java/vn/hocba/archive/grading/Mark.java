package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One assessment mark (ĐĐGtx, ĐĐGgk or ĐĐGck): a score 0-10 with at most one decimal, or a comment
 * mark Đ / CĐ. Scores are held with scale 1 ({@code 7} becomes {@code 7.0}), so equal marks are
 * {@code equals}.
 */
public sealed interface Mark permits Mark.Score, Mark.Comment {

    /** The kind of subject this mark can belong to. */
    AssessmentKind kind();

    /** A score from 0 to 10 with at most one decimal, held with scale 1. */
    static Score score(BigDecimal value) {
        return new Score(value);
    }

    /**
     * A score parsed from its decimal text, e.g. {@code "7.5"} or {@code "10"}.
     *
     * @throws IllegalArgumentException when the text is not a decimal number from 0 to 10 with at
     *     most one decimal
     */
    static Score score(String value) {
        Objects.requireNonNull(value, "value");
        final BigDecimal parsed;
        try {
            parsed = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a score: \"" + value + "\"", e);
        }
        return new Score(parsed);
    }

    /** A comment mark. */
    static Comment comment(CommentMark value) {
        return new Comment(value);
    }

    /**
     * Parses a mark as written in the school-year import format: {@code "Đ"}, {@code "CĐ"} or a
     * score such as {@code "7.5"}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Mark parse(String text) {
        Objects.requireNonNull(text, "text");
        for (CommentMark mark : CommentMark.values()) {
            if (mark.importSymbol().equals(text)) {
                return new Comment(mark);
            }
        }
        return score(text);
    }

    /** A score 0-10, one decimal at most; {@link #value()} always has scale 1. */
    record Score(BigDecimal value) implements Mark {
        private static final BigDecimal MAX = BigDecimal.TEN;

        public Score {
            Objects.requireNonNull(value, "value");
            if (value.signum() < 0 || value.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("a score must be within 0-10: " + value.toPlainString());
            }
            try {
                value = value.setScale(1);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(
                        "a score has at most one decimal: " + value.toPlainString(), e);
            }
        }

        @Override
        public AssessmentKind kind() {
            return AssessmentKind.SCORED;
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /** A comment mark Đ / CĐ. */
    record Comment(CommentMark value) implements Mark {
        public Comment {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public AssessmentKind kind() {
            return AssessmentKind.COMMENT;
        }

        @Override
        public String toString() {
            return value.importSymbol();
        }
    }
}
