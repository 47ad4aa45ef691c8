package vn.hocba.archive.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hocba.archive.archive.CompletedDocuments;
import vn.hocba.archive.archive.DocumentCompleted;
import vn.hocba.archive.archive.RecordArchive;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.corrections.ApprovedCorrections;
import vn.hocba.archive.corrections.CorrectionApproved;
import vn.hocba.archive.pki.SigningKeys;
import vn.hocba.archive.rendering.Reissue;
import vn.hocba.archive.school.ClassTermLocks;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.security.StudentAccess;
import vn.hocba.archive.pki.SignatureServices;
import vn.hocba.signing.CertificateCheck;
import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.PdfSigner;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.SignatureRequest;

/**
 * The life of every issued document, whatever its type (student record, class gradebook, class summary book): rendered
 * from locked data, signed in the sequence of its type ({@link DocumentType#sequence()}), one signature per request as
 * an incremental revision, written once to the archive through the outbox when complete, and reissued under a new
 * lookup code when an approved correction changes a value it printed.
 *
 * <p>Signing runs outside any transaction (it is the slow part). Signers of one document queue on an in-process lock;
 * the new revision is stored under an optimistic check of the version's revision number, which matters only when
 * several instances share the database: the loser signs again on top of the winner's revision.
 */
@Service
public class DocumentWorkflow {

    private static final int ATTEMPTS = 10;

    /**
     * The signing locks, striped by document. Many stripes: an archive extension holds its document's stripe while it
     * waits up to a second for an OCSP answer newer than the last signature, and with 64 stripes a principal's batch
     * met one of eight such waits every eighth document (5 s of a 13 s batch of 240 spent parked).
     */
    private final ReentrantLock[] signingLocks = new ReentrantLock[4096];

    private final DocumentRepository documents;
    private final DocumentDrafts drafts;
    private final TransactionTemplate tx;
    private final SchoolDirectory directory;
    private final SigningKeys keys;
    private final PdfSigner signer;
    private final SignatureServices signatures;
    private final RecordArchive archive;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StudentAccess access;
    private final ClassTermLocks locks;
    private final ApprovedCorrections corrections;

    DocumentWorkflow(DocumentRepository documents, DocumentDrafts drafts, TransactionTemplate tx,
                     SchoolDirectory directory, SigningKeys keys, PdfSigner signer, SignatureServices signatures,
                     RecordArchive archive, ApplicationEventPublisher events, Clock clock, StudentAccess access,
                     ClassTermLocks locks, ApprovedCorrections corrections) {
        this.documents = documents;
        this.drafts = drafts;
        this.tx = tx;
        this.directory = directory;
        this.keys = keys;
        this.signer = signer;
        this.signatures = signatures;
        this.archive = archive;
        this.events = events;
        this.clock = clock;
        this.access = access;
        this.locks = locks;
        this.corrections = corrections;
        Arrays.setAll(signingLocks, i -> new ReentrantLock());
    }

    /** A rendered answer, and whether this call created it. */
    public record Rendered(DocumentView document, boolean created) {
    }

    /** The bytes of one version of a document. */
    public record Pdf(UUID lookupCode, DocumentKey key, int version, byte[] bytes) {

        /** The answer of every PDF download, API or page: shown inline, named after what it is, the year and version. */
        public org.springframework.http.ResponseEntity<byte[]> inline() {
            String name = switch (key.type()) {
                case STUDENT_RECORD -> "hocba-" + key.student();
                case CLASS_GRADEBOOK -> "sotheodoi-" + key.classCode() + "-" + key.subject() + "-" + key.period();
                case CLASS_SUMMARY -> "tonghop-" + key.classCode() + "-" + key.period();
            };
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.inline()
                                    .filename(name + "-" + key.schoolYear() + "-v" + version + ".pdf")
                                    .build().toString())
                    .body(bytes);
        }
    }

    /** How many student records of a class are rendered (not superseded), and how many of those archived. */
    public record RecordCounts(int rendered, int archived) {
        public static final RecordCounts NONE = new RecordCounts(0, 0);
    }

    /** Student record counts per class of a school year, in one query (for overview pages). */
    public Map<String, RecordCounts> recordCounts(String school, String year) {
        Map<String, RecordCounts> out = new LinkedHashMap<>();
        documents.recordCounts(school, year).forEach((c, n) -> out.put(c, new RecordCounts(n[0], n[1])));
        return out;
    }

    // ---- rendering ------------------------------------------------------------------------------------------------

    /**
     * Renders the first version of the document {@code key} unless it exists; returns the current one otherwise.
     *
     * @throws ForbiddenException             (403) the caller may not read it
     * @throws NotFoundException              (404) no such school year, student, class or class subject
     * @throws vn.hocba.archive.common.HocbaException (409 {@code not-locked}) a term it prints is not locked
     */
    public Rendered render(DocumentKey key, Caller caller) {
        requireReadable(caller, key);
        Optional<DocumentRepository.Version> existing = documents.latest(key);
        if (existing.isPresent()) {
            return new Rendered(view(existing.get()), false);
        }
        String datasetSha = directory.datasetSha256(key.school(), key.schoolYear())
                .orElseThrow(() -> new NotFoundException("school year " + key.schoolYear() + " of " + key.school(),
                        "năm học " + key.schoolYear() + " của trường " + key.school()));
        drafts.requireExists(key);
        // signed only from data that can no longer change: every term it prints locked (409 not-locked)
        locks.requireLocked(key.school(), key.schoolYear(), key.classCode(), key.terms());
        UUID lookupCode = UUID.randomUUID();
        Instant now = clock.instant();
        Reissue reissue = reissueOf(key, null, corrections.ofClass(key.school(), key.schoolYear(), key.classCode()));
        DocumentDrafts.Draft draft = drafts.draft(key, lookupCode, 1, now, reissue);
        String sha = Hashes.sha256(draft.pdf());
        try {
            tx.executeWithoutResult(status -> {
                // the year's data must be what was rendered: a re-import in between would leave a stale document
                if (!directory.lockYear(key.school(), key.schoolYear()).equals(datasetSha)) {
                    throw new WorkflowConflictException("data-changed",
                            "the school year's data changed while the document was rendered; try again",
                            "dữ liệu năm học vừa thay đổi trong lúc tạo văn bản; vui lòng thử lại", List.of());
                }
                locks.requireLocked(key.school(), key.schoolYear(), key.classCode(), key.terms()); // not unlocked meanwhile
                documents.insert(lookupCode, key, 1, draft.pdf(), sha, null, reissue.corrections(), now, draft.plan(),
                        draft.text());
                documents.awaitWorkingCopies(); // before the audit entry locks the chain's head
                events.publishEvent(new DocumentRendered(lookupCode, key, 1, null, reissue.corrections(), sha,
                        caller.username()));
            });
        } catch (DuplicateKeyException raced) {
            // someone rendered the same document a moment earlier: theirs stands
            return new Rendered(view(documents.latest(key).orElseThrow()), false);
        }
        return new Rendered(view(documents.latest(key).orElseThrow()), true);
    }

    /** The current version of {@code key}; 404 before it is rendered. No side effect (archiving is the outbox's). */
    public DocumentView current(DocumentKey key, Caller caller) {
        requireReadable(caller, key);
        return view(documents.latest(key).orElseThrow(() -> notRendered(key)));
    }

    /** At most this many documents on a worklist: a principal's school year is about 1,500 records and gradebooks. */
    public static final int WORKLIST_LIMIT = 5_000;

    /**
     * The documents of a school year where it is {@code caller}'s turn to sign now, in class order (their worklist);
     * empty for a caller who is not staff of {@code school}. At most {@link #WORKLIST_LIMIT}.
     */
    public List<AwaitingSignature> awaitingSignature(String school, String year, Caller caller) {
        if (caller.staffId() == null || !caller.isStaffOf(school)) {
            return List.of();
        }
        return documents.awaiting(school, year, caller.staffId(), WORKLIST_LIMIT).stream()
                .map(a -> new AwaitingSignature(a.version().lookupCode(), a.version().key(), a.version().version(),
                        a.role(), a.signed(), a.signers()))
                .toList();
    }

    /** The current versions of a class's documents of one type, for the pages. */
    public List<DocumentView> currentOfClass(String school, String year, String classCode, DocumentType type,
                                             Caller caller) {
        access.requireClass(caller, school, year, classCode);
        return documents.currentOfClass(school, year, classCode, type).stream().map(this::view).toList();
    }

    /** Current student records of a class, by student id, for the pages. */
    public Map<String, DocumentView> recordsOfClass(String school, String year, String classCode, Caller caller) {
        Map<String, DocumentView> out = new LinkedHashMap<>();
        currentOfClass(school, year, classCode, DocumentType.STUDENT_RECORD, caller).forEach(d -> out.put(d.student(), d));
        return out;
    }

    /**
     * The key of a student's record; the student's class comes from the school's data. An unknown student answers 404
     * to a caller who may see the school, 403 to others (who learn nothing of it).
     */
    public DocumentKey studentRecordKey(String school, String year, String student, Caller caller) {
        var found = directory.student(school, year, student);
        if (found.isEmpty()) {
            if (!caller.mayRead(school)) {
                throw new ForbiddenException("you may not see data of school " + school,
                        "bạn không được xem dữ liệu của trường " + school);
            }
            throw new NotFoundException("student " + student + " in " + year, "học sinh " + student + " năm học " + year);
        }
        return DocumentKey.studentRecord(school, year, found.get().classCode(), student);
    }

    // ---- reading by lookup code -----------------------------------------------------------------------------------

    /**
     * The version with that lookup code (API.md {@code GET /api/v1/documents/{lookupCode}}).
     *
     * @throws NotFoundException  (404) no document has that lookup code
     * @throws ForbiddenException (403) the caller may not read it
     */
    /** What the archive catalogues of a document, when the caller may read it (the refusals of {@link #document}). */
    vn.hocba.archive.archive.DocumentFacts readableFacts(UUID lookupCode, Caller caller) {
        return facts(readable(lookupCode, caller)); // not a read of the document: no inspector's read entry
    }

    public DocumentView document(UUID lookupCode, Caller caller) {
        var version = readable(lookupCode, caller);
        var view = view(version);
        inspected(caller, version, vn.hocba.archive.common.InspectorAccessed.Kind.DOCUMENT_READ);
        return view;
    }

    /** The PDF of the version with that lookup code; archived bytes only when they match their recorded sha256. */
    public Pdf pdf(UUID lookupCode, Caller caller) {
        var version = readable(lookupCode, caller);
        var pdf = pdfOf(version);
        inspected(caller, version, vn.hocba.archive.common.InspectorAccessed.Kind.DOCUMENT_DOWNLOAD);
        return pdf;
    }

    /** An inspector's read goes to the audit log before the answer (API.md "Search"). */
    private void inspected(Caller caller, DocumentRepository.Version version,
                           vn.hocba.archive.common.InspectorAccessed.Kind kind) {
        if (caller.isInspector()) {
            events.publishEvent(new vn.hocba.archive.common.InspectorAccessed(caller.username(), kind,
                    version.lookupCode().toString(), version.key().school() + " " + version.key().describe()
                            + " v" + version.version() + " sha256=" + version.sha256()));
        }
    }

    /**
     * The version with that lookup code if the caller may read it. A lookup code is printed on paper and guessable by
     * no one, so who may not read a document learns nothing from its code: not whether it exists, nor its school (API.md
     * conventions). Only the system administrator, who may read everything, is told 404 for an unknown code.
     */
    private DocumentRepository.Version readable(UUID lookupCode, Caller caller) {
        var found = documents.byLookupCode(lookupCode);
        if (found.isEmpty() && caller.isInspector()) {
            refusedToInspector(caller, lookupCode, "no such document");
        }
        if (found.isEmpty()) {
            if (caller.administrator()) {
                throw new NotFoundException("document " + lookupCode, "văn bản " + lookupCode);
            }
            throw unreadable();
        }
        return readable(found.get(), caller);
    }

    /** {@code version} if the caller may read it; the same 403 as for an unknown code otherwise. */
    private DocumentRepository.Version readable(DocumentRepository.Version version, Caller caller) {
        if (caller.isInspector()) {
            // inspectors read what the schools of their jurisdiction have archived, and nothing in the making
            boolean archived = version.status() == DocumentStatus.ARCHIVED || version.archiveKey() != null;
            if (!archived || !access.inspects(caller, version.key().school())) {
                refusedToInspector(caller, version.lookupCode(), version.key().school() + " " + version.key().describe()
                        + (archived ? " outside the jurisdiction" : " not archived"));
            }
            return version;
        }
        try {
            requireReadable(caller, version.key());
        } catch (ForbiddenException e) {
            throw unreadable();
        }
        return version;
    }

    /** An inspector's refused request goes to the audit log too, then 403 as for anyone. */
    private void refusedToInspector(Caller caller, UUID lookupCode, String why) {
        events.publishEvent(new vn.hocba.archive.common.InspectorAccessed(caller.username(),
                vn.hocba.archive.common.InspectorAccessed.Kind.DOCUMENT_REFUSED, lookupCode.toString(), why));
        throw unreadable();
    }

    private static ForbiddenException unreadable() {
        return new ForbiddenException("you may not read this document", "bạn không được xem văn bản này");
    }

    /** The current PDF of {@code key}, or the given version's. */
    public Pdf pdf(DocumentKey key, Integer version, Caller caller) {
        requireReadable(caller, key);
        var found = version == null ? documents.latest(key) : documents.byVersion(key, version);
        return pdfOf(found.orElseThrow(() -> notRendered(key)));
    }

    // ---- public verification (anyone holding the paper, or the file) -------------------------------------------

    /** An archived version as the public verification shows it. */
    public record ArchivedVersion(UUID lookupCode, int version) {
    }

    /**
     * The archived version whose file has that sha256 (ARCHIVED or SUPERSEDED, any type), for the validation of an
     * uploaded file; empty when no archived file has it.
     */
    public Optional<ArchivedVersion> archivedWithSha256(String sha256) {
        return documents.archivedWithSha256(sha256).map(v -> new ArchivedVersion(v.lookupCode(), v.version()));
    }

    /**
     * An archived document as the public page of its lookup code shows it.
     *
     * @param document     the version
     * @param supersededBy the version that replaced it, null if none
     * @param newerArchived whether that newer version is archived (it has its own page then)
     */
    public record PublicDocument(DocumentView document, UUID supersededBy, boolean newerArchived) {
    }

    /**
     * The version with that lookup code if it is archived (a version still being signed is not public: the answer is
     * the same as for an unknown code, so its existence does not leak).
     */
    public Optional<PublicDocument> publicDocument(UUID lookupCode) {
        return documents.byLookupCode(lookupCode).filter(v -> v.archiveKey() != null).map(v -> {
            var newer = documents.supersededBy(v.lookupCode());
            return new PublicDocument(view(v), newer.map(DocumentRepository.Version::lookupCode).orElse(null),
                    newer.map(n -> n.archiveKey() != null).orElse(false));
        });
    }

    /**
     * The archived bytes of that version, through the archive's integrity check (500 {@code integrity} when they differ
     * from the hash recorded at archive time); empty for an unknown or not yet archived code.
     */
    public Optional<Pdf> publicPdf(UUID lookupCode) {
        return documents.byLookupCode(lookupCode).filter(v -> v.archiveKey() != null).map(this::pdfOf);
    }

    // ---- signing --------------------------------------------------------------------------------------------------

    /** The caller signs their step of the current version of {@code key}. As {@link #sign(UUID, Caller, IfMatch)}. */
    public DocumentView signCurrent(DocumentKey key, Caller caller, IfMatch ifMatch) {
        requireStaffOf(caller, key.school());
        Optional<DocumentRepository.Version> found = documents.latest(key);
        if (found.isEmpty()) {
            requireReadable(caller, key); // who may not read it learns nothing, not even that it does not exist
            throw notRendered(key);
        }
        return sign(found.get(), caller, ifMatch, () -> { });
    }

    /**
     * The caller signs ONE step: the step that was their turn when the request arrived (API.md "One request signs one
     * step"). A homeroom teacher who also teaches a subject of the class signs twice, in two requests; a request that
     * arrives out of turn is refused at once, never queued until the turn comes.
     *
     * @param ifMatch the versions the signer reviewed (from {@code If-Match}), or null for any
     * @throws ForbiddenException          (403) the caller has no place in the sequence
     * @throws WorkflowConflictException   (409) out of turn, signed already, complete, superseded, or the document moved
     *                                     on while the request waited so that its step is no longer open
     * @throws PreconditionFailedException (412) the document is no longer the version {@code ifMatch} names
     */
    public DocumentView sign(UUID lookupCode, Caller caller, IfMatch ifMatch) {
        return sign(lookupCode, caller, ifMatch, () -> { });
    }

    /**
     * As {@link #sign(UUID, Caller, IfMatch)}, with {@code alsoInTransaction} run in the transaction that stores the
     * signature: what the caller records of it (a batch's outcome for the document) commits with the signature or not
     * at all. It runs once, after the signature is stored; if it throws, nothing of the signature is stored.
     */
    public DocumentView sign(UUID lookupCode, Caller caller, IfMatch ifMatch, Runnable alsoInTransaction) {
        requireStaffOf(caller, null);
        return sign(documents.byLookupCode(lookupCode).orElseThrow(DocumentWorkflow::unreadable), caller, ifMatch,
                alsoInTransaction);
    }

    /**
     * The role of the step the caller would sign now on that version, without signing: the same decision and the same
     * refusals as {@link #sign(UUID, Caller, IfMatch)} (403 no place in the sequence or unreadable, 409 out of turn,
     * signed already, complete, superseded). For callers that check a document before signing it (batch signing).
     */
    public SignerRole turnOf(UUID lookupCode, Caller caller) {
        requireStaffOf(caller, null);
        DocumentRepository.Version version = documents.byLookupCode(lookupCode).orElseThrow(DocumentWorkflow::unreadable);
        SigningPlan plan = documents.plan(lookupCode);
        if (!caller.isStaffOf(version.key().school()) || !plan.includes(caller.staffId())) {
            readable(version, caller);
            throw notInSequence(version.key());
        }
        return turn(version, plan, caller).role();
    }

    private DocumentView sign(DocumentRepository.Version arrived, Caller caller, IfMatch ifMatch,
                              Runnable alsoInTransaction) {
        SigningStep step = openStep(arrived, caller, ifMatch);
        return underSigningLock(arrived.key(),
                () -> signStep(arrived.lookupCode(), caller, step, ifMatch, alsoInTransaction));
    }

    /**
     * The caller's open step of a version that arrived, with the refusals of {@link #sign(UUID, Caller, IfMatch)}:
     * 403 (not in the sequence, or may not read it: nothing leaks), 412, 409.
     */
    SigningStep openStep(DocumentRepository.Version arrived, Caller caller, IfMatch ifMatch) {
        SigningPlan plan = requirePlace(arrived, caller);
        requireVersion(arrived, ifMatch);
        // the step is fixed on arrival, before queueing behind other signers of the document
        return turn(arrived, plan, caller);
    }

    /** Runs {@code work} holding the document's signing lock (one signature of a document at a time per instance). */
    <T> T underSigningLock(DocumentKey key, java.util.function.Supplier<T> work) {
        var lock = signingLocks[Math.floorMod(key.hashCode(), signingLocks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the document's signing plan, when the caller has a place in it (whatever the turn)
     * @throws vn.hocba.archive.common.HocbaException 403 as for an unknown code when the caller may not read the document, else 403 no place in
     *                        the sequence
     */
    SigningPlan requirePlace(DocumentRepository.Version arrived, Caller caller) {
        SigningPlan plan = documents.plan(arrived.lookupCode());
        if (!caller.isStaffOf(arrived.key().school()) || !plan.includes(caller.staffId())) {
            // every planned signer may read the document, so the access rule's queries are paid only for others; who
            // may not read it learns nothing of it, as from an unknown code
            readable(arrived, caller);
            throw notInSequence(arrived.key());
        }
        return plan;
    }

    /** The version arrived under {@code lookupCode} for signing: 403 when unknown (nothing leaks), caller must be staff. */
    DocumentRepository.Version arrivedForSigning(UUID lookupCode, Caller caller) {
        requireStaffOf(caller, null);
        return documents.byLookupCode(lookupCode).orElseThrow(DocumentWorkflow::unreadable);
    }

    /** The caller's open step, or the refusal of the document type's sequence policy as an exception. */
    private SigningStep turn(DocumentRepository.Version version, SigningPlan plan, Caller caller) {
        var decision = version.key().type().sequence().decide(version.status(), plan, caller.staffId());
        if (decision instanceof SigningSequencePolicy.Turn turn) {
            return turn.step();
        }
        var refused = (SigningSequencePolicy.Refused) decision;
        String what = version.key().type().label().toLowerCase(java.util.Locale.ROOT);
        throw switch (refused.refusal()) {
            case NOT_IN_SEQUENCE -> notInSequence(version.key());
            case COMPLETE -> new WorkflowConflictException("record-complete",
                    "the document is complete; it takes no more signatures",
                    what + " đã đủ chữ ký; không thể ký thêm", refused.awaiting());
            case SUPERSEDED -> superseded(version, documents.latest(version.key()).map(DocumentRepository.Version::lookupCode)
                    .orElse(null));
            case ALREADY_SIGNED -> new WorkflowConflictException("already-signed", "you have signed this document already",
                    "bạn đã ký " + what + " này rồi", refused.awaiting());
            case OUT_OF_TURN -> new WorkflowConflictException("out-of-turn",
                    "it is not your turn to sign; waiting for " + refused.awaiting(),
                    "chưa đến lượt bạn ký; đang chờ " + refused.awaiting(), refused.awaiting());
        };
    }

    private DocumentView signStep(UUID lookupCode, Caller caller, SigningStep step, IfMatch ifMatch,
                                  Runnable alsoInTransaction) {
        for (int attempt = 1; ; attempt++) {
            DocumentRepository.Version version = byLookupCode(lookupCode);
            SigningPlan plan = documents.plan(lookupCode);
            requireVersion(version, ifMatch);
            SigningStep turn = turn(version, plan, caller);
            if (!turn.staffId().equals(step.staffId()) || turn.role() != step.role()) {
                // e.g. the same person's other request signed this step while this one waited: its own step is done
                throw new WorkflowConflictException("step-signed",
                        "the step this request was for (" + step.role() + ") was signed while it waited; send a new request for your next step",
                        "bước ký của yêu cầu này (" + step.role().label() + ") đã được ký trong lúc chờ; hãy gửi yêu cầu mới cho bước tiếp theo",
                        plan.awaiting());
            }
            // the databases keep microseconds: the view answered from memory below shows what a read would
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            DocumentKey key = version.key();
            var school = directory.school(key.school()).orElseThrow();
            var token = keys.tokenFor(key.school(), school.name(), caller.staffId(), turn.fullName());
            requireUsable(signatures.check(token.chain()));
            SigningSettings settings = signatures.signing();
            byte[] signed;
            try {
                signed = signer.sign(toSign(lookupCode), token, signatureRequest(key, turn, school.name(), now),
                        settings);
            } catch (vn.hocba.signing.SigningException e) {
                throw SigningUnavailableException.because(e);
            }
            String sha256 = storeRevision(version, plan, turn, caller, signed, settings.level(), now, alsoInTransaction);
            if (sha256 != null) {
                // what the transaction stored, as a read would give it (this instance's signing lock is held, and an
                // answer reflects the signature it reports, not a later one): two queries less per signature
                var stored = new DocumentRepository.Version(lookupCode, key, version.version(), version.status(),
                        version.revision() + 1, sha256, version.supersedes(), version.corrections(),
                        version.archiveKey(), settings.level().label());
                return view(stored, plan.withSigned(turn, now));
            }
            if (attempt == ATTEMPTS) {
                throw new WorkflowConflictException("busy", "the document is being signed by others; try again",
                        "văn bản đang được người khác ký; vui lòng thử lại", documents.plan(lookupCode).awaiting());
            }
        }
    }

    /**
     * The current working PDF of a version, to sign or prepare a signature over.
     *
     * @throws WorkflowConflictException {@code record-complete}: archived meanwhile
     * @throws WorkingCopyDamagedException its bytes are not the ones recorded, or it is missing
     */
    byte[] toSign(UUID lookupCode) {
        var working = documents.working(lookupCode).orElseThrow(() -> new WorkflowConflictException("record-complete",
                "the document is complete; it takes no more signatures", "văn bản đã đủ chữ ký; không thể ký thêm",
                List.of()));
        return intact(lookupCode, working);
    }

    /**
     * @return the working copy's bytes, to sign or to serve
     * @throws WorkingCopyDamagedException they are not the ones recorded (changed behind the service's back)
     */
    private static byte[] intact(UUID lookupCode, DocumentRepository.Working working) {
        if (!working.intact()) {
            throw new WorkingCopyDamagedException(lookupCode, "altered");
        }
        return working.pdf();
    }

    /** What the visible signature and the signature dictionary of {@code turn} say. */
    SignatureRequest signatureRequest(DocumentKey key, SigningStep turn, String schoolName, Instant at) {
        String roleLabel = turn.role() == SignerRole.SUBJECT_TEACHER
                ? turn.role().label() + " (" + String.join(", ", subjectNames(key, turn.subjects())) + ")"
                : turn.role().label();
        return new SignatureRequest(turn.box(), turn.fullName(), roleLabel, key.type().reason(turn.role()), schoolName, at);
    }

    /**
     * Stores one signed revision of {@code version} for {@code turn}, its event and, with the last signature, the
     * archive's outbox entry, in one transaction with {@code alsoInTransaction}; false when the version moved on
     * meanwhile (nothing stored).
     */
    boolean store(DocumentRepository.Version version, SigningPlan plan, SigningStep turn, Caller caller, byte[] signed,
                  PadesLevel level, Instant at, Runnable alsoInTransaction) {
        return storeRevision(version, plan, turn, caller, signed, level, at, alsoInTransaction) != null;
    }

    /** As {@link #store}: the stored revision's sha256 (hex), or null when nothing was stored. */
    private String storeRevision(DocumentRepository.Version version, SigningPlan plan, SigningStep turn, Caller caller,
                                 byte[] signed, PadesLevel level, Instant at, Runnable alsoInTransaction) {
        UUID lookupCode = version.lookupCode();
        String sha = Hashes.sha256(signed);
        boolean last = plan.lastOpen();
        Boolean stored = tx.execute(status -> {
            if (!documents.storeSignature(version, signed, sha, level.label(), turn, at)) {
                return false;
            }
            // the audit entry locks the chain's head until the commit: the file is on disk before that
            documents.awaitWorkingCopies();
            events.publishEvent(new DocumentSigned(lookupCode, version.key(), turn.staffId(), turn.role(),
                    version.revision() + 1, sha, caller.username()));
            if (last) {
                // into the outbox with this signature: archived after the answer, and again until it succeeds
                events.publishEvent(new DocumentCompleted(lookupCode, sha));
            }
            alsoInTransaction.run();
            return true;
        });
        return Boolean.TRUE.equals(stored) ? sha : null;
    }

    // ---- archiving (through the outbox) ---------------------------------------------------------------------------

    /**
     * Every fully signed version still in SIGNING: completed before a crash, or while the store was down (the outbox
     * archives them too; this lets the start-up reconciliation finish them before readiness).
     */
    public List<UUID> completeButUnarchived() {
        return documents.completeButUnarchived();
    }

    /**
     * The working PDF of a complete version not yet in the archive (superseded meanwhile or not), with its sha256:
     * first extended to the document type's archive level (B-LT: the certificates and revocation data of every
     * signature kept in the file; B-LTA: and a document timestamp over it), stored as the version's current file.
     * Runs in the archiving listener, out of the request that completed the document; a TSA or OCSP responder that
     * does not answer throws, and the outbox tries again later.
     */
    Optional<CompletedDocuments.Completed> awaitingArchive(UUID lookupCode) {
        var first = documents.byLookupCode(lookupCode);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        // one extension of a document at a time in this instance: the outbox's listener, its resubmission and the
        // start-up reconciler may all reach the same document at once, and each extension is a different file (a new
        // document timestamp), so two of them racing left an archived object the database did not know
        return underSigningLock(first.get().key(), () -> extendForArchive(lookupCode));
    }

    private Optional<CompletedDocuments.Completed> extendForArchive(UUID lookupCode) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            var version = documents.byLookupCode(lookupCode);
            if (version.isEmpty() || version.get().status() == DocumentStatus.ARCHIVED
                    || version.get().archiveKey() != null || !documents.plan(lookupCode).complete()) {
                return Optional.empty();
            }
            var working = documents.working(lookupCode);
            if (working.isEmpty()) {
                return Optional.empty(); // archived meanwhile (another instance, the outbox's resubmission)
            }
            if (!working.get().sha256().equals(version.get().sha256())) {
                continue; // the version moved on between the two reads
            }
            byte[] pdf = working.get().pdf();
            if (!working.get().intact()) {
                // a working copy changed behind the service's back gets no archive timestamp and no place in the
                // archive (DSS's own extension refused broken signatures; the B-LT writer does not re-verify every
                // byte range): the outbox keeps trying, and an operator sees why
                throw new IllegalStateException("the working copy of " + lookupCode + " is not the one recorded ("
                        + version.get().sha256() + "): it is not archived");
            }
            PadesLevel target = signatures.archiveLevel(version.get().key().type().name());
            if (!below(version.get().signatureLevel(), target)) {
                return Optional.of(new CompletedDocuments.Completed(lookupCode, pdf, version.get().sha256(),
                        packageFacts(documents, version.get(), version.get().signatureLevel())));
            }
            byte[] extended = signer.extend(pdf, target, signatures.signing());
            String sha = Hashes.sha256(extended);
            // committed on its own, before the caller writes it to the archive: the outbox's listener runs in a
            // transaction of its own, and a crash after the store took the file but before that transaction committed
            // would otherwise lose the extension, and the next try would archive a second, different file
            var ownTransaction = new TransactionTemplate(tx.getTransactionManager());
            ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
            Boolean stored = ownTransaction.execute(status -> documents.storeExtension(version.get(),
                    extended, sha, target.label()));
            if (Boolean.TRUE.equals(stored)) {
                return Optional.of(new CompletedDocuments.Completed(lookupCode, extended, sha,
                        packageFacts(documents, version.get(), target.label())));
            }
        }
        throw new IllegalStateException("document " + lookupCode + " kept changing while it was extended for the archive");
    }

    /** What the archive catalogues of a version. */
    static vn.hocba.archive.archive.DocumentFacts facts(DocumentRepository.Version version) {
        return new vn.hocba.archive.archive.DocumentFacts(version.lookupCode(), version.key().type().name(),
                version.key().school(), version.key().schoolYear(), version.key().classCode());
    }

    /** What an archive package's manifest says of a version: its facts, student, predecessor, level and signers. */
    static vn.hocba.archive.archive.PackageFacts packageFacts(DocumentRepository documents,
                                                              DocumentRepository.Version version, String level) {
        var signers = documents.plan(version.lookupCode()).steps().stream().filter(SigningStep::signed)
                .sorted(java.util.Comparator.comparing(SigningStep::signedAt))
                .map(s -> new vn.hocba.archive.archive.PackageFacts.Signer(s.staffId(), s.role().name(), s.signedAt()))
                .toList();
        return new vn.hocba.archive.archive.PackageFacts(facts(version), version.key().student(), version.supersedes(),
                level, signers);
    }

    /** @return whether a file at {@code current} (an ETSI level name) is below {@code target} */
    private static boolean below(String current, PadesLevel target) {
        PadesLevel level;
        try {
            level = PadesLevel.parse(current);
        } catch (IllegalArgumentException unknown) {
            return true;
        }
        return level.compareTo(target) < 0;
    }

    /** Marks a complete version ARCHIVED under {@code key} and announces it, in the caller's transaction. */
    boolean markArchived(UUID lookupCode, String key, Instant at) {
        var version = documents.byLookupCode(lookupCode).orElseThrow();
        if (!documents.markArchived(lookupCode, version.revision(), key, at)) {
            return false;
        }
        events.publishEvent(archivedFacts(version, key,
                version.status() == DocumentStatus.SUPERSEDED ? DocumentStatus.SUPERSEDED : DocumentStatus.ARCHIVED, null,
                true));
        return true;
    }

    /**
     * @param lookupCode a version
     * @return the text its renderer drew on its pages (a line per drawn string), or empty for a version rendered
     *         before the text was kept (then the archived file is read)
     */
    public Optional<String> pageText(UUID lookupCode) {
        return documents.pageText(lookupCode);
    }

    /** Every version with a file in the archive, as the event that announced it (for rebuilding indexes). */
    public List<DocumentArchived> archived() {
        Map<String, Map<String, String>> names = new HashMap<>();
        Map<String, Map<String, String>> subjects = new HashMap<>();
        List<DocumentArchived> out = new ArrayList<>();
        for (var version : documents.archived()) {
            out.add(archivedFacts(version, version.archiveKey(), version.status(), new Names(names, subjects), false));
        }
        return out;
    }

    /** Per school year, names looked up once (student names, subject names). */
    private record Names(Map<String, Map<String, String>> students, Map<String, Map<String, String>> subjects) {
    }

    private DocumentArchived archivedFacts(DocumentRepository.Version version, String archiveKey, DocumentStatus status,
                                           Names cache, boolean archivedNow) {
        DocumentKey key = version.key();
        String year = key.school() + "/" + key.schoolYear();
        String fullName;
        if (key.type() == DocumentType.STUDENT_RECORD) {
            fullName = cache == null ? drafts.title(key, null)
                    : cache.students().computeIfAbsent(year, k -> directory.studentNames(key.school(), key.schoolYear()))
                    .getOrDefault(key.student(), key.student());
        } else {
            String subjectName = key.subject() == null ? null : (cache == null ? subjectNames(key, List.of(key.subject())).get(0)
                    : cache.subjects().computeIfAbsent(year, k -> subjectNameMap(key)).getOrDefault(key.subject(), key.subject()));
            fullName = drafts.title(key, subjectName);
        }
        return new DocumentArchived(version.lookupCode(), key.type().name(), key.school(), key.schoolYear(),
                key.classCode(), key.student(), fullName, version.version(), archiveKey, version.sha256(), status.name(),
                archivedNow);
    }

    // ---- reissue after an approved correction ---------------------------------------------------------------------

    /**
     * An approved correction changed a mark: every current version that printed it (the student's record; the
     * subject's gradebooks and the class summary books of the periods covering the term) is superseded and replaced,
     * in the approval's transaction, by a new version with a new lookup code, {@code supersedes} set, the corrections
     * it carries counted and printed, and its signatures to be collected again. The old version stays readable and
     * verifiable under its own lookup code (its archived file is never touched).
     */
    @EventListener
    void on(CorrectionApproved e) {
        Instant now = clock.instant();
        List<ApprovedCorrections.Approved> approved = approvedOf(e);
        for (var version : documents.currentOfClass(e.school(), e.schoolYear(), e.classCode())) {
            if (!prints(version.key(), e.studentId(), e.subject(), e.term())) {
                continue;
            }
            DocumentKey key = version.key();
            UUID lookupCode = UUID.randomUUID();
            int next = version.version() + 1;
            Reissue reissue = reissueOf(key, version.lookupCode(), approved);
            DocumentDrafts.Draft draft = drafts.draft(key, lookupCode, next, now, reissue);
            String sha = Hashes.sha256(draft.pdf());
            documents.markSuperseded(version.lookupCode());
            documents.insert(lookupCode, key, next, draft.pdf(), sha, version.lookupCode(), reissue.corrections(), now,
                    draft.plan(), draft.text());
            documents.awaitWorkingCopies(); // before the audit entries lock the chain's head
            events.publishEvent(new DocumentSuperseded(version.lookupCode(), lookupCode, key, e.correctionId(),
                    e.approvedBy()));
            events.publishEvent(new DocumentRendered(lookupCode, key, next, version.lookupCode(), reissue.corrections(),
                    sha, e.approvedBy()));
            if (version.archiveKey() != null) {
                // the index lists the archived old version as superseded
                events.publishEvent(archivedFacts(version, version.archiveKey(), DocumentStatus.SUPERSEDED, null, false));
            }
        }
    }

    /** Whether a document of {@code key} prints the mark of that student, subject and term. */
    static boolean prints(DocumentKey key, String student, String subject, int term) {
        boolean inPeriod = key.terms().contains(term);
        return switch (key.type()) {
            case STUDENT_RECORD -> key.student().equals(student);
            case CLASS_GRADEBOOK -> inPeriod && key.subject().equals(subject);
            case CLASS_SUMMARY -> inPeriod;
        };
    }

    /** The approved corrections of the class, including {@code e} (whatever the order of the approval's writes). */
    private List<ApprovedCorrections.Approved> approvedOf(CorrectionApproved e) {
        List<ApprovedCorrections.Approved> all = new ArrayList<>(corrections.ofClass(e.school(), e.schoolYear(), e.classCode()));
        if (all.stream().noneMatch(a -> a.id().equals(e.correctionId()))) {
            all.add(new ApprovedCorrections.Approved(e.correctionId(), e.studentId(), e.subject(), e.term(), e.field(),
                    e.approvedAt()));
        }
        return all;
    }

    /** What a version of {@code key} prints about corrections: those of its student / subject / terms. */
    private Reissue reissueOf(DocumentKey key, UUID supersedes, List<ApprovedCorrections.Approved> approved) {
        List<ApprovedCorrections.Approved> mine = approved.stream()
                .filter(a -> prints(key, a.studentId(), a.subject(), a.term())).toList();
        if (mine.isEmpty()) {
            return new Reissue(supersedes, 0, List.of()); // the common case: no subject names to look up
        }
        Set<String> codes = new LinkedHashSet<>();
        mine.forEach(a -> codes.add(a.subject()));
        Map<String, String> names = subjectNameMap(key); // in the school's subject order
        return new Reissue(supersedes, mine.size(),
                names.keySet().stream().filter(codes::contains).map(names::get).toList());
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The access rule of a class's documents, on its own: for a request that names one of them in its body, checked
     * before the body is judged.
     *
     * @throws ForbiddenException the caller may not see the class
     */
    void requireClassReadable(String school, String schoolYear, String classCode, Caller caller) {
        access.requireClass(caller, school, schoolYear, classCode);
    }

    private void requireReadable(Caller caller, DocumentKey key) {
        if (key.type() == DocumentType.STUDENT_RECORD) {
            access.require(caller, key.school(), key.schoolYear(), key.student());
        } else {
            access.requireClass(caller, key.school(), key.schoolYear(), key.classCode());
        }
    }

    /** Only staff of a school sign its documents ({@code school} null: of any school). */
    private static void requireStaffOf(Caller caller, String school) {
        if (caller.staffId() == null || (school != null && !caller.isStaffOf(school))) {
            throw new ForbiddenException("you have no place in the signing sequence of this document",
                    "bạn không có tên trong trình tự ký của văn bản này");
        }
    }

    private static ForbiddenException notInSequence(DocumentKey key) {
        return new ForbiddenException("you have no place in the signing sequence of this document",
                "bạn không có tên trong trình tự ký của " + key.type().label().toLowerCase(java.util.Locale.ROOT) + " này");
    }

    private static WorkflowConflictException superseded(DocumentRepository.Version version, UUID current) {
        return new WorkflowConflictException("superseded", "this version was replaced by " + current
                + "; sign the current version", "phiên bản này đã được thay bằng " + current
                + "; hãy ký phiên bản hiện hành", List.of());
    }

    private static void requireVersion(DocumentRepository.Version version, IfMatch ifMatch) {
        if (ifMatch != null && !ifMatch.matches(version.sha256())) {
            throw new PreconditionFailedException(version.sha256());
        }
    }

    DocumentRepository.Version byLookupCode(UUID lookupCode) {
        return documents.byLookupCode(lookupCode)
                .orElseThrow(() -> new NotFoundException("document " + lookupCode, "văn bản " + lookupCode));
    }

    private static NotFoundException notRendered(DocumentKey key) {
        return new NotFoundException(key.describe(), key.describeVi());
    }

    /** The bytes of that version: archived ones checked against the sha256 recorded at archive time, else the working PDF. */
    private Pdf pdfOf(DocumentRepository.Version version) {
        if (version.archiveKey() == null) {
            var working = documents.working(version.lookupCode());
            if (working.isPresent()) {
                // served as the document, a changed working copy would be read (and checked by signers) as ours
                return new Pdf(version.lookupCode(), version.key(), version.version(),
                        intact(version.lookupCode(), working.get()));
            }
            version = byLookupCode(version.lookupCode()); // archived since it was read: its file is in the archive
        }
        byte[] bytes = archive.read(version.archiveKey(), version.sha256(), version.lookupCode());
        return new Pdf(version.lookupCode(), version.key(), version.version(), bytes);
    }

    private Map<String, String> subjectNameMap(DocumentKey key) {
        return directory.subjectNames(key.school(), key.schoolYear());
    }

    private List<String> subjectNames(DocumentKey key, List<String> codes) {
        Map<String, String> names = subjectNameMap(key);
        return codes.stream().map(c -> names.getOrDefault(c, c)).toList();
    }

    /** Refuses a signer whose certificate is not trusted, not valid now, or revoked (checked before every signature). */
    static void requireUsable(CertificateCheck.Verdict verdict) {
        if (!verdict.valid()) {
            throw new CertificateRefusedException(verdict);
        }
    }

    DocumentView view(DocumentRepository.Version version) {
        return view(version, documents.plan(version.lookupCode()));
    }

    private DocumentView view(DocumentRepository.Version version, SigningPlan plan) {
        var collected = plan.steps().stream().filter(SigningStep::signed)
                .sorted(java.util.Comparator.comparing(SigningStep::signedAt))
                .map(s -> new DocumentView.Signature(s.staffId(), s.role(), s.subjects(), s.signedAt()))
                .toList();
        List<String> awaiting = version.status() == DocumentStatus.SIGNING ? plan.awaiting() : List.of();
        DocumentKey key = version.key();
        return new DocumentView(version.lookupCode(), key.type(), key.school(), key.schoolYear(), key.classCode(),
                key.student(), key.subject(), key.period() == null ? null : key.period().name(), version.version(),
                version.status(), version.sha256(), version.supersedes(), version.corrections(),
                collected.isEmpty() ? this.signatures.signing().level().label() : version.signatureLevel(), collected,
                awaiting, plan.steps().size());
    }
}
