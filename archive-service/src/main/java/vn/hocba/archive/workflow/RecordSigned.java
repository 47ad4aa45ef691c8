package vn.hocba.archive.workflow;

import java.util.UUID;

/** One signature was added to a student record, as a new incremental revision. */
public record RecordSigned(UUID lookupCode, String school, String schoolYear, String student, String staff,
                           SignerRole role, int revision, String sha256, String actor) {
}
