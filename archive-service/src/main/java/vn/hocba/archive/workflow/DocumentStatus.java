package vn.hocba.archive.workflow;

/** Where a document version stands (API.md "Documents" {@code status}). */
public enum DocumentStatus {
    /** Rendered; collecting its signatures. */
    SIGNING,
    /** Every signature collected and the file written once to the archive. */
    ARCHIVED,
    /** Replaced by a newer version after a correction; kept, readable and verifiable under its own lookup code. */
    SUPERSEDED
}
