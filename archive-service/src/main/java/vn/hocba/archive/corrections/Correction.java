package vn.hocba.archive.corrections;

import java.time.Instant;
import java.util.UUID;

/** One correction request as stored, with its steps so far; {@code evidence} null when none was given. */
record Correction(UUID id, String school, String schoolYear, String classCode, String studentId, String subject,
                  int term, String field, String oldValue, String newValue, String reason, String requestedBy,
                  Instant requestedAt, CorrectionStatus status, String confirmedBy, Instant confirmedAt,
                  String decidedBy, Instant decidedAt, String rejectionReason, EvidenceInfo evidence) {

    /** What is known of the evidence file without its bytes. */
    record EvidenceInfo(String filename, String contentType, int size, String sha256) {
    }
}
