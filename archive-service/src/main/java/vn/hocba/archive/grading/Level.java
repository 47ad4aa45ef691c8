package vn.hocba.archive.grading;

import java.util.Objects;

/**
 * The four levels TT22 uses for learning results (Điều 9) and conduct (Điều 8), declared from
 * best to worst: Tốt, Khá, Đạt, Chưa đạt. The names are the API codes.
 */
public enum Level {
    /** Tốt. */
    TOT,
    /** Khá. */
    KHA,
    /** Đạt. */
    DAT,
    /** Chưa đạt. */
    CHUA_DAT;

    /** Whether this level is {@code other} or better. */
    public boolean atLeast(Level other) {
        Objects.requireNonNull(other, "other");
        return ordinal() <= other.ordinal();
    }

    /** Whether this level is {@code other} or worse. */
    public boolean atMost(Level other) {
        Objects.requireNonNull(other, "other");
        return ordinal() >= other.ordinal();
    }

    /** Whether this level is strictly worse than {@code other}. */
    public boolean isBelow(Level other) {
        return !atLeast(other);
    }

    /**
     * How many levels this level lies below {@code other}: 0 when equal, negative when this is
     * better (e.g. {@code DAT.levelsBelow(TOT) == 2}).
     */
    public int levelsBelow(Level other) {
        Objects.requireNonNull(other, "other");
        return ordinal() - other.ordinal();
    }

    /** The next level up; {@link #TOT} stays {@link #TOT}. */
    public Level raisedByOne() {
        return this == TOT ? TOT : values()[ordinal() - 1];
    }
}
