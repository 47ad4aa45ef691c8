package vn.hocba.archive.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.workflow.DocumentKey;
import vn.hocba.archive.workflow.DocumentView;
import vn.hocba.archive.workflow.DocumentWorkflow;

/**
 * The crash window, made on purpose (the packaged-jar test kills at a random moment and may miss it): a batch left
 * RUNNING by a crash, as the database holds it afterwards, is resumed at start-up. A document whose attempted step the
 * workflow had committed is recorded SIGNED (not SKIPPED "already-signed") and not signed again; one whose attempt had
 * not committed is signed now; one the caller had signed before the batch is SKIPPED "already-signed". Real H2 file
 * database, the embedded demo year, the real workflow.
 */
@SpringBootTest
class SigningBatchResumeIT {

    static final String SCHOOL = "THCS-MK2";
    static final String YEAR = "2024-2025";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path target = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
        Files.createDirectories(target);
        Path dataDir = Files.createTempDirectory(target, "data-batch-resume-");
        registry.add("hocba.data-dir", dataDir::toString);
        registry.add("hocba.demo.enabled", () -> "true"); // the demo year, imported and locked at start
    }

    @Autowired
    DocumentWorkflow workflow;

    @Autowired
    SigningBatchRepository repository;

    @Autowired
    SigningBatches batches;

    @Autowired
    ServiceKeySigning serviceKey;

    @Test
    void aResumedBatchRecordsACommittedAttemptAsSignedAndSignsNothingTwice() throws Exception {
        Caller admin = Caller.systemAdministrator("admin");
        List<String> students = List.of("HS2400001", "HS2400010", "HS2400019");
        List<DocumentView> records = students.stream().map(s -> workflow.render(
                workflow.studentRecordKey(SCHOOL, YEAR, s, admin), admin).document()).toList();
        // a subject teacher of all three (same class)
        String staffId = records.get(0).awaiting().stream().filter(t -> records.stream().allMatch(r -> r.awaiting().contains(t)))
                .findFirst().orElseThrow();
        Caller teacher = Caller.staff(staffId + "@" + SCHOOL, SCHOOL, staffId, Set.of(StaffRole.TEACHER));
        UUID committed = records.get(0).lookupCode();
        UUID notCommitted = records.get(1).lookupCode();
        UUID signedBefore = records.get(2).lookupCode();
        workflow.sign(signedBefore, teacher, null);

        // the state a crash leaves: the batch RUNNING, attempts written, one of them committed by the workflow
        UUID id = UUID.randomUUID();
        repository.insert(id, teacher, ServiceKeySigning.NAME, Instant.now(), List.of(committed, notCommitted, signedBefore));
        repository.markAttempt(id, 0, "SUBJECT_TEACHER");
        workflow.sign(committed, teacher, null);
        repository.markAttempt(id, 1, "SUBJECT_TEACHER");

        batches.resumeUnfinished(); // what the start-up does
        SigningBatchView done = awaitDone(id, teacher);

        assertThat(done.items()).extracting(SigningBatchView.Item::lookupCode, SigningBatchView.Item::outcome,
                SigningBatchView.Item::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(committed, ItemOutcome.SIGNED, "signed"),
                org.assertj.core.groups.Tuple.tuple(notCommitted, ItemOutcome.SIGNED, "signed"),
                org.assertj.core.groups.Tuple.tuple(signedBefore, ItemOutcome.SKIPPED, "already-signed"));
        assertThat(done.items().get(0).detailEn()).contains("before the service restarted");
        for (UUID code : List.of(committed, notCommitted, signedBefore)) {
            assertThat(workflow.document(code, admin).signatures()).as("one signature of the teacher on " + code)
                    .singleElement().satisfies(s -> assertThat(s.staff()).isEqualTo(staffId));
        }
        assertThat(done.signed()).isEqualTo(2);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(done.failed()).isZero();
    }

    @Test
    void aSignatureAndItsBatchOutcomeCommitTogether() throws Exception {
        Caller admin = Caller.systemAdministrator("admin");
        List<DocumentView> records = List.of("HS2400002", "HS2400011").stream().map(s -> workflow.render(
                workflow.studentRecordKey(SCHOOL, YEAR, s, admin), admin).document()).toList();
        String staffId = records.get(0).awaiting().stream().filter(t -> records.get(1).awaiting().contains(t))
                .findFirst().orElseThrow();
        Caller teacher = Caller.staff(staffId + "@" + SCHOOL, SCHOOL, staffId, Set.of(StaffRole.TEACHER));

        // the batch's session for the service's key runs what it records inside the signature's transaction: when
        // that fails, nothing of the signature is stored either
        UUID first = records.get(0).lookupCode();
        var session = serviceKey.authorize(teacher, List.of(first));
        boolean[] inTransaction = new boolean[1];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.signWith(first, teacher, null, () -> {
            inTransaction[0] = org.springframework.transaction.support.TransactionSynchronizationManager
                    .isActualTransactionActive();
            throw new IllegalStateException("the outcome cannot be written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(inTransaction[0]).as("run in a transaction").isTrue();
        assertThat(workflow.document(first, admin).signatures()).as("rolled back with what failed").isEmpty();

        // a batch with the service's key writes each outcome in the signature's transaction: no attempt is marked
        // before (there is no window between the two commits for a crash to fall in)
        var batch = batches.start(new SigningBatchRequest.Listed(records.stream().map(DocumentView::lookupCode).toList()),
                teacher);
        SigningBatchView done = awaitDone(batch.id(), teacher);
        assertThat(done.signed()).isEqualTo(2);
        assertThat(repository.items(batch.id(), false)).allSatisfy(item -> {
            assertThat(item.attemptRole()).as("no attempt marked apart").isNull();
            assertThat(item.result().outcome()).isEqualTo(ItemOutcome.SIGNED);
        });
        for (DocumentView record : records) {
            assertThat(workflow.document(record.lookupCode(), admin).signatures()).singleElement()
                    .satisfies(s -> assertThat(s.staff()).isEqualTo(staffId));
        }
    }

    @Test
    void onlyItsCreatorAndTheAdministratorReadABatch() {
        Caller creator = Caller.staff("GV011@" + SCHOOL, SCHOOL, "GV011", Set.of(StaffRole.TEACHER));
        Caller other = Caller.staff("GV012@" + SCHOOL, SCHOOL, "GV012", Set.of(StaffRole.TEACHER));
        var batch = batches.start(new SigningBatchRequest.Listed(List.of(UUID.randomUUID())), creator);
        assertThat(batches.view(batch.id(), creator, true).id()).isEqualTo(batch.id());
        assertThat(batches.view(batch.id(), Caller.systemAdministrator("admin"), true).id()).isEqualTo(batch.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batches.view(batch.id(), other, true))
                .isInstanceOf(vn.hocba.archive.common.ForbiddenException.class);
    }

    @Test
    void aDocumentNoOneMayReadIsSkippedLikeAnUnknownCode() throws Exception {
        Caller teacher = Caller.staff("GV011@" + SCHOOL, SCHOOL, "GV011", Set.of(StaffRole.TEACHER));
        var batch = batches.start(new SigningBatchRequest.Listed(List.of(UUID.randomUUID())), teacher);
        var done = awaitDone(batch.id(), teacher);
        assertThat(done.items()).singleElement().satisfies(i -> {
            assertThat(i.outcome()).isEqualTo(ItemOutcome.SKIPPED);
            assertThat(i.reason()).isEqualTo("forbidden");
        });
    }

    private SigningBatchView awaitDone(UUID id, Caller caller) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            var view = batches.view(id, caller, true);
            if (view.status().equals("DONE")) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("batch " + id + " not done in 2 minutes");
    }
}
