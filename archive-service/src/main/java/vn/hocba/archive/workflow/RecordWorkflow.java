package vn.hocba.archive.workflow;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.archive.CompletedDocuments;
import vn.hocba.archive.archive.DocumentCompleted;
import vn.hocba.archive.archive.RecordArchive;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.pki.SigningKeys;
import vn.hocba.archive.rendering.RecordRendering;
import vn.hocba.archive.rendering.RenderedRecord;
import vn.hocba.archive.rendering.SignatureSlot;
import vn.hocba.archive.school.ClassTermLocks;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolDirectory.StudentYear;
import vn.hocba.archive.security.StudentAccess;
import vn.hocba.signing.PdfSigner;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;

/**
 * The life of a student record: rendered once per student and year, then signed in sequence (each subject teacher of
 * the class in any order, then the homeroom teacher, then the principal), each signature an incremental revision,
 * and written once to the archive when complete.
 *
 * <p>Signing runs outside any transaction (it is the slow part). Signers of one record queue on an in-process lock;
 * the new revision is stored under an optimistic check of the record's revision number, which matters only when
 * several instances share the database: the loser signs again on top of the winner's revision.
 */
@Service
public class RecordWorkflow {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordWorkflow.class);
    private static final int ATTEMPTS = 10;

    /**
     * Signatures of one record are serialised within this process (striped by student), so concurrent signers queue
     * instead of racing; the optimistic revision check still guards against other instances.
     */
    private final ReentrantLock[] signingLocks = new ReentrantLock[64];

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final SchoolDirectory directory;
    private final RecordRendering rendering;
    private final SigningKeys keys;
    private final PdfSigner signer;
    private final RecordArchive archive;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StudentAccess access;
    private final ClassTermLocks locks;

    RecordWorkflow(JdbcClient db, TransactionTemplate tx, SchoolDirectory directory, RecordRendering rendering,
                   SigningKeys keys, PdfSigner signer, RecordArchive archive, ApplicationEventPublisher events,
                   Clock clock, StudentAccess access, ClassTermLocks locks) {
        this.access = access;
        this.locks = locks;
        this.db = db;
        this.tx = tx;
        this.directory = directory;
        this.rendering = rendering;
        this.keys = keys;
        this.signer = signer;
        this.archive = archive;
        this.events = events;
        this.clock = clock;
        Arrays.setAll(signingLocks, i -> new ReentrantLock());
    }

    /** A rendered answer, and whether this call created it. */
    public record Rendered(RecordView record, boolean created) {
    }

    /** The bytes of one version of a record. */
    public record Pdf(UUID lookupCode, String studentId, String schoolYear, int version, byte[] bytes) {

        /** The answer of every PDF download, API or page: shown inline, named after the student, year and version. */
        public org.springframework.http.ResponseEntity<byte[]> inline() {
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.inline()
                                    .filename("hocba-" + studentId + "-" + schoolYear + "-v" + version + ".pdf")
                                    .build().toString())
                    .body(bytes);
        }
    }

    /** How many records of a class are rendered (not superseded), and how many of those archived. */
    public record RecordCounts(int rendered, int archived) {
        public static final RecordCounts NONE = new RecordCounts(0, 0);
    }

    /** Record counts per class of a school year, in one query (for overview pages). */
    public Map<String, RecordCounts> recordCounts(String school, String year) {
        Map<String, RecordCounts> out = new LinkedHashMap<>();
        db.sql("""
                select class_code, count(*), sum(case when status = 'ARCHIVED' then 1 else 0 end) from student_record
                where school_code = ? and school_year = ? and status <> 'SUPERSEDED' group by class_code""")
                .params(school, year)
                .query(rs -> {
                    out.put(rs.getString(1), new RecordCounts(rs.getInt(2), rs.getInt(3)));
                });
        return out;
    }

    /** Renders the record of that student and year unless it exists; returns the current one otherwise. */
    public Rendered render(String school, String year, String studentId, Caller caller) {
        requireAccess(caller, school, year, studentId);
        Optional<RecordRow> existing = current(school, year, studentId);
        if (existing.isPresent()) {
            return new Rendered(view(existing.get()), false);
        }
        String datasetSha = directory.datasetSha256(school, year)
                .orElseThrow(() -> new NotFoundException("school year " + year + " of " + school, "năm học " + year + " của trường " + school));
        StudentYear data = directory.studentYear(school, year, studentId)
                .orElseThrow(() -> new NotFoundException("student " + studentId + " in " + year, "học sinh " + studentId + " năm học " + year));
        // signed only from data that can no longer change: every term of the class locked (409 not-locked)
        locks.requireLocked(school, year, data.student().classCode());
        var principal = data.staff().values().stream().filter(m -> m.hasRole(StaffRole.PRINCIPAL)).findFirst()
                .orElseThrow(() -> new WorkflowConflictException("no-principal",
                        "the school has no principal in " + year + " to countersign",
                        "trường chưa có hiệu trưởng trong năm học " + year + " để ký duyệt", List.of()));
        UUID lookupCode = UUID.randomUUID();
        int version = 1;
        Instant now = clock.instant();
        RenderedRecord rendered = rendering.render(lookupCode, version, data, now);
        List<PlannedSigner> plan = plan(school, year, data, principal, rendered);
        String sha = Hashes.sha256(rendered.pdf());
        try {
            tx.executeWithoutResult(status -> {
                // the year's data must be what was rendered: a re-import in between would leave a stale record
                if (!directory.lockYear(school, year).equals(datasetSha)) {
                    throw new WorkflowConflictException("data-changed",
                            "the school year's data changed while the record was rendered; try again",
                            "dữ liệu năm học vừa thay đổi trong lúc tạo học bạ; vui lòng thử lại", List.of());
                }
                locks.requireLocked(school, year, data.student().classCode()); // not unlocked meanwhile
                db.sql("""
                        insert into student_record (lookup_code, school_code, school_year, student_id, class_code, version,
                            status, revision, pdf, sha256, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                        .params(lookupCode, school, year, studentId, data.student().classCode(), version,
                                RecordStatus.SIGNING.name(), rendered.pdf(), sha, Timestamp.from(now))
                        .update();
                for (PlannedSigner p : plan) {
                    db.sql("""
                            insert into record_signer (lookup_code, staff_id, role, stage, subjects, full_name, box_page,
                                box_x, box_y, box_width, box_height) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(lookupCode, p.staffId(), p.role().name(), p.role().stage(), String.join(",", p.subjects()),
                                    p.fullName(), p.box().page(), BigDecimal.valueOf(p.box().x()), BigDecimal.valueOf(p.box().y()),
                                    BigDecimal.valueOf(p.box().width()), BigDecimal.valueOf(p.box().height()))
                            .update();
                }
                events.publishEvent(new RecordRendered(lookupCode, school, year, studentId, version, sha, caller.username()));
            });
        } catch (DuplicateKeyException raced) {
            // someone rendered the same record a moment earlier: theirs stands
            return new Rendered(view(current(school, year, studentId).orElseThrow()), false);
        }
        return new Rendered(view(current(school, year, studentId).orElseThrow()), true);
    }

    public RecordView get(String school, String year, String studentId, Caller caller) {
        requireAccess(caller, school, year, studentId);
        // no side effect: a complete record is archived by the outbox, never by a read
        return view(current(school, year, studentId).orElseThrow(() -> notRendered(studentId)));
    }

    /** The caller signs their turn, whatever version is current (no {@code If-Match}). */
    public RecordView sign(String school, String year, String studentId, Caller caller) {
        return sign(school, year, studentId, caller, null);
    }

    /**
     * The caller signs ONE step: the step that was their turn when the request arrived (API.md "One request signs one
     * step"). A homeroom teacher who also teaches a subject of the class signs twice, in two requests; a request that
     * arrives out of turn is refused at once, never queued until the turn comes.
     *
     * @param ifMatch the sha256 of the version the signer reviewed (from {@code If-Match}), or null
     * @throws ForbiddenException          (403) the caller has no place in the sequence
     * @throws WorkflowConflictException   (409) out of turn, signed already, the record complete, or the record moved
     *                                     on while the request waited so that its step is no longer open
     * @throws PreconditionFailedException (412) the record is no longer the version {@code ifMatch} names
     */
    public RecordView sign(String school, String year, String studentId, Caller caller, String ifMatch) {
        if (caller.staffId() == null || !school.equals(caller.school())) {
            throw new ForbiddenException("you have no place in the signing sequence of this record",
                    "bạn không có tên trong trình tự ký của học bạ này");
        }
        // who may not read the record learns nothing of it here either: not whether it exists, nor its version. Every
        // planned signer may read it (the plan holds that year's teachers of the class and principal), so the access
        // rule's queries are paid only when there is no record or the caller is not in its plan
        Optional<RecordRow> found = current(school, year, studentId);
        if (found.isEmpty()) {
            requireAccess(caller, school, year, studentId);
            throw notRendered(studentId);
        }
        RecordRow arrived = found.get();
        List<PlannedSigner> plan = plan(arrived.lookupCode());
        if (plan.stream().noneMatch(p -> p.staffId().equals(caller.staffId()))) {
            throw new ForbiddenException("you have no place in the signing sequence of this record",
                    "bạn không có tên trong trình tự ký của học bạ này");
        }
        requireVersion(arrived, ifMatch);
        // the step is fixed on arrival, before queueing behind other signers of the record
        PlannedSigner step = turnOf(arrived, plan, caller);
        var lock = signingLocks[Math.floorMod((school + "/" + year + "/" + studentId).hashCode(), signingLocks.length)];
        lock.lock();
        try {
            return signStep(school, year, studentId, caller, arrived.lookupCode(), step, ifMatch);
        } finally {
            lock.unlock();
        }
    }

    /** The caller's open step in the current stage, or the refusal that says why there is none. */
    private PlannedSigner turnOf(RecordRow record, List<PlannedSigner> plan, Caller caller) {
        List<PlannedSigner> mine = plan.stream().filter(p -> p.staffId().equals(caller.staffId())).toList();
        if (mine.isEmpty()) {
            throw new ForbiddenException("you have no place in the signing sequence of this record",
                    "bạn không có tên trong trình tự ký của học bạ này");
        }
        List<String> awaiting = awaiting(plan);
        if (record.status() != RecordStatus.SIGNING) {
            throw new WorkflowConflictException("record-complete", "the record is complete; it takes no more signatures",
                    "học bạ đã đủ chữ ký; không thể ký thêm", awaiting);
        }
        int stage = currentStage(plan);
        return mine.stream().filter(p -> p.signedAt() == null && p.role().stage() == stage).findFirst()
                .orElseThrow(() -> mine.stream().allMatch(p -> p.signedAt() != null)
                        ? new WorkflowConflictException("already-signed", "you have signed this record already",
                                "bạn đã ký học bạ này rồi", awaiting)
                        : new WorkflowConflictException("out-of-turn", "it is not your turn to sign; waiting for " + awaiting,
                                "chưa đến lượt bạn ký; đang chờ " + awaiting, awaiting));
    }

    private static void requireVersion(RecordRow record, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals(record.sha256())) {
            throw new PreconditionFailedException(record.sha256());
        }
    }

    private RecordView signStep(String school, String year, String studentId, Caller caller, UUID lookupCode,
                                PlannedSigner step, String ifMatch) {
        for (int attempt = 1; ; attempt++) {
            RecordRow record = current(school, year, studentId).orElseThrow(() -> notRendered(studentId));
            List<PlannedSigner> plan = plan(record.lookupCode());
            if (!record.lookupCode().equals(lookupCode)) {
                throw new WorkflowConflictException("superseded", "the record was replaced while your request waited",
                        "học bạ đã được thay thế trong lúc yêu cầu của bạn chờ xử lý", awaiting(plan));
            }
            requireVersion(record, ifMatch);
            PlannedSigner turn = turnOf(record, plan, caller);
            if (!turn.staffId().equals(step.staffId()) || turn.role() != step.role()) {
                // e.g. the same person's other request signed this step while this one waited: its own step is done
                throw new WorkflowConflictException("step-signed",
                        "the step this request was for (" + step.role() + ") was signed while it waited; send a new request for your next step",
                        "bước ký của yêu cầu này (" + step.role().label() + ") đã được ký trong lúc chờ; hãy gửi yêu cầu mới cho bước tiếp theo",
                        awaiting(plan));
            }
            Instant now = clock.instant();
            var school0 = directory.school(school).orElseThrow();
            var token = keys.tokenFor(school, school0.name(), caller.staffId(), turn.fullName());
            String roleLabel = turn.role() == SignerRole.SUBJECT_TEACHER
                    ? turn.role().label() + " (" + String.join(", ", subjectNames(school, year, turn.subjects())) + ")"
                    : turn.role().label();
            byte[] signed = signer.sign(workingPdf(record.lookupCode()), token, new SignatureRequest(turn.box(), turn.fullName(), roleLabel,
                    reason(turn.role()), school0.name(), now));
            if (store(record, turn, signed, now, plan, caller)) {
                return view(current(school, year, studentId).orElseThrow());
            }
            if (attempt == ATTEMPTS) {
                throw new WorkflowConflictException("busy", "the record is being signed by others; try again",
                        "học bạ đang được người khác ký; vui lòng thử lại", awaiting(plan(record.lookupCode())));
            }
        }
    }

    /** Stores the new revision if nobody else stored one meanwhile; archives it when it was the last signature. */
    private boolean store(RecordRow record, PlannedSigner turn, byte[] signed, Instant now, List<PlannedSigner> plan,
                          Caller caller) {
        String sha = Hashes.sha256(signed);
        int revision = record.revision() + 1;
        boolean last = plan.stream().filter(p -> p.signedAt() == null).count() == 1;
        Boolean stored = tx.execute(status -> {
            int updated = db.sql("""
                    update student_record set pdf = ?, sha256 = ?, revision = ? where lookup_code = ? and revision = ?""")
                    .params(signed, sha, revision, record.lookupCode(), record.revision())
                    .update();
            if (updated == 0) {
                return false;
            }
            db.sql("update record_signer set signed_at = ?, revision = ? where lookup_code = ? and staff_id = ? and role = ?")
                    .params(Timestamp.from(now), revision, record.lookupCode(), turn.staffId(), turn.role().name()).update();
            events.publishEvent(new RecordSigned(record.lookupCode(), record.school(), record.schoolYear(), record.studentId(),
                    turn.staffId(), turn.role(), revision, sha, caller.username()));
            if (last) {
                // into the outbox with this signature: archived after the answer, and again until it succeeds
                events.publishEvent(new DocumentCompleted(record.lookupCode(), sha));
            }
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    /**
     * Every fully signed record still in SIGNING: completed before a crash, or while the store was down (the outbox
     * archives them too; this lets the start-up reconciliation finish them before readiness).
     */
    public List<UUID> completeButUnarchived() {
        return db.sql("""
                select r.lookup_code from student_record r where r.status = 'SIGNING'
                and not exists (select 1 from record_signer s where s.lookup_code = r.lookup_code and s.signed_at is null)""")
                .query(UUID.class).list();
    }

    /** The working PDF of a complete record awaiting the archive, with its sha256; empty otherwise. */
    Optional<CompletedDocuments.Completed> awaitingArchive(UUID lookupCode) {
        var row = db.sql(SELECT + " where lookup_code = ?").param(lookupCode).query(this::row).optional();
        if (row.isEmpty() || row.get().status() != RecordStatus.SIGNING
                || plan(lookupCode).stream().anyMatch(p -> p.signedAt() == null)) {
            return Optional.empty();
        }
        return Optional.of(new CompletedDocuments.Completed(lookupCode, workingPdf(lookupCode), row.get().sha256()));
    }

    /** Marks a complete record ARCHIVED under {@code key} and announces it, in the caller's transaction. */
    boolean markArchived(UUID lookupCode, String key, Instant at) {
        RecordRow row = db.sql(SELECT + " where lookup_code = ?").param(lookupCode).query(this::row).single();
        int updated = db.sql("""
                update student_record set status = 'ARCHIVED', archived_at = ?, archive_key = ?, pdf = null
                where lookup_code = ? and revision = ? and status = 'SIGNING'""")
                .params(Timestamp.from(at), key, lookupCode, row.revision()).update();
        if (updated == 1) {
            var student = directory.student(row.school(), row.schoolYear(), row.studentId()).orElseThrow();
            events.publishEvent(new RecordArchived(lookupCode, row.school(), row.schoolYear(), student.classCode(),
                    student.id(), student.fullName(), row.version(), key, row.sha256()));
        }
        return updated == 1;
    }

    /** The current PDF, or the given version's; archived records are read back from the archive. */
    public Pdf pdf(String school, String year, String studentId, Integer version, Caller caller) {
        requireAccess(caller, school, year, studentId);
        RecordRow row = (version == null ? current(school, year, studentId) : byVersion(school, year, studentId, version))
                .orElseThrow(() -> notRendered(studentId));
        return pdfOf(row);
    }

    /**
     * The document with that lookup code, any version (API.md {@code GET /api/v1/documents/{lookupCode}}).
     *
     * @throws NotFoundException  (404) no document has that lookup code
     * @throws ForbiddenException (403) the caller may not read it (the same rule as the student's record)
     */
    public RecordView document(UUID lookupCode, Caller caller) {
        RecordRow row = byLookupCode(lookupCode);
        requireAccess(caller, row.school(), row.schoolYear(), row.studentId());
        return view(row);
    }

    /** The PDF of the version with that lookup code; archived bytes only when they match their recorded sha256. */
    public Pdf documentPdf(UUID lookupCode, Caller caller) {
        RecordRow row = byLookupCode(lookupCode);
        requireAccess(caller, row.school(), row.schoolYear(), row.studentId());
        return pdfOf(row);
    }

    /**
     * The caller signs their step of the document with that lookup code, which must be the student's current version
     * (409 {@code superseded} otherwise). Otherwise as {@link #sign(String, String, String, Caller, String)}.
     */
    public RecordView signDocument(UUID lookupCode, Caller caller, String ifMatch) {
        RecordRow row = byLookupCode(lookupCode);
        requireAccess(caller, row.school(), row.schoolYear(), row.studentId());
        RecordRow current = current(row.school(), row.schoolYear(), row.studentId()).orElseThrow();
        if (!current.lookupCode().equals(lookupCode)) {
            throw new WorkflowConflictException("superseded", "this version was replaced by " + current.lookupCode()
                    + "; sign the current version", "phiên bản này đã được thay bằng " + current.lookupCode()
                    + "; hãy ký phiên bản hiện hành", List.of());
        }
        return sign(row.school(), row.schoolYear(), row.studentId(), caller, ifMatch);
    }

    /** The bytes of that version: archived ones checked against the sha256 recorded at archive time, else the working PDF. */
    private Pdf pdfOf(RecordRow row) {
        byte[] bytes = row.archiveKey() != null ? archive.read(row.archiveKey(), row.sha256(), row.lookupCode())
                : workingPdf(row.lookupCode());
        return new Pdf(row.lookupCode(), row.studentId(), row.schoolYear(), row.version(), bytes);
    }

    private RecordRow byLookupCode(UUID lookupCode) {
        return db.sql(SELECT + " where lookup_code = ?").param(lookupCode).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("document " + lookupCode, "văn bản " + lookupCode));
    }

    /** Records of one class, by student id, for the pages. */
    public Map<String, RecordView> recordsOfClass(String school, String year, String classCode) {
        Map<String, RecordView> out = new LinkedHashMap<>();
        db.sql(SELECT + " where school_code = ? and school_year = ? and class_code = ? and status <> 'SUPERSEDED'")
                .params(school, year, classCode).query(this::row).list()
                .forEach(r -> out.put(r.studentId(), view(r)));
        return out;
    }

    /** Every archived record, as the event that announced it (for rebuilding indexes). */
    public List<RecordArchived> archived() {
        record Row(UUID lookupCode, String school, String year, String classCode, String student, int version,
                   String key, String sha256) {
        }
        List<Row> rows = db.sql("""
                select lookup_code, school_code, school_year, class_code, student_id, version, archive_key, sha256
                from student_record where status = 'ARCHIVED'""")
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)))
                .list();
        // names from the school module (its tables are its own), one query per school year
        Map<String, Map<String, String>> names = new java.util.HashMap<>();
        List<RecordArchived> out = new ArrayList<>();
        for (Row r : rows) {
            String name = names.computeIfAbsent(r.school() + "/" + r.year(),
                    k -> directory.studentNames(r.school(), r.year())).getOrDefault(r.student(), r.student());
            out.add(new RecordArchived(r.lookupCode(), r.school(), r.year(), r.classCode(), r.student(), name,
                    r.version(), r.key(), r.sha256()));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private List<PlannedSigner> plan(String school, String year, StudentYear data,
                                     SchoolDirectory.StaffMember principal, RenderedRecord rendered) {
        Map<String, List<String>> subjectsByTeacher = new LinkedHashMap<>();
        data.schoolClass().subjectTeachers().forEach((subject, staff) -> {
            if (data.subjects().stream().anyMatch(s -> s.code().equals(subject))) {
                subjectsByTeacher.computeIfAbsent(staff, k -> new ArrayList<>()).add(subject);
            }
        });
        List<PlannedSigner> plan = new ArrayList<>();
        subjectsByTeacher.forEach((staff, subjects) -> plan.add(new PlannedSigner(staff, SignerRole.SUBJECT_TEACHER,
                subjects, name(data, staff), box(rendered, SignatureSlot.subject(subjects.get(0))), null)));
        String homeroom = data.schoolClass().homeroomTeacher();
        plan.add(new PlannedSigner(homeroom, SignerRole.HOMEROOM_TEACHER, List.of(), name(data, homeroom),
                box(rendered, SignatureSlot.HOMEROOM), null));
        plan.add(new PlannedSigner(principal.id(), SignerRole.PRINCIPAL, List.of(), principal.fullName(),
                box(rendered, SignatureSlot.PRINCIPAL), null));
        return plan;
    }

    private static String name(StudentYear data, String staffId) {
        var member = data.staff().get(staffId);
        return member == null ? staffId : member.fullName();
    }

    private static SignatureBox box(RenderedRecord rendered, SignatureSlot slot) {
        var b = rendered.signatureBoxes().get(slot);
        if (b == null) {
            throw new IllegalStateException("the renderer drew no signature box " + slot);
        }
        return new SignatureBox(b.page(), b.x(), b.y(), b.width(), b.height());
    }

    private List<String> subjectNames(String school, String year, List<String> codes) {
        var names = new ArrayList<String>();
        var subjects = directory.subjects(school, year);
        for (String code : codes) {
            names.add(subjects.stream().filter(s -> s.code().equals(code)).map(SchoolDirectory.Subject::name)
                    .findFirst().orElse(code));
        }
        return names;
    }

    private static String reason(SignerRole role) {
        return switch (role) {
            case SUBJECT_TEACHER -> "Xác nhận kết quả môn học";
            case HOMEROOM_TEACHER -> "Xác nhận đánh giá của giáo viên chủ nhiệm";
            case PRINCIPAL -> "Phê duyệt học bạ";
        };
    }

    private static int currentStage(List<PlannedSigner> plan) {
        return plan.stream().filter(p -> p.signedAt() == null).mapToInt(p -> p.role().stage()).min().orElse(Integer.MAX_VALUE);
    }

    private static List<String> awaiting(List<PlannedSigner> plan) {
        int stage = currentStage(plan);
        return plan.stream().filter(p -> p.signedAt() == null && p.role().stage() == stage)
                .map(PlannedSigner::staffId).distinct().toList();
    }

    private RecordView view(RecordRow row) {
        List<PlannedSigner> plan = plan(row.lookupCode());
        var signatures = plan.stream().filter(p -> p.signedAt() != null)
                .sorted(java.util.Comparator.comparing(PlannedSigner::signedAt))
                .map(p -> new RecordView.Signature(p.staffId(), p.role(), p.subjects(), p.signedAt()))
                .toList();
        List<String> awaiting = row.status() == RecordStatus.SIGNING ? awaiting(plan) : List.of();
        return new RecordView(row.lookupCode(), "STUDENT_RECORD", row.school(), row.schoolYear(), row.classCode(),
                row.studentId(), null, null, row.version(), row.status(), row.sha256(), null, 0, SIGNATURE_LEVEL,
                signatures, awaiting);
    }

    private List<PlannedSigner> plan(UUID lookupCode) {
        return db.sql("""
                select staff_id, role, subjects, full_name, box_page, box_x, box_y, box_width, box_height, signed_at
                from record_signer where lookup_code = ? order by stage, revision, staff_id""")
                .param(lookupCode)
                .query((rs, i) -> new PlannedSigner(rs.getString(1), SignerRole.valueOf(rs.getString(2)),
                        rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split(",")), rs.getString(4),
                        new SignatureBox(rs.getInt(5), rs.getFloat(6), rs.getFloat(7), rs.getFloat(8), rs.getFloat(9)),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** Everything but the PDF bytes, which only signing, archiving and downloads read ({@link #workingPdf}). */
    private static final String SELECT = """
            select lookup_code, school_code, school_year, student_id, version, status, revision, sha256, archive_key,
                   class_code
            from student_record""";

    /** The level of the signatures applied today (B-LT with timestamps and revocation data comes with issue 15). */
    static final String SIGNATURE_LEVEL = "PAdES-BASELINE-B";

    private byte[] workingPdf(UUID lookupCode) {
        return db.sql("select pdf from student_record where lookup_code = ?").param(lookupCode)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    private Optional<RecordRow> current(String school, String year, String studentId) {
        return db.sql(SELECT + " where school_code = ? and school_year = ? and student_id = ? order by version desc fetch first 1 rows only")
                .params(school, year, studentId).query(this::row).optional();
    }

    private Optional<RecordRow> byVersion(String school, String year, String studentId, int version) {
        return db.sql(SELECT + " where school_code = ? and school_year = ? and student_id = ? and version = ?")
                .params(school, year, studentId, version).query(this::row).optional();
    }

    private RecordRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new RecordRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                RecordStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    private void requireAccess(Caller caller, String school, String year, String studentId) {
        access.require(caller, school, year, studentId);
    }

    private static NotFoundException notRendered(String studentId) {
        return new NotFoundException("record of " + studentId, "học bạ của " + studentId);
    }

    private record RecordRow(UUID lookupCode, String school, String schoolYear, String studentId, int version,
                             RecordStatus status, int revision, String sha256, String archiveKey, String classCode) {
    }

    private record PlannedSigner(String staffId, SignerRole role, List<String> subjects, String fullName,
                                 SignatureBox box, Instant signedAt) {
    }
}
