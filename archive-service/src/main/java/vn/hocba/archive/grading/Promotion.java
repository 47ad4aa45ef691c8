package vn.hocba.archive.grading;

/**
 * What follows the year for a student (TT22 Điều 12-14).
 */
public enum Promotion {
    /** Lên lớp: year conduct ≥ Đạt, year learning ≥ Đạt, at most 45 days absent (Điều 12.1). */
    PROMOTED,
    /**
     * Kiểm tra, đánh giá lại trong kỳ nghỉ hè (Điều 14): year conduct ≥ Đạt but year learning
     * Chưa đạt; the subjects to retest are listed in {@link PromotionDecision#retestSubjects()}.
     */
    RETEST,
    /**
     * Rèn luyện trong kỳ nghỉ hè (Điều 13): year conduct Chưa đạt. If learning is Chưa đạt too, the
     * retest subjects are listed as well; the retest applies once the conduct training reaches Đạt.
     */
    CONDUCT_TRAINING,
    /** Ở lại lớp without retest or training: more than 45 days absent (Điều 12.2). */
    REPEAT_YEAR
}
