package vn.hocba.archive.workflow;

/** Where a student record stands. */
public enum RecordStatus {
    /** Rendered; signatures being collected. */
    SIGNING,
    /** Every signature collected; written once to the archive. */
    ARCHIVED,
    /** Replaced by a later version after a correction (the old one stays readable). */
    SUPERSEDED
}
