package vn.hocba.archive.grading;

/**
 * How a subject is assessed (TT22 Điều 5): by score 0-10, or by comment only (Đ / CĐ).
 */
public enum AssessmentKind {
    /** Comment combined with a score 0-10 with one decimal: every subject not listed as comment-only. */
    SCORED,
    /** Comment only, result Đ / CĐ: GDTC, arts, local content, HĐTN-HN. */
    COMMENT
}
