package vn.hocba.archive.audit;

import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

import vn.hocba.archive.archive.IntegrityFailed;
import vn.hocba.archive.batch.SigningBatchFinished;
import vn.hocba.archive.batch.SigningBatchStarted;
import vn.hocba.archive.corrections.CorrectionApproved;
import vn.hocba.archive.corrections.CorrectionConfirmed;
import vn.hocba.archive.corrections.CorrectionRejected;
import vn.hocba.archive.corrections.CorrectionRequested;
import vn.hocba.archive.school.ClassTermLockChanged;
import vn.hocba.archive.school.HomeroomEntered;
import vn.hocba.archive.school.MarksEntered;
import vn.hocba.archive.school.SchoolYearImported;
import vn.hocba.archive.workflow.DocumentArchived;
import vn.hocba.archive.workflow.DocumentRendered;
import vn.hocba.archive.workflow.DocumentSigned;
import vn.hocba.archive.workflow.DocumentSuperseded;

/**
 * Writes every state change announced by the features into the audit log, in the transaction of the change: no change
 * commits without its entry.
 */
@Component
class AuditTrail {

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(SchoolYearImported e) {
        log.append(e.actor(), AuditAction.IMPORT, e.school() + "/" + e.schoolYear(), "sha256=" + e.sha256() + " counts=" + e.counts());
    }

    @EventListener
    void on(DocumentRendered e) {
        log.append(e.actor(), AuditAction.DOCUMENT_RENDERED, e.lookupCode().toString(),
                e.key().school() + " " + e.key().describe() + " v" + e.version()
                        + (e.supersedes() == null ? "" : " supersedes=" + e.supersedes() + " corrections=" + e.corrections())
                        + " sha256=" + e.sha256());
    }

    @EventListener
    void on(DocumentSigned e) {
        log.append(e.actor(), AuditAction.DOCUMENT_SIGNED, e.lookupCode().toString(),
                e.role() + " " + e.staff() + " revision=" + e.revision() + " sha256=" + e.sha256());
    }

    /** Reads have no transaction of their own: the entry commits by itself, before the answer is sent. */
    @EventListener
    void on(vn.hocba.archive.common.InspectorAccessed e) {
        var action = switch (e.kind()) {
            case SEARCH -> AuditAction.INSPECTOR_SEARCH;
            case DOCUMENT_READ -> AuditAction.INSPECTOR_DOCUMENT_READ;
            case DOCUMENT_DOWNLOAD -> AuditAction.INSPECTOR_DOCUMENT_DOWNLOAD;
            case DOCUMENT_REFUSED -> AuditAction.INSPECTOR_DOCUMENT_REFUSED;
        };
        log.append(e.actor(), action, e.subject(), e.details());
    }

    @EventListener
    void on(vn.hocba.archive.common.AccountCreated e) {
        log.append(e.actor(), AuditAction.ACCOUNT_CREATED, e.username(), e.details());
    }

    @EventListener
    void on(vn.hocba.archive.common.AccountPasswordChanged e) {
        log.append(e.username(), AuditAction.ACCOUNT_PASSWORD_CHANGED, e.username(), e.details());
    }

    @EventListener
    void on(vn.hocba.archive.common.AccountLocked e) {
        log.append("system", AuditAction.ACCOUNT_LOCKED, e.username(), "failures=" + e.failures() + " until=" + e.until());
    }

    @EventListener
    void on(DocumentArchived e) {
        if (e.archivedNow()) { // the same facts republished for a superseded version are not an archiving
            log.append("system", AuditAction.DOCUMENT_ARCHIVED, e.lookupCode().toString(),
                    e.documentType() + " key=" + e.archiveKey() + " sha256=" + e.sha256());
        }
    }

    @EventListener
    void on(vn.hocba.archive.workflow.DocumentArchiveRenewed e) {
        log.append("system", AuditAction.ARCHIVE_TIMESTAMP_RENEWED, e.lookupCode().toString(),
                "key=" + e.newKey() + " replaces " + e.oldKey() + " sha256=" + e.sha256() + " timestamp valid until "
                        + e.timestampValidUntil());
    }

    @EventListener
    void on(DocumentSuperseded e) {
        log.append(e.actor(), AuditAction.DOCUMENT_SUPERSEDED, e.lookupCode().toString(),
                "by " + e.supersededBy() + " after correction " + e.correction() + " (" + e.key().describe() + ")");
    }

    @EventListener
    void on(SigningBatchStarted e) {
        log.append(e.actor(), AuditAction.SIGNING_BATCH_STARTED, e.id().toString(),
                "documents=" + e.total() + " scope=" + e.scope() + " method=" + e.method());
    }

    @EventListener
    void on(SigningBatchFinished e) {
        log.append(e.actor(), AuditAction.SIGNING_BATCH_FINISHED, e.id().toString(),
                "documents=" + e.total() + " signed=" + e.signed() + " failed=" + e.failed() + " skipped=" + e.skipped());
    }

    @EventListener
    void on(vn.hocba.archive.archive.LegalHoldPlaced e) {
        log.append(e.actor(), AuditAction.LEGAL_HOLD_PLACED, e.lookupCode().toString(),
                "hold=" + e.holdId() + " reference=" + e.reference() + " reason=" + e.reason());
    }

    @EventListener
    void on(vn.hocba.archive.archive.LegalHoldReleased e) {
        log.append(e.actor(), AuditAction.LEGAL_HOLD_RELEASED, e.lookupCode().toString(),
                "hold=" + e.holdId() + (e.storeHoldOff() ? " (last open hold: the store's hold is off)" : ""));
    }

    @EventListener
    void on(IntegrityFailed e) {
        log.append("system", AuditAction.INTEGRITY_FAILURE, e.lookupCode() == null ? e.key() : e.lookupCode().toString(),
                e.reason() + " key=" + e.key() + " found by " + e.foundBy() + ": " + e.detail());
    }

    @EventListener
    void on(ClassTermLockChanged e) {
        log.append(e.actor(), e.locked() ? AuditAction.CLASS_TERM_LOCKED : AuditAction.CLASS_TERM_UNLOCKED,
                e.school() + "/" + e.schoolYear() + "/" + e.classCode() + "/" + e.term(), e.locked() ? "locked" : "unlocked");
    }

    /** One entry per student: who (actor), when (the entry's time), the old and the new marks (lưu vết). */
    @EventListener
    void on(MarksEntered e) {
        for (var c : e.changes()) {
            log.append(e.actor(), AuditAction.MARKS_ENTERED,
                    e.school() + "/" + e.schoolYear() + "/" + c.student() + "/" + e.subject() + "/" + e.term(),
                    "class=" + e.classCode() + " old: " + (c.before() == null ? "none" : c.before()) + " new: " + c.after());
        }
    }

    // Corrections after lock (lưu vết): every step with who (actor), when (the entry's time), the mark, its old and
    // new value; the subject names the mark as MARKS_ENTERED does, so a mark's history reads from one subject.

    @EventListener
    void on(CorrectionRequested e) {
        log.append(e.requestedBy(), AuditAction.CORRECTION_REQUESTED, mark(e.school(), e.schoolYear(), e.studentId(),
                e.subject(), e.term()), correction(e.correctionId(), e.classCode(), e.field(), e.oldValue(), e.newValue())
                + " evidence=" + (e.evidenceSha256() == null ? "none" : "sha256:" + e.evidenceSha256())
                + " reason: " + e.reason());
    }

    @EventListener
    void on(CorrectionConfirmed e) {
        log.append(e.confirmedBy(), AuditAction.CORRECTION_CONFIRMED, mark(e.school(), e.schoolYear(), e.studentId(),
                e.subject(), e.term()), correction(e.correctionId(), e.classCode(), e.field(), e.oldValue(), e.newValue()));
    }

    @EventListener
    void on(CorrectionApproved e) {
        log.append(e.approvedBy(), AuditAction.CORRECTION_APPROVED, mark(e.school(), e.schoolYear(), e.studentId(),
                e.subject(), e.term()), correction(e.correctionId(), e.classCode(), e.field(), e.oldValue(), e.newValue())
                + " stored");
    }

    @EventListener
    void on(CorrectionRejected e) {
        log.append(e.rejectedBy(), AuditAction.CORRECTION_REJECTED, mark(e.school(), e.schoolYear(), e.studentId(),
                e.subject(), e.term()), correction(e.correctionId(), e.classCode(), e.field(), e.oldValue(), e.newValue())
                + " reason: " + e.reason());
    }

    private static String mark(String school, String year, String student, String subject, int term) {
        return school + "/" + year + "/" + student + "/" + subject + "/" + term;
    }

    private static String correction(java.util.UUID id, String classCode, String field, String oldValue, String newValue) {
        return "correction=" + id + " class=" + classCode + " field=" + field + " old: "
                + (oldValue == null ? "none" : oldValue) + " new: " + newValue;
    }

    /** One entry per student: who, when, the old and the new conduct and days absent, or homeroom comment. */
    @EventListener
    void on(HomeroomEntered e) {
        boolean comment = e.what() == HomeroomEntered.What.HOMEROOM_COMMENT;
        for (var c : e.changes()) {
            log.append(e.actor(), comment ? AuditAction.COMMENT_ENTERED : AuditAction.CONDUCT_ENTERED,
                    e.school() + "/" + e.schoolYear() + "/" + c.student() + (comment ? "/comment" : "/" + e.term()),
                    "class=" + e.classCode() + " old: " + (c.before() == null ? "none" : c.before()) + " new: " + c.after());
        }
    }
}
