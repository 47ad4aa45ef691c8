package vn.hocba.archive.audit;

/** What an audit entry records (lưu vết): the closed vocabulary of state changes and accesses. Stored by name. */
public enum AuditAction {
    /** A school-year dataset imported (or re-imported with changes). */
    IMPORT,
    /** A student record rendered (entries written before documents of every type joined the workflow). */
    RECORD_RENDERED,
    /** One signature applied to a student record (entries written before issue 14). */
    RECORD_SIGNED,
    /** A complete student record written to the archive (entries written before issue 14). */
    RECORD_ARCHIVED,
    /** A document version rendered: a first issue, or a reissue after a correction. */
    DOCUMENT_RENDERED,
    /** One signature applied to a document version. */
    DOCUMENT_SIGNED,
    /** A complete document version written to the write-once archive. */
    DOCUMENT_ARCHIVED,
    /** A document version replaced by a new one after an approved correction. */
    DOCUMENT_SUPERSEDED,
    /** An archived object found not to be what the database recorded. */
    INTEGRITY_FAILURE,
    /** An inspector's search of the archives: the query, filters and number of hits. */
    INSPECTOR_SEARCH,
    /** An inspector read a document's body. */
    INSPECTOR_DOCUMENT_READ,
    /** An inspector downloaded a document's PDF. */
    INSPECTOR_DOCUMENT_DOWNLOAD,
    /** An inspector asked for a document and was refused (403). */
    INSPECTOR_DOCUMENT_REFUSED,
    /** A local account created by the administrator (a staff member or an inspector), or the first administrator. */
    ACCOUNT_CREATED,
    /** An account's password changed by its owner (a first sign-in's forced change included). */
    ACCOUNT_PASSWORD_CHANGED,
    /** An account name locked for a while after repeated failed sign-ins (how many, until when). */
    ACCOUNT_LOCKED,
    /** A legal hold placed on an archived document (reason, reference). */
    LEGAL_HOLD_PLACED,
    /** A legal hold released (and whether the store's hold went off, the document's last one). */
    LEGAL_HOLD_RELEASED,
    /** A class-term locked by the principal: entry closes, corrections only. */
    CLASS_TERM_LOCKED,
    /** A class-term unlocked by the principal. */
    CLASS_TERM_UNLOCKED,
    /** Marks entered for one student (old and new values). */
    MARKS_ENTERED,
    /** A correction of a locked mark asked for (old and new value, reason, evidence sha256). */
    CORRECTION_REQUESTED,
    /** A correction request confirmed by the homeroom teacher. */
    CORRECTION_CONFIRMED,
    /** A correction approved by the principal: the mark changed from the old to the new value. */
    CORRECTION_APPROVED,
    /** A correction rejected by the principal (with the reason): the mark stays. */
    CORRECTION_REJECTED,
    /** Conduct and days absent of one term entered for one student by the homeroom teacher (old and new values). */
    CONDUCT_ENTERED,
    /** The homeroom comment entered for one student (old and new values). */
    COMMENT_ENTERED,
    /** A signing batch authorized by its creator (each of its signatures has its own DOCUMENT_SIGNED entry). */
    SIGNING_BATCH_STARTED,
    /** Every document of a signing batch has its outcome (counts of signed, failed, skipped). */
    SIGNING_BATCH_FINISHED,
    /** An archived document's file got a new archive timestamp (long-term preservation); the old file stays. */
    ARCHIVE_TIMESTAMP_RENEWED
}
