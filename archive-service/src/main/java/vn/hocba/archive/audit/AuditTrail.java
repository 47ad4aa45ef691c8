package vn.hocba.archive.audit;

import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

import vn.hocba.archive.archive.IntegrityFailed;
import vn.hocba.archive.school.ClassTermLockChanged;
import vn.hocba.archive.school.HomeroomEntered;
import vn.hocba.archive.school.MarksEntered;
import vn.hocba.archive.school.SchoolYearImported;
import vn.hocba.archive.workflow.RecordArchived;
import vn.hocba.archive.workflow.RecordRendered;
import vn.hocba.archive.workflow.RecordSigned;

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
    void on(RecordRendered e) {
        log.append(e.actor(), AuditAction.RECORD_RENDERED, e.lookupCode().toString(),
                e.school() + "/" + e.schoolYear() + "/" + e.student() + " v" + e.version() + " sha256=" + e.sha256());
    }

    @EventListener
    void on(RecordSigned e) {
        log.append(e.actor(), AuditAction.RECORD_SIGNED, e.lookupCode().toString(),
                e.role() + " " + e.staff() + " revision=" + e.revision() + " sha256=" + e.sha256());
    }

    @EventListener
    void on(RecordArchived e) {
        log.append("system", AuditAction.RECORD_ARCHIVED, e.lookupCode().toString(), "key=" + e.archiveKey() + " sha256=" + e.sha256());
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
