package vn.hocba.archive.corrections;

import java.time.Instant;
import java.util.UUID;

/** The principal rejected a correction request: the mark stays {@code oldValue}. */
public record CorrectionRejected(UUID correctionId, String school, String schoolYear, String classCode,
                                 String studentId, String subject, int term, String field, String oldValue,
                                 String newValue, String reason, String rejectedBy, Instant rejectedAt) {
}
