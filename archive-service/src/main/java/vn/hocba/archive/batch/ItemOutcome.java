package vn.hocba.archive.batch;

/** What became of one document of a batch (API.md {@code items[].outcome}). */
public enum ItemOutcome {
    /** The caller's step is signed (by this batch). */
    SIGNED,
    /** Signing was attempted and did not succeed (a dependency down, the PDF not intact, an unexpected error). */
    FAILED,
    /** Nothing to sign: not the caller's turn, no step of theirs, signed already, complete, superseded, unreadable. */
    SKIPPED
}
