package vn.hocba.archive.corrections;

import java.time.Instant;
import java.util.UUID;

/**
 * A correction of a locked mark was asked for, in the transaction that stored the request (the audit log records it
 * there: who, when, old and new value, why, and the evidence's sha256).
 *
 * @param oldValue       the stored mark at the time of the request, null when missing
 * @param evidenceSha256 the hex sha256 of the evidence file, null when none was given
 */
public record CorrectionRequested(UUID correctionId, String school, String schoolYear, String classCode,
                                  String studentId, String subject, int term, String field, String oldValue,
                                  String newValue, String reason, String evidenceSha256, String requestedBy,
                                  Instant requestedAt) {
}
