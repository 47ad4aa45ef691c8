package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.JsonNode;

import vn.hocba.archive.audit.AuditLog;
import vn.hocba.archive.audit.AuditVerifier;

/**
 * Batch countersigning over HTTP against the real service (H2 file database, filesystem archive, outbox): a generated
 * school ({@link #students()} students) is imported, locked and its records rendered; every subject teacher
 * then every homeroom teacher signs their rows with one batch each (a teacher's batch signs only their rows); the
 * principal countersigns the whole year in ONE batch while the archive store goes down for a moment and two records'
 * stored PDFs no longer match their sha256. The tampered two are FAILED (integrity) and the others signed; the ones
 * completed during the outage are archived once the store is back (the outbox retries); nothing is signed twice
 * (signatures counted in the API and in each PDF). Refusals: another user's batch 403, bad bodies 422, no account 401.
 * Timings are printed . Run on the embedded default ({@link SigningBatchIT}) and on PostgreSQL ({@link PostgresSigningBatchIT}).
 */
abstract class SigningBatchScenario {

    static final String SCHOOL = "THCS-MK2";
    static final String YEAR = "2024-2025";
    static final String PRINCIPAL = "GV001@" + SCHOOL;
    static final Path GEN_SCHOOL = Path.of(System.getProperty("hocba.gen-school", "/work/shared/tools/gen_school.py"));

    /** How many students the generated school has. */
    abstract int students();

    /** The service's data directory (its archive store is taken down and brought back). */
    abstract Path dataDir();

    /** Where the service keeps working PDFs: files on the embedded H2 default, the row on PostgreSQL. */
    boolean workingCopiesInFiles() {
        return true;
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerifier verifier;

    /** The embedded defaults of the scenario: a fresh data directory, demo accounts, a quick outbox. */
    static Path properties(DynamicPropertyRegistry registry, String name) {
        Path dataDir = TestDirectories.fresh(name);
        registry.add("hocba.data-dir", dataDir::toString);
        registry.add("hocba.demo.enabled", () -> "true");
        registry.add("hocba.demo.dataset", () -> "");
        registry.add("hocba.outbox.resubmit-interval", () -> "PT1S");
        registry.add("hocba.outbox.resubmit-after", () -> "PT1S");
        return dataDir;
    }

    @Test
    void thePrincipalCountersignsAYearInOneBatchThroughAStoreOutageAndNothingIsSignedTwice() throws Exception {
        var api = new Api(port);
        final int size = students();
        long t0 = System.nanoTime();
        byte[] dataset = generate(size, dataDir());
        api.importAndLockYear(dataset, SCHOOL, YEAR, PRINCIPAL);
        List<String> students = new ArrayList<>();
        Api.JSON.readTree(dataset).get("students").forEach(s -> students.add(s.get("id").asString()));
        assertThat(students).hasSize(size);

        // render every record (two at a time, as two clerks would)
        Map<String, String> codes = new ConcurrentHashMap<>(); // student -> lookup code
        Set<String> subjectTeachers = ConcurrentHashMap.newKeySet();
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        List<Future<?>> renders = new ArrayList<>();
        for (String student : students) {
            renders.add(clerks.submit(() -> {
                var r = api.post("/api/v1/schools/" + SCHOOL + "/years/" + YEAR + "/students/" + student + "/record", "admin");
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                codes.put(student, r.json().get("lookupCode").asString());
                r.json().get("awaiting").forEach(a -> subjectTeachers.add(a.asString()));
            }));
        }
        for (var f : renders) {
            f.get();
        }
        clerks.shutdown();
        long rendered = System.nanoTime();

        // one subject teacher's batch alone: it signs their rows and nothing else
        List<String> teachers = new ArrayList<>(new TreeSet<>(subjectTeachers));
        String first = teachers.get(0);
        JsonNode firstBatch = awaitDone(api, start(api, yearOf(null), first + "@" + SCHOOL), first + "@" + SCHOOL);
        assertThat(firstBatch.get("failed").asInt()).as(firstBatch.toString()).isZero();
        assertThat(firstBatch.get("signed").asInt()).isPositive();
        for (JsonNode item : firstBatch.get("items")) {
            var doc = api.get("/api/v1/documents/" + item.get("lookupCode").asString(), "admin").json();
            if (item.get("outcome").asString().equals("SIGNED")) {
                assertThat(doc.get("signatures")).as("only the teacher's own row").singleElement().satisfies(s -> {
                    assertThat(s.get("staff").asString()).isEqualTo(first);
                    assertThat(s.get("role").asString()).isEqualTo("SUBJECT_TEACHER");
                });
            }
        }
        // the other subject teachers, each with one batch, all at once; then each homeroom teacher
        signAsEach(api, teachers.subList(1, teachers.size()));
        Set<String> homeroom = new TreeSet<>();
        for (String code : codes.values()) {
            var doc = api.get("/api/v1/documents/" + code, "admin").json();
            doc.get("awaiting").forEach(a -> homeroom.add(a.asString()));
        }
        assertThat(homeroom).doesNotContainAnyElementsOf(Set.of("GV001"));
        signAsEach(api, new ArrayList<>(homeroom));
        long teachersDone = System.nanoTime();
        for (String code : codes.values()) {
            assertThat(api.get("/api/v1/documents/" + code, "admin").json().get("awaiting").get(0).asString())
                    .as("every record awaits the principal only").isEqualTo("GV001");
        }

        // refusals
        refusals(api, firstBatch.get("id").asString(), first + "@" + SCHOOL);

        // two stored PDFs no longer match their recorded sha256: they must not be signed
        List<String> tampered = List.of(codes.get(students.get(3)), codes.get(students.get(size - 2)));
        for (String code : tampered) {
            assertThat(new WorkingCopies(jdbc, dataDir()).inFile(UUID.fromString(code)))
                    .as("working PDFs in files").isEqualTo(workingCopiesInFiles());
            byte[] pdf = new WorkingCopies(jdbc, dataDir()).read(UUID.fromString(code));
            byte[] changed = java.util.Arrays.copyOf(pdf, pdf.length + 12);
            System.arraycopy("%tampered\n\n\n".getBytes(StandardCharsets.US_ASCII), 0, changed, pdf.length, 12);
            new WorkingCopies(jdbc, dataDir()).replace(UUID.fromString(code), changed);
        }

        // the principal countersigns the whole year in one batch; the store goes down for a moment meanwhile
        long principalStart = System.nanoTime();
        JsonNode started = start(api, yearOf(null), PRINCIPAL);
        assertThat(started.get("status").asString()).isEqualTo("RUNNING");
        assertThat(started.get("total").asInt()).isEqualTo(size);
        String id = started.get("id").asString();
        boolean sawProgress = false;
        boolean down = false;
        boolean wasDown = false;
        long pendingArchivingAtRestore = -1;
        JsonNode batch;
        try {
            while (true) {
                batch = api.get("/api/v1/signing-batches/" + id, PRINCIPAL).json();
                int signed = batch.get("signed").asInt();
                if (batch.get("status").asString().equals("RUNNING") && signed > 0 && signed < size - 2) {
                    sawProgress = true;
                }
                if (!wasDown && signed >= size / 4) {
                    storeDown();
                    down = wasDown = true;
                } else if (down && signed >= size / 4 + Math.max(5, size / 30)) {
                    pendingArchivingAtRestore = jdbc.sql("select count(*) from event_publication where completion_date is null")
                            .query(Long.class).single();
                    storeBack();
                    down = false;
                }
                if (batch.get("status").asString().equals("DONE")) {
                    break;
                }
                Thread.sleep(50);
            }
        } finally {
            storeBack();
        }
        long principalDone = System.nanoTime();
        assertThat(sawProgress).as("progress counters visible while it runs").isTrue();
        assertThat(wasDown).isTrue();
        assertThat(pendingArchivingAtRestore).as("records completed during the outage waited for the store").isPositive();
        assertThat(batch.get("total").asInt()).isEqualTo(size);
        assertThat(batch.get("failed").asInt()).as(batch.toString()).isEqualTo(2);
        assertThat(batch.get("signed").asInt()).isEqualTo(size - 2);
        assertThat(batch.get("skipped").asInt()).isZero();
        assertThat(batch.get("items")).hasSize(size);
        for (JsonNode item : batch.get("items")) {
            if (tampered.contains(item.get("lookupCode").asString())) {
                assertThat(item.get("outcome").asString()).isEqualTo("FAILED");
                assertThat(item.get("reason").asString()).isEqualTo("integrity");
                assertThat(item.get("detailVi").asString()).contains("không được ký");
            } else {
                assertThat(item.get("outcome").asString()).as(item.toString()).isEqualTo("SIGNED");
            }
        }
        // refused one by one too: a single signature over a changed working copy is the integrity problem, not a signature
        for (String code : tampered) {
            integrityProblem(api.post("/api/v1/documents/" + code + "/signatures", PRINCIPAL), "đã bị thay đổi");
            // nor served as the document: whoever reads it would take the changed bytes for the school's
            integrityProblem(api.get("/api/v1/documents/" + code + "/pdf", PRINCIPAL), "đã bị thay đổi");
        }
        if (workingCopiesInFiles()) {
            // a working copy gone from the disk: the same problem, never a signature over nothing
            UUID lost = UUID.fromString(tampered.get(0));
            new WorkingCopies(jdbc, dataDir()).deleteFile(lost);
            integrityProblem(api.post("/api/v1/documents/" + lost + "/signatures", PRINCIPAL), "bị mất");
            integrityProblem(api.get("/api/v1/documents/" + lost + "/pdf", PRINCIPAL), "bị mất");
        }

        // every signed record archived (those of the outage too, by the outbox, with no request), each once
        Set<String> expectArchived = new LinkedHashSet<>(codes.values());
        tampered.forEach(expectArchived::remove);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long archived = 0;
        while (System.nanoTime() < deadline) {
            archived = jdbc.sql("select count(*) from document where status = 'ARCHIVED'").query(Long.class).single();
            if (archived == expectArchived.size()) {
                break;
            }
            Thread.sleep(250);
        }
        long archivedAt = System.nanoTime();
        assertThat(archived).isEqualTo(expectArchived.size());
        Map<String, Long> archivings = new LinkedHashMap<>();
        Map<String, Long> principalSignatures = new LinkedHashMap<>();
        for (var e : audit.entries(1, 1_000_000)) {
            if (e.action().equals("DOCUMENT_ARCHIVED")) {
                archivings.merge(e.subject(), 1L, Long::sum);
            }
            if (e.action().equals("DOCUMENT_SIGNED") && e.details().startsWith("PRINCIPAL ")) {
                principalSignatures.merge(e.subject(), 1L, Long::sum);
            }
        }
        assertThat(archivings.keySet()).containsExactlyInAnyOrderElementsOf(expectArchived);
        assertThat(archivings.values()).allMatch(n -> n == 1);
        assertThat(principalSignatures.keySet()).containsExactlyInAnyOrderElementsOf(expectArchived);
        assertThat(principalSignatures.values()).as("no record countersigned twice").allMatch(n -> n == 1);
        int sampled = 0;
        for (String code : expectArchived) {
            var doc = api.get("/api/v1/documents/" + code, "admin").json();
            assertThat(doc.get("status").asString()).isEqualTo("ARCHIVED");
            Set<String> steps = new LinkedHashSet<>();
            doc.get("signatures").forEach(s -> steps.add(s.get("staff").asString() + "/" + s.get("role").asString()));
            assertThat(steps).as("each step signed once").hasSize(doc.get("signatures").size());
            if (sampled++ % 25 == 0) { // the PDF itself: as many signatures as the API lists
                byte[] pdf = api.get("/api/v1/documents/" + code + "/pdf", "admin").body();
                try (var document = Loader.loadPDF(pdf)) {
                    // approval signatures only: the archived file also carries its B-LTA document timestamp
                    assertThat(document.getSignatureDictionaries().stream()
                            .filter(d -> !"ETSI.RFC3161".equals(d.getSubFilter())).toList())
                            .hasSize(doc.get("signatures").size());
                }
            }
        }

        // the same batch again: nothing left to sign, nothing signed twice
        JsonNode again = awaitDone(api, start(api, yearOf(null), PRINCIPAL), PRINCIPAL);
        assertThat(again.get("signed").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(size - 2);
        assertThat(again.get("failed").asInt()).isEqualTo(2);
        for (JsonNode item : again.get("items")) {
            if (item.get("outcome").asString().equals("SKIPPED")) {
                assertThat(item.get("reason").asString()).isEqualTo("record-complete");
            }
        }

        // the batches are in the audit log, and the chain holds
        var batchEntries = audit.entries(1, 1_000_000).stream().filter(e -> e.subject().equals(id)).map(e -> e.action())
                .toList();
        assertThat(batchEntries).containsExactly("SIGNING_BATCH_STARTED", "SIGNING_BATCH_FINISHED");
        assertThat(verifier.verify().valid()).isTrue();

        System.out.printf("%s: %d students; import+render %.1f s, teachers' batches %.1f s, principal's "
                        + "batch %.1f s (%.0f signatures/s), archived %.1f s after%n", getClass().getSimpleName(), size,
                (rendered - t0) / 1e9, (teachersDone - rendered) / 1e9, (principalDone - principalStart) / 1e9,
                (size - 2) / ((principalDone - principalStart) / 1e9), (archivedAt - principalDone) / 1e9);
    }

    /** Each staff member starts one batch over the whole year, all at once; waits until every one is done. */
    /** The answer is {@code 500 …/integrity} and its Vietnamese detail says {@code what}. */
    private static void integrityProblem(Api.Response response, String what) {
        assertThat(response.status()).as(response.text()).isEqualTo(500);
        assertThat(response.json().get("type").asString()).endsWith("/integrity");
        assertThat(response.json().get("detailVi").asString()).contains(what);
    }

    private void signAsEach(Api api, List<String> staff) throws InterruptedException {
        Map<String, String> batches = new LinkedHashMap<>();
        for (String s : staff) {
            batches.put(s, start(api, yearOf(null), s + "@" + SCHOOL).get("id").asString());
        }
        for (var e : batches.entrySet()) {
            JsonNode done = awaitDone(api, api.get("/api/v1/signing-batches/" + e.getValue(), e.getKey() + "@" + SCHOOL).json(),
                    e.getKey() + "@" + SCHOOL);
            assertThat(done.get("failed").asInt()).as(done.toString()).isZero();
        }
    }

    private void refusals(Api api, String teachersBatch, String teacher) {
        // another user's batch: 403, as for an id that does not exist (no leak); the administrator reads it
        var other = api.get("/api/v1/signing-batches/" + teachersBatch, PRINCIPAL);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/signing-batches/" + UUID.randomUUID(), PRINCIPAL).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/signing-batches/" + teachersBatch, "admin").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/signing-batches/" + UUID.randomUUID(), "admin").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/signing-batches/" + teachersBatch, teacher).status()).isEqualTo(200);
        // no credentials: 401
        assertThat(api.get("/api/v1/signing-batches/" + teachersBatch, null).status()).isEqualTo(401);
        assertThat(api.postJson("/api/v1/signing-batches", yearOf(null), null).status()).isEqualTo(401);
        // bad bodies: 422 with each problem's path
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"documents\": []}", "documents");
        bad.put("{\"documents\": [\"nope\"]}", "documents[0]");
        bad.put("{\"documents\": [\"" + UUID.randomUUID() + "\"], \"school\": \"" + SCHOOL + "\"}", "");
        bad.put("{\"documents\": [\"" + UUID.randomUUID() + "\"], \"sign\": true}", "sign");
        bad.put("{\"school\": \"" + SCHOOL + "\", \"schoolYear\": \"" + YEAR + "\", \"class\": null, "
                + "\"documentType\": \"DIPLOMA\"}", "documentType");
        bad.put("not json", "");
        for (var e : bad.entrySet()) {
            var r = api.postJson("/api/v1/signing-batches", e.getKey().getBytes(StandardCharsets.UTF_8), PRINCIPAL);
            assertThat(r.status()).as(e.getKey() + " " + r.text()).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("path").asString()).as(e.getKey()).isEqualTo(e.getValue());
        }
        // another school's year: 403; an administrator or inspector signs nothing: 403
        var otherSchool = api.postJson("/api/v1/signing-batches", ("{\"school\": \"THPT-XYZ\", \"schoolYear\": \""
                + YEAR + "\", \"documentType\": \"STUDENT_RECORD\"}").getBytes(StandardCharsets.UTF_8), PRINCIPAL);
        assertThat(otherSchool.status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/signing-batches", yearOf(null), "admin").status()).isEqualTo(403);
        // an unknown class of the caller's school: 404
        assertThat(api.postJson("/api/v1/signing-batches", yearOf("12Z"), PRINCIPAL).status()).isEqualTo(404);
    }

    static byte[] yearOf(String classCode) {
        return ("{\"school\": \"" + SCHOOL + "\", \"schoolYear\": \"" + YEAR + "\", \"class\": "
                + (classCode == null ? "null" : "\"" + classCode + "\"") + ", \"documentType\": \"STUDENT_RECORD\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** POST /api/v1/signing-batches: 202 with a Location naming the batch. */
    private JsonNode start(Api api, byte[] body, String account) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/signing-batches"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (account + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(202);
            JsonNode batch = Api.JSON.readTree(response.body());
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/api/v1/signing-batches/" + batch.get("id").asString()));
            for (String member : List.of("id", "status", "total", "signed", "failed", "skipped")) {
                assertThat(batch.has(member)).as(member).isTrue();
            }
            return batch;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode awaitDone(Api api, JsonNode batch, String account) throws InterruptedException {
        String id = batch.get("id").asString();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            var r = api.get("/api/v1/signing-batches/" + id, account);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            if (r.json().get("status").asString().equals("DONE")) {
                JsonNode done = r.json();
                assertThat(done.get("signed").asInt() + done.get("failed").asInt() + done.get("skipped").asInt())
                        .isEqualTo(done.get("total").asInt());
                return done;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " not done within 5 minutes");
    }

    static byte[] generate(int students, Path dataDir) throws Exception {
        assertThat(GEN_SCHOOL).as("the shared generator tools/gen_school.py").isRegularFile();
        Path json = Files.createTempFile(dataDir.getParent(), "school-" + students, ".json");
        Process gen = new ProcessBuilder("python3", GEN_SCHOOL.toString(), "--students", String.valueOf(students),
                "--seed", "15", "--year", YEAR).redirectOutput(json.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(gen.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(gen.exitValue()).isZero();
        return Files.readAllBytes(json);
    }

    /** The store's records directory becomes a plain file (as ArchiveOutageIT: the filesystem store cannot write). */
    void storeDown() throws java.io.IOException {
        Path RECORDS = dataDir().resolve("archive").resolve("records");
        Path ASIDE = dataDir().resolve("archive").resolve("records.aside");
        Files.createDirectories(RECORDS.getParent());
        if (Files.isDirectory(RECORDS)) {
            Files.move(RECORDS, ASIDE);
        }
        Files.writeString(RECORDS, "the store is down");
    }

    void storeBack() throws java.io.IOException {
        Path RECORDS = dataDir().resolve("archive").resolve("records");
        Path ASIDE = dataDir().resolve("archive").resolve("records.aside");
        if (Files.isRegularFile(RECORDS)) {
            Files.delete(RECORDS);
        }
        if (Files.isDirectory(ASIDE)) {
            Files.move(ASIDE, RECORDS);
        }
    }
}
