package vn.hocba.archive.corrections;

import java.time.Instant;
import java.util.UUID;

/** The homeroom teacher confirmed a correction request; it awaits the principal's decision. */
public record CorrectionConfirmed(UUID correctionId, String school, String schoolYear, String classCode,
                                  String studentId, String subject, int term, String field, String oldValue,
                                  String newValue, String confirmedBy, Instant confirmedAt) {
}
