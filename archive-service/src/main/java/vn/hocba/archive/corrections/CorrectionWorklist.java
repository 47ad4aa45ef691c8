package vn.hocba.archive.corrections;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hocba.archive.common.Caller;

/**
 * The correction requests awaiting one person's step (their worklist, "Việc của tôi"): requests of their classes to
 * confirm for a homeroom teacher, confirmed requests to approve or reject for the principal (or a vice principal).
 * The same rules decide as for the step itself ({@link CorrectionPolicy}), so the list offers only what would be
 * allowed.
 */
@Service
public class CorrectionWorklist {

    /** What the person is asked to do. */
    public enum Step {
        /** The homeroom teacher's confirmation. */
        CONFIRM,
        /** The principal's approval or rejection. */
        DECIDE
    }

    /**
     * One request awaiting the person's step.
     *
     * @param id        the request's id
     * @param classCode its class
     * @param student   the student's id
     * @param subject   the subject's code
     * @param term      1 or 2
     * @param field     the mark changed ({@code regular[0]}, {@code midterm}, {@code final}, …)
     * @param oldValue  the mark as stored
     * @param newValue  the mark asked for
     * @param reason    why (the requester's words)
     * @param requestedBy the requester's staff id
     * @param step      what the person is asked to do
     */
    public record Task(UUID id, String classCode, String student, String subject, int term, String field,
                       String oldValue, String newValue, String reason, String requestedBy, Step step) {
    }

    private final CorrectionManagement management;

    CorrectionWorklist(CorrectionManagement management) {
        this.management = management;
    }

    /** The requests of {@code school}'s year awaiting {@code caller}'s step, oldest first; empty for anyone else. */
    @Transactional(readOnly = true)
    public List<Task> awaiting(Caller caller, String school, String year) {
        if (caller.staffId() == null || !caller.isStaffOf(school)) {
            return List.of();
        }
        var open = new java.util.ArrayList<Correction>();
        open.addAll(management.list(caller, school, year, CorrectionStatus.REQUESTED));
        open.addAll(management.list(caller, school, year, CorrectionStatus.CONFIRMED));
        return open.stream()
                .sorted(java.util.Comparator.comparing(Correction::requestedAt))
                .flatMap(c -> step(caller, c).stream().map(step -> new Task(c.id(), c.classCode(), c.studentId(),
                        c.subject(), c.term(), c.field(), c.oldValue(), c.newValue(), c.reason(), c.requestedBy(), step)))
                .toList();
    }

    /** The homeroom teacher confirms request {@code id} (as {@code POST …/corrections/{id}/confirmation}). */
    public void confirm(Caller caller, String school, String year, String id) {
        management.confirm(caller, school, year, id);
    }

    /** The principal approves request {@code id} (as {@code POST …/corrections/{id}/approval}). */
    public void approve(Caller caller, String school, String year, String id) {
        management.approve(caller, school, year, id);
    }

    /** The principal rejects request {@code id} for {@code reason} (as {@code POST …/corrections/{id}/rejection}). */
    public void reject(Caller caller, String school, String year, String id, String reason) {
        management.reject(caller, school, year, id, reason);
    }

    private java.util.Optional<Step> step(Caller caller, Correction c) {
        var outcome = c.status() == CorrectionStatus.REQUESTED
                ? CorrectionPolicy.confirm(c.status(), management.standingOf(caller, c))
                : CorrectionPolicy.approve(c.status(), management.standingOf(caller, c));
        if (!(outcome instanceof CorrectionPolicy.Allowed)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(c.status() == CorrectionStatus.REQUESTED ? Step.CONFIRM : Step.DECIDE);
    }
}
