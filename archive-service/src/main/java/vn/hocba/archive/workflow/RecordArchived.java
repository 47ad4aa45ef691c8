package vn.hocba.archive.workflow;

import java.util.UUID;

/** A fully signed student record was written once to the archive. */
public record RecordArchived(UUID lookupCode, String school, String schoolYear, String classCode, String student,
                             String fullName, int version, String archiveKey, String sha256) {
}
