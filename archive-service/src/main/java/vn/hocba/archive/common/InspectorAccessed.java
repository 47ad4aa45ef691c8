package vn.hocba.archive.common;

/**
 * An inspector searched the archives or read a document (API.md "Search": every search and every document download
 * by an inspector is in the audit log), published by the feature that served it and written to the audit log.
 *
 * @param actor   the inspector's account
 * @param kind    what was done
 * @param subject the document's lookup code, or {@code search}
 * @param details the query and filters with the number of hits, or the version read
 */
public record InspectorAccessed(String actor, Kind kind, String subject, String details) {

    public enum Kind {
        /** A search (its words, filters and result count). */
        SEARCH,
        /** A document's body read. */
        DOCUMENT_READ,
        /** A document's PDF downloaded. */
        DOCUMENT_DOWNLOAD,
        /** A document asked for and refused (outside the jurisdiction, not archived, or no such document). */
        DOCUMENT_REFUSED
    }
}
