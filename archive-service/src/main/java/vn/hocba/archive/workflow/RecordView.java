package vn.hocba.archive.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer of every record endpoint (SCHOOL-YEAR-FORMAT.md "The stable API for records, signatures and search"). */
public record RecordView(UUID lookupCode, int version, RecordStatus status, String sha256, List<Signature> signatures,
                         List<String> awaiting) {

    /** One collected signature. */
    public record Signature(String staff, SignerRole role, List<String> subjects, Instant signedAt) {
    }
}
