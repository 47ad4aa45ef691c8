package vn.hocba.archive.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.workflow.DocumentStatus;
import vn.hocba.archive.workflow.DocumentView;
import vn.hocba.archive.workflow.DocumentWorkflow;
import vn.hocba.archive.workflow.IfMatch;
import vn.hocba.archive.workflow.SignerRole;

/**
 * Batch countersigning: the caller authorizes once ({@link #start}), and a bounded executor signs, document by
 * document, through the workflow's one signing path. Each document is checked first (its turn, then every
 * {@link DocumentCheck}: today that its PDF is the one recorded), its outcome is written once, and one document's
 * failure never stops the others. The batch and its documents are rows: progress is visible while it runs, and
 * unfinished batches resume when the service starts.
 *
 * <p>Nothing is signed twice: the workflow refuses a second signature of a step (409). With the service's key a
 * document's outcome SIGNED commits in the transaction that stores its signature ({@link BatchSigningMethod.Session#signWith}):
 * a crash leaves both or neither. A method that stores signatures otherwise (a remote service) marks the attempted step
 * first; a crash between its signature's commit and the outcome's leaves the outcome undecided with that step written,
 * and on resume the step, found signed by the caller, is recorded SIGNED, not SKIPPED {@code already-signed}.
 */
@Service
public class SigningBatches {

    private static final Logger log = LoggerFactory.getLogger(SigningBatches.class);

    private final SigningBatchRepository batches;
    private final DocumentWorkflow workflow;
    private final SchoolDirectory directory;
    private final List<DocumentCheck> checks;
    private final Map<String, BatchSigningMethod> methods = new java.util.HashMap<>();
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService executor;
    private volatile boolean stopping;

    SigningBatches(SigningBatchRepository batches, DocumentWorkflow workflow, SchoolDirectory directory,
                   ObjectProvider<DocumentCheck> checks, List<BatchSigningMethod> methods, TransactionTemplate tx,
                   ApplicationEventPublisher events, Clock clock, SigningBatchProperties properties) {
        this.batches = batches;
        this.workflow = workflow;
        this.directory = directory;
        this.checks = checks.orderedStream().toList();
        methods.forEach(m -> this.methods.put(m.name(), m));
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "signing-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(properties.parallelism(), threads);
    }

    // ---- creating and reading ------------------------------------------------------------------------------------

    /**
     * Creates a batch of the documents {@code request} names and starts signing them in the background.
     *
     * @throws ForbiddenException (403) the caller signs no documents (not staff), or may not see that school year or
     *                            class
     * @throws NotFoundException  (404) no such school year or class, for a caller who may see the school
     */
    public SigningBatchView start(SigningBatchRequest request, Caller caller) {
        return start(request, caller, null);
    }

    /**
     * As {@link #start(SigningBatchRequest, Caller)}; {@code pin} authorizes a remote signing service's signatures
     * once for the whole batch (when the caller's key is held there), never stored.
     *
     * @throws SigningBatchRequestRejectedException (422) a remote key and no {@code pin}
     */
    /**
     * Whether a batch of {@code caller}'s needs a PIN or OTP: their key is held by a remote signing service (a page asks
     * for it with the confirmation, before anything is signed).
     */
    public boolean needsPin(Caller caller) {
        return caller.staffId() != null && methodFor(caller).needsPin();
    }

    /** How the caller's batch signs: the first method other than the service's keys that signs for them, else those. */
    private BatchSigningMethod methodFor(Caller caller) {
        return methods.values().stream()
                .filter(m -> !m.name().equals(ServiceKeySigning.NAME) && m.signsFor(caller)).findFirst()
                .orElse(methods.get(ServiceKeySigning.NAME));
    }

    public SigningBatchView start(SigningBatchRequest request, Caller caller, char[] pin) {
        if (caller.staffId() == null) {
            throw new ForbiddenException("only staff of a school sign documents", "chỉ cán bộ, giáo viên của trường mới ký văn bản");
        }
        List<UUID> documents;
        String scope;
        if (request instanceof SigningBatchRequest.Listed listed) {
            documents = listed.documents();
            scope = "listed";
        } else {
            var selection = (SigningBatchRequest.Selection) request;
            documents = select(selection, caller);
            scope = selection.school() + "/" + selection.schoolYear() + "/"
                    + (selection.classCode() == null ? "*" : selection.classCode()) + "/" + selection.type();
        }
        BatchSigningMethod method = methodFor(caller);
        if (method.needsPin() && pin == null) {
            throw new SigningBatchRequestRejectedException(List.of(new BatchRequestProblem("pin",
                    "your key is held by a remote signing service: give its PIN or OTP (\"pin\") to authorize this batch once",
                    "khóa của bạn do dịch vụ ký số từ xa giữ: hãy nhập mã PIN hoặc OTP (\"pin\") để xác nhận một lần cho cả lô")));
        }
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        tx.executeWithoutResult(status -> {
            batches.insert(id, caller, method.name(), now, documents);
            events.publishEvent(new SigningBatchStarted(id, caller.username(), method.name(), documents.size(), scope));
        });
        log.info("signing batch {} of {} document(s) started by {}", id, documents.size(), caller.username());
        if (documents.isEmpty()) {
            finishIfDone(id);
        } else {
            // the authorization itself (a remote service prepares every document and asks for one signature per
            // hash) runs on the batch's executor too: the 202 answers at once, progress shows on GET
            executor.execute(() -> {
                try {
                    submit(id, pin);
                } catch (RuntimeException e) {
                    log.error("signing batch {} could not be queued; it resumes at the next start", id, e);
                }
            });
        }
        return view(id, caller, false);
    }

    /** The current (not superseded) documents of the selection, in class order, that the caller may see. */
    private List<UUID> select(SigningBatchRequest.Selection selection, Caller caller) {
        if (!caller.mayRead(selection.school())) {
            throw new ForbiddenException("you may not see data of school " + selection.school(),
                    "bạn không được xem dữ liệu của trường " + selection.school());
        }
        if (!directory.yearExists(selection.school(), selection.schoolYear())) {
            throw new NotFoundException("school year " + selection.schoolYear() + " of " + selection.school(),
                    "năm học " + selection.schoolYear() + " của trường " + selection.school());
        }
        List<String> classes = new ArrayList<>();
        if (selection.classCode() != null) {
            if (directory.schoolClass(selection.school(), selection.schoolYear(), selection.classCode()).isEmpty()) {
                throw new NotFoundException("class " + selection.classCode(), "lớp " + selection.classCode());
            }
            classes.add(selection.classCode());
        } else {
            directory.classes(selection.school(), selection.schoolYear()).forEach(c -> classes.add(c.code()));
        }
        List<UUID> documents = new ArrayList<>();
        for (String classCode : classes) {
            List<DocumentView> ofClass;
            try {
                ofClass = workflow.currentOfClass(selection.school(), selection.schoolYear(), classCode, selection.type(),
                        caller);
            } catch (ForbiddenException notMine) {
                if (selection.classCode() != null) {
                    throw notMine;
                }
                continue; // every class of the year: the classes this teacher teaches
            }
            ofClass.stream().filter(d -> d.status() != DocumentStatus.SUPERSEDED).forEach(d -> documents.add(d.lookupCode()));
        }
        if (documents.size() > SigningBatchRequest.MAX_DOCUMENTS) {
            throw new SigningBatchRequestRejectedException(List.of(new BatchRequestProblem("",
                    "the selection holds " + documents.size() + " documents; at most " + SigningBatchRequest.MAX_DOCUMENTS
                            + " per batch: choose a class", "lựa chọn có " + documents.size()
                            + " văn bản; mỗi lô tối đa " + SigningBatchRequest.MAX_DOCUMENTS + ": hãy chọn từng lớp")));
        }
        return documents;
    }

    /**
     * The batch with its decided documents. Only its creator or the system administrator may read it; anyone else is
     * told 403 whether or not it exists (the administrator 404 for an unknown id).
     */
    public SigningBatchView view(UUID id, Caller caller, boolean withItems) {
        var batch = batches.batch(id);
        if (batch.isEmpty() || !mayRead(batch.get(), caller)) {
            if (batch.isEmpty() && caller.administrator()) {
                throw new NotFoundException("signing batch " + id, "lô ký " + id);
            }
            throw new ForbiddenException("you may not read this signing batch", "bạn không được xem lô ký này");
        }
        int[] pending = new int[1];
        var counts = batches.counts(id, pending);
        int signed = counts.get(ItemOutcome.SIGNED);
        int failed = counts.get(ItemOutcome.FAILED);
        int skipped = counts.get(ItemOutcome.SKIPPED);
        List<SigningBatchView.Item> items = null;
        if (withItems) {
            boolean english = vn.hocba.archive.common.ProblemLanguage.prefersEnglish(
                    vn.hocba.archive.common.ProblemLanguage.currentAcceptLanguage());
            items = batches.items(id, false).stream().filter(i -> i.result() != null)
                    .map(i -> new SigningBatchView.Item(i.lookupCode(), i.result().outcome(), i.result().reason(),
                            english ? i.result().detailEn() : i.result().detailVi(), i.result().detailVi(),
                            i.result().detailEn()))
                    .toList();
        }
        var b = batch.get();
        return new SigningBatchView(id, b.running() ? "RUNNING" : "DONE", signed + failed + skipped + pending[0], signed,
                failed, skipped, pending[0], b.caller().username(), b.createdAt(), b.finishedAt(), items);
    }

    private static boolean mayRead(SigningBatchRepository.Batch batch, Caller caller) {
        return caller.administrator() || batch.caller().username().equals(caller.username());
    }

    // ---- running --------------------------------------------------------------------------------------------------

    /** Resumes every unfinished batch once the service is up (its documents still undecided). */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (UUID id : batches.running()) {
            log.info("resuming signing batch {}", id);
            submit(id, null);
        }
    }

    /** Queues the undecided documents of a batch on the executor, under one authorization of its signing method. */
    private void submit(UUID id, char[] pin) {
        var batch = batches.batch(id).orElseThrow();
        var pending = batches.items(id, true);
        if (pending.isEmpty()) {
            finishIfDone(id);
            return;
        }
        BatchSigningMethod method = methods.get(batch.method());
        BatchSigningMethod.Session session;
        try {
            session = method.authorize(batch.caller(), SigningBatchRepository.codes(pending), pin);
        } catch (RuntimeException e) {
            log.warn("signing batch {}: authorization failed ({})", id, e.getClass().getName());
            var result = ItemResult.of(e);
            pending.forEach(item -> batches.decide(id, item.position(), result, clock.instant()));
            finishIfDone(id);
            return;
        }
        // the batch is looked at once its last queued document is done, not after each (counting the outcomes of a
        // batch of 1,500 after every document took about 4% of the CPU of the principal's year-end countersign)
        AtomicInteger queued = new AtomicInteger(pending.size());
        for (var item : pending) {
            executor.execute(() -> {
                try {
                    if (!stopping) {
                        process(batch, item.position(), session);
                    }
                } catch (RuntimeException e) {
                    log.error("signing batch {}: document at {} left undecided", id, item.position(), e);
                } finally {
                    if (queued.decrementAndGet() == 0 && !stopping) {
                        try {
                            finishIfDone(id);
                        } catch (RuntimeException e) {
                            // every outcome is written: the batch is marked DONE when the service next starts
                            log.error("signing batch {}: cannot mark it done", id, e);
                        }
                    }
                }
            });
        }
    }

    /** Checks, signs and records one document; its outcome whatever happens. */
    private void process(SigningBatchRepository.Batch batch, int position, BatchSigningMethod.Session session) {
        var item = batches.item(batch.id(), position);
        ItemResult result;
        try {
            result = signOne(batch.caller(), item, session);
        } catch (RuntimeException e) {
            result = ItemResult.of(e);
            if (result.outcome() == ItemOutcome.FAILED) {
                log.warn("signing batch {}: {} failed: {} ({})", batch.id(), item.lookupCode(), result.reason(),
                        e.getClass().getName());
            }
        }
        if (result != null) {
            batches.decide(batch.id(), position, result, clock.instant());
        }
    }

    /**
     * @return the document's outcome, or null when it was written with the signature (in the transaction that stored
     *         it: a signature and its outcome commit together, and the two commits of marking the attempt and deciding
     *         it apart are saved)
     */
    ItemResult signOne(Caller caller, SigningBatchRepository.Item item, BatchSigningMethod.Session session) {
        UUID code = item.lookupCode();
        if (item.attemptRole() != null && signedBy(code, caller, item.attemptRole())) {
            // the workflow committed it; the outcome was not yet written (a crash between the two)
            log.info("signing batch {}: {} was signed before the restart", item.batchId(), code);
            return ItemResult.signedBeforeRestart();
        }
        SignerRole role = workflow.turnOf(code, caller); // the workflow's refusals: out of turn, signed, complete, …
        DocumentView document = workflow.document(code, caller);
        byte[] pdf = workflow.pdf(code, caller).bytes();
        for (DocumentCheck check : checks) {
            check.check(document, pdf);
        }
        IfMatch checked = new IfMatch(List.of(document.sha256()));
        // a 409 here means someone signed that step since the check (e.g. the caller's own single request): not ours
        if (session.signWith(code, caller, checked, () -> {
            if (!batches.decide(item.batchId(), item.position(), ItemResult.signed(), clock.instant())) {
                // decided meanwhile (another instance resuming the batch): the signature is not kept either
                throw new IllegalStateException("the outcome of " + code + " in batch " + item.batchId()
                        + " was decided elsewhere");
            }
        })) {
            return null;
        }
        batches.markAttempt(item.batchId(), item.position(), role.name());
        session.sign(code, caller, checked);
        return ItemResult.signed();
    }

    /** Whether the caller's step in {@code role} of that document is signed. */
    private boolean signedBy(UUID code, Caller caller, String role) {
        return workflow.document(code, caller).signatures().stream()
                .anyMatch(s -> s.staff().equals(caller.staffId()) && s.role().name().equals(role));
    }

    /** DONE once every document has its outcome; announced (and audited) once. */
    private void finishIfDone(UUID id) {
        tx.executeWithoutResult(status -> {
            int[] pending = new int[1];
            var counts = batches.counts(id, pending);
            if (pending[0] == 0 && batches.finish(id, clock.instant())) {
                var batch = batches.batch(id).orElseThrow();
                events.publishEvent(new SigningBatchFinished(id, batch.caller().username(),
                        counts.values().stream().mapToInt(Integer::intValue).sum(), counts.get(ItemOutcome.SIGNED),
                        counts.get(ItemOutcome.FAILED), counts.get(ItemOutcome.SKIPPED)));
                log.info("signing batch {} done: {}", id, counts);
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // queued documents are left undecided and resume at the next start; those being signed finish (no interrupt:
        // an interrupted thread in the middle of H2's file I/O would close the database under everyone)
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("signing batches: documents still being signed at shutdown; they resume at the next start");
        }
    }

}
