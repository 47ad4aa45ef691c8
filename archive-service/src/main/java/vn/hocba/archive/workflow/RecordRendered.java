package vn.hocba.archive.workflow;

import java.util.UUID;

/** A student record was rendered and awaits its signatures. */
public record RecordRendered(UUID lookupCode, String school, String schoolYear, String student, int version,
                             String sha256, String actor) {
}
