package vn.hocba.archive.audit;

/** What an audit entry records (lưu vết): the closed vocabulary of state changes and accesses. Stored by name. */
public enum AuditAction {
    /** A school-year dataset imported (or re-imported with changes). */
    IMPORT,
    /** A document rendered (a new version). */
    RECORD_RENDERED,
    /** One signature applied. */
    RECORD_SIGNED,
    /** A complete document written to the write-once archive. */
    RECORD_ARCHIVED,
    /** An archived object found not to be what the database recorded. */
    INTEGRITY_FAILURE,
    /** A class-term locked by the principal: entry closes, corrections only. */
    CLASS_TERM_LOCKED,
    /** A class-term unlocked by the principal. */
    CLASS_TERM_UNLOCKED,
    /** Marks entered for one student (old and new values). */
    MARKS_ENTERED,
    /** Conduct and days absent of one term entered for one student by the homeroom teacher (old and new values). */
    CONDUCT_ENTERED,
    /** The homeroom comment entered for one student (old and new values). */
    COMMENT_ENTERED
}
