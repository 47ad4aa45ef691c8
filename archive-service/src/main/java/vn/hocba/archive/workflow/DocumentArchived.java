package vn.hocba.archive.workflow;

import java.util.UUID;

/**
 * The archived facts of a document version, for the index: published when the fully signed version is written once
 * to the archive (status ARCHIVED), and again when an archived version is superseded (status SUPERSEDED).
 *
 * @param student  the student's id of a student record; null for class documents
 * @param fullName the student's name of a student record; the document's title for class documents
 * @param status   {@code ARCHIVED} or {@code SUPERSEDED}
 * @param archivedNow true when the file was just written to the archive; false when the facts of a version archived
 *                 earlier are published again (superseded, or rebuilding an index)
 */
public record DocumentArchived(UUID lookupCode, String documentType, String school, String schoolYear,
                               String classCode, String student, String fullName, int version, String archiveKey,
                               String sha256, String status, boolean archivedNow) {
}
