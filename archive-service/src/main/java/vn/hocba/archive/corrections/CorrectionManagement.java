package vn.hocba.archive.corrections;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.school.ClassTermLocks;
import vn.hocba.archive.school.DatasetProblem;
import vn.hocba.archive.school.MarkCorrections;
import vn.hocba.archive.school.SchoolDirectory;

/**
 * Corrections after lock, step by step (API.md "Lock windows and corrections"): each step checks the caller's standing
 * and the request's state by {@link CorrectionPolicy}, stores its change and announces it, in one transaction, so the
 * audit log (written by the audit feature upon the event, in that transaction) never misses a step nor records one
 * that rolled back. An approval also stores the new mark ({@link MarkCorrections#apply}) and announces
 * {@link CorrectionApproved}, upon which the documents that printed the old value are reissued.
 */
@Service
class CorrectionManagement {

    static final int MAX_REASON = 1000;

    /** A request as the controller read it; problems found while reading (paths of the body) travel with it. */
    record NewRequest(String student, String subject, Integer term, String field, JsonNode newValue, String reason,
                      Evidence evidence, List<DatasetProblem> problems) {
    }

    private final CorrectionRequests requests;
    private final CorrectionAccess access;
    private final SchoolDirectory directory;
    private final ClassTermLocks locks;
    private final MarkCorrections marks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CorrectionManagement(CorrectionRequests requests, CorrectionAccess access, SchoolDirectory directory,
                         ClassTermLocks locks, MarkCorrections marks, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.directory = directory;
        this.locks = locks;
        this.marks = marks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new request: 403 unless the caller teaches the class (and, after the input is checked, is the class-subject's
     * teacher or the homeroom teacher); 422 for bad input; 409 when the term is not locked or the mark already has an
     * open request.
     */
    @Transactional
    Correction request(Caller caller, String school, String year, NewRequest r) {
        requireYear(caller, school, year);
        directory.lockYear(school, year); // serialises with lock and unlock: the lock checked below holds until commit
        var student = r.student() == null ? Optional.<SchoolDirectory.Student>empty() : directory.student(school, year, r.student());
        var schoolClass = student.flatMap(s -> directory.schoolClass(school, year, s.classCode()));
        if (schoolClass.isPresent() && !access.teaches(caller, school, schoolClass.get())) {
            // before any check of the input: someone who does not teach the class learns nothing of its marks
            throw notRequester(schoolClass.get().code());
        }
        List<DatasetProblem> problems = new ArrayList<>(r.problems());
        var checked = marks.check(school, year, r.student(), r.subject(), r.term(), r.field(), r.newValue());
        problems.addAll(checked.problems());
        if (!problems.isEmpty() || checked.target().isEmpty()) {
            throw new CorrectionRefusedException(problems);
        }
        MarkCorrections.Target target = checked.target().get();
        var standing = access.standing(caller, school, year, schoolClass.orElseThrow(), target.subject(), null);
        var outcome = CorrectionPolicy.request(standing, locks.isLocked(school, year, target.classCode(), target.term()),
                requests.openRequestExists(school, year, target.student(), target.subject(), target.term(), target.field()));
        require(outcome, null);
        Instant now = now();
        var correction = new Correction(UUID.randomUUID(), school, year, target.classCode(), target.student(),
                target.subject(), target.term(), target.field(), target.oldValue(), target.newValue(), r.reason(),
                caller.username(), now, CorrectionStatus.REQUESTED, null, null, null, null, null,
                r.evidence() == null ? null : new Correction.EvidenceInfo(r.evidence().filename(),
                        r.evidence().contentType(), r.evidence().content().length, r.evidence().sha256()));
        requests.insert(correction, r.evidence());
        events.publishEvent(new CorrectionRequested(correction.id(), school, year, correction.classCode(),
                correction.studentId(), correction.subject(), correction.term(), correction.field(),
                correction.oldValue(), correction.newValue(), correction.reason(),
                r.evidence() == null ? null : r.evidence().sha256(), caller.username(), now));
        return correction;
    }

    /** The homeroom teacher's confirmation: 403 anyone else, 409 unless REQUESTED. */
    @Transactional
    Correction confirm(Caller caller, String school, String year, String id) {
        Correction c = locked(caller, school, year, id);
        require(CorrectionPolicy.confirm(c.status(), standing(caller, c)), c.status());
        Instant now = now();
        if (!requests.confirm(c.id(), caller.username(), now)) {
            throw raced(c);
        }
        events.publishEvent(new CorrectionConfirmed(c.id(), school, year, c.classCode(), c.studentId(), c.subject(),
                c.term(), c.field(), c.oldValue(), c.newValue(), caller.username(), now));
        return reread(c);
    }

    /**
     * The principal's approval: the new mark is stored (409 when the stored mark is no longer the old value, or the
     * term was unlocked meanwhile) and {@link CorrectionApproved} announced, all in this transaction.
     */
    @Transactional
    Correction approve(Caller caller, String school, String year, String id) {
        Correction c = locked(caller, school, year, id);
        require(CorrectionPolicy.approve(c.status(), standing(caller, c)), c.status());
        Instant now = now();
        marks.apply(school, year, new MarkCorrections.ApprovedCorrection(c.id(), c.classCode(), c.studentId(),
                c.subject(), c.term(), c.field(), c.oldValue(), c.newValue(), caller.username()));
        if (!requests.decide(c.id(), CorrectionStatus.CONFIRMED, CorrectionStatus.APPROVED, caller.username(), now, null)) {
            throw raced(c);
        }
        events.publishEvent(new CorrectionApproved(c.id(), school, year, c.classCode(), c.studentId(), c.subject(),
                c.term(), c.field(), c.oldValue(), c.newValue(), caller.username(), now));
        return reread(c);
    }

    /** The principal's rejection, with a reason: the mark stays. 409 once decided. */
    @Transactional
    Correction reject(Caller caller, String school, String year, String id, String reason) {
        return reject(caller, school, year, id, reason, List.of());
    }

    /**
     * As {@link #reject(Caller, String, String, String, String)}, with what was wrong with the request's body
     * ({@code bodyProblems}, each at its path): reported (422) once the caller may decide the request; {@code reason}
     * is read only when there are none.
     */
    Correction reject(Caller caller, String school, String year, String id, String reason,
                      List<DatasetProblem> bodyProblems) {
        Correction c = locked(caller, school, year, id);
        require(CorrectionPolicy.reject(c.status(), standing(caller, c)), c.status());
        if (!bodyProblems.isEmpty()) {
            throw new CorrectionRefusedException(bodyProblems);
        }
        if (reason == null) {
            throw new CorrectionRefusedException(List.of(new DatasetProblem("reason",
                    "the reason of the rejection is required (at most " + MAX_REASON + " characters)",
                    "cần ghi lý do từ chối (tối đa " + MAX_REASON + " ký tự)")));
        }
        Instant now = now();
        if (!requests.decide(c.id(), c.status(), CorrectionStatus.REJECTED, caller.username(), now, reason)) {
            throw raced(c);
        }
        events.publishEvent(new CorrectionRejected(c.id(), school, year, c.classCode(), c.studentId(), c.subject(),
                c.term(), c.field(), c.oldValue(), c.newValue(), reason, caller.username(), now));
        return reread(c);
    }

    /** The requests of the year the caller may see (their classes, or all for school-wide roles), newest first. */
    @Transactional(readOnly = true)
    List<Correction> list(Caller caller, String school, String year, CorrectionStatus status) {
        requireYear(caller, school, year);
        List<Correction> all = requests.list(school, year, status);
        if (access.seesWholeYear(caller, school, year)) {
            return all;
        }
        var taught = directory.classes(school, year).stream().filter(c -> access.teaches(caller, school, c))
                .map(SchoolDirectory.SchoolClass::code).collect(java.util.stream.Collectors.toSet());
        return all.stream().filter(c -> taught.contains(c.classCode())).toList();
    }

    /** One request: 403 unless the caller may see its class, 404 when there is none. */
    @Transactional(readOnly = true)
    Correction get(Caller caller, String school, String year, String id) {
        requireYear(caller, school, year);
        Correction c = parse(id).flatMap(uuid -> requests.find(school, year, uuid)).orElseThrow(() -> notFound(id));
        if (!access.maySee(caller, school, year, c.classCode())) {
            throw CorrectionAccess.mayNotSee(c.classCode());
        }
        return c;
    }

    /** The evidence file of a request the caller may see; 404 when it has none. */
    @Transactional(readOnly = true)
    Evidence evidence(Caller caller, String school, String year, String id) {
        Correction c = get(caller, school, year, id);
        return requests.evidence(c.id()).orElseThrow(() -> new NotFoundException("evidence of correction " + id,
                "minh chứng của yêu cầu sửa chữa " + id));
    }

    private Correction locked(Caller caller, String school, String year, String id) {
        requireYear(caller, school, year);
        return parse(id).flatMap(uuid -> requests.lock(school, year, uuid)).orElseThrow(() -> notFound(id));
    }

    /** What {@code caller} may do with {@code c} (for the worklist, {@link CorrectionWorklist}). */
    CorrectionPolicy.Standing standingOf(Caller caller, Correction c) {
        return standing(caller, c);
    }

    private CorrectionPolicy.Standing standing(Caller caller, Correction c) {
        var schoolClass = directory.schoolClass(c.school(), c.schoolYear(), c.classCode());
        if (schoolClass.isEmpty()) {
            // the class is gone from the year (a re-import): only the principal's standing can still hold
            schoolClass = Optional.of(new SchoolDirectory.SchoolClass(c.classCode(), 0, null, java.util.Map.of()));
        }
        return access.standing(caller, c.school(), c.schoolYear(), schoolClass.get(), c.subject(), c.requestedBy());
    }

    /** 403 for another school's caller, 404 for a year the school does not have. */
    void requireYear(Caller caller, String school, String year) {
        access.requireSchool(caller, school);
        if (!directory.yearExists(school, year)) {
            throw new NotFoundException("school year " + year + " of " + school, "năm học " + year + " của trường " + school);
        }
    }

    private Correction reread(Correction c) {
        return requests.find(c.school(), c.schoolYear(), c.id()).orElseThrow();
    }

    private static void require(CorrectionPolicy.Outcome outcome, CorrectionStatus status) {
        if (outcome instanceof CorrectionPolicy.Refused refused) {
            throw switch (refused.refusal()) {
                case NOT_ALLOWED -> new ForbiddenException(refused.detailEn(), refused.detailVi());
                case OUT_OF_ORDER -> new CorrectionConflictException(status, refused.detailEn(), refused.detailVi());
            };
        }
    }

    private static CorrectionConflictException raced(Correction c) {
        return new CorrectionConflictException(c.status(), "the correction changed meanwhile; read it again",
                "yêu cầu sửa chữa vừa bị thay đổi; hãy tải lại");
    }

    private static ForbiddenException notRequester(String classCode) {
        return new ForbiddenException("only the teacher of the subject in class " + classCode
                + " or its homeroom teacher asks for a correction",
                "chỉ giáo viên bộ môn hoặc giáo viên chủ nhiệm của lớp " + classCode + " được yêu cầu sửa điểm");
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("correction " + id, "yêu cầu sửa chữa " + id);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stored with microsecond precision by the databases: truncated so the answer equals what a read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
