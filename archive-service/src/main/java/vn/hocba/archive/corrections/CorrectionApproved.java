package vn.hocba.archive.corrections;

import java.time.Instant;
import java.util.UUID;

/**
 * A correction was approved and its new value stored, in the transaction that published this event: the documents
 * that printed the old value (the student's record, the subject's gradebooks and the class summary books of the
 * periods covering {@code term}) must be superseded and reissued.
 *
 * @param field {@code final}, {@code midterm} or {@code regular[i]} (API.md)
 */
public record CorrectionApproved(UUID correctionId, String school, String schoolYear, String classCode,
                                 String studentId, String subject, int term, String field, String oldValue,
                                 String newValue, String approvedBy, Instant approvedAt) {
}
