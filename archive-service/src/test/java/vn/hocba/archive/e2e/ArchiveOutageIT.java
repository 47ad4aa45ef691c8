package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import vn.hocba.archive.audit.AuditLog;

/**
 * Nothing is lost when the archive cannot be written at the last signature: the signature stands, the record stays
 * complete and unarchived, and it is archived once the store works again. The outage is real: the store's records
 * directory is replaced by a plain file, so the filesystem store cannot create the object's directories.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchiveOutageIT {

    static final String BASE = "/api/v1/schools/THCS-MK2/years/2024-2025/students/";

    /** Under target/, not a JUnit @TempDir: the Spring context outlives the class (see EndToEndScenario). */
    static final Path dataDir = TestDirectories.fresh("data-outage");

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    vn.hocba.archive.audit.AuditVerifier verifier;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OutageProperties.register(registry, dataDir);
    }

    @Test
    void aRecordCompletedDuringAStoreOutageIsArchivedAndIndexedOnceTheStoreIsBackWithNoRequest() throws Exception {
        var api = new Api(port);
        importOnce(api);
        String student = "HS2400037"; // class 6A
        var rendered = api.post(BASE + student + "/record", "admin").json();
        String lookupCode = rendered.get("lookupCode").asString();
        Set<String> subjectTeachers = new LinkedHashSet<>();
        rendered.get("awaiting").forEach(n -> subjectTeachers.add(n.asString()));
        for (String teacher : subjectTeachers) {
            assertThat(api.post(BASE + student + "/record/signatures", teacher + "@THCS-MK2").status()).isEqualTo(201);
        }
        String homeroom = api.get(BASE + student + "/record", "admin").json().get("awaiting").get(0).asString();
        assertThat(api.post(BASE + student + "/record/signatures", homeroom + "@THCS-MK2").status()).isEqualTo(201);

        storeDown();
        var last = api.post(BASE + student + "/record/signatures", "GV001@THCS-MK2");
        assertThat(last.status()).as("the principal's signature stands").isEqualTo(201);
        JsonNode pending = last.json();
        assertThat(pending.get("status").asString()).isEqualTo("SIGNING");
        assertThat(pending.get("awaiting")).isEmpty();
        assertThat(pending.get("signatures")).hasSize(subjectTeachers.size() + 2);
        assertThat(api.get(BASE + student + "/record", "admin").json().get("status").asString())
                .as("still down: still unarchived").isEqualTo("SIGNING");

        // a read changes nothing: still SIGNING while the store is down, and no request is needed once it is back
        Thread.sleep(2500);
        assertThat(api.get(BASE + student + "/record", "admin").json().get("status").asString()).isEqualTo("SIGNING");
        storeBack();
        JsonNode archived = api.awaitArchivedAndIndexed(BASE + student);
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
        // the archived file is the completed one extended to B-LTA (before the store took it, whatever the tries)
        assertThat(archived.get("signatureLevel").asString()).isEqualTo("PAdES-BASELINE-LTA");
        assertThat(archived.get("signatures")).hasSize(pending.get("signatures").size());
        var pdf = api.get(BASE + student + "/record.pdf", "admin");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(Downloads.sha256(pdf.body())).isEqualTo(archived.get("sha256").asString());
        Thread.sleep(3000); // more resubmission rounds: still archived and indexed exactly once
        assertThat(audit.entries(1, 100_000).stream().filter(e -> e.subject().equals(lookupCode))
                .filter(e -> e.action().equals("DOCUMENT_ARCHIVED")).count()).isEqualTo(1);
        assertThat(api.get("/api/v1/search?q=" + student, "admin").json().get("total").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single()).as("no publication left incomplete").isZero();
        // the pruning (every second here) removes the completed ones: none stays for ever
        long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (jdbc.sql("select count(*) from event_publication").query(Long.class).single() > 0) {
            assertThat(System.nanoTime()).as("completed publications are pruned").isLessThan(until);
            Thread.sleep(100);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    /**
     * A version completed during the outage and superseded by a correction before the store is back is still a fully
     * signed document: it is archived once the store works, and stays SUPERSEDED, readable under its own code.
     */
    @Test
    void aVersionSupersededBeforeItsArchivingIsStillArchivedWhenTheStoreIsBack() throws Exception {
        var api = new Api(port);
        importOnce(api);
        String student = "HS2400010"; // class 6A
        var rendered = api.post(BASE + student + "/record", "admin").json();
        String lookupCode = rendered.get("lookupCode").asString();
        var awaiting = rendered.get("awaiting");
        try {
            while (!awaiting.isEmpty()) {
                if (awaiting.get(0).asString().equals("GV001")) {
                    storeDown();
                }
                for (JsonNode staff : awaiting) {
                    assertThat(api.post(BASE + student + "/record/signatures", staff.asString() + "@THCS-MK2").status())
                            .isEqualTo(201);
                }
                awaiting = api.get(BASE + student + "/record", "admin").json().get("awaiting");
            }
            JsonNode complete = api.get("/api/v1/documents/" + lookupCode, "admin").json();
            assertThat(complete.get("status").asString()).as("complete, the store down").isEqualTo("SIGNING");

            // a correction approved meanwhile supersedes the complete, unarchived version
            String year = "/api/v1/schools/THCS-MK2/years/2024-2025";
            Api.Response requested = null;
            for (String value : List.of("10", "9.5")) {
                requested = api.postJson(year + "/corrections", ("{\"student\": \"" + student + "\", \"subject\": \"TOAN\", "
                        + "\"term\": 1, \"field\": \"final\", \"newValue\": " + value + ", \"reason\": \"Chấm sót câu 3\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "GV011@THCS-MK2");
                if (requested.status() == 201) {
                    break;
                }
            }
            assertThat(requested.status()).as(requested.text()).isEqualTo(201);
            String correction = year + "/corrections/" + requested.json().get("id").asString();
            assertThat(api.post(correction + "/confirmation", "GV012@THCS-MK2").status()).isEqualTo(200);
            assertThat(api.post(correction + "/approval", "GV001@THCS-MK2").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/documents/" + lookupCode, "admin").json().get("status").asString())
                    .isEqualTo("SUPERSEDED");
        } finally {
            storeBack();
        }

        // the store is back: the superseded version's file is archived by the outbox, with no request
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && audit.entries(1, 100_000).stream()
                .noneMatch(e -> e.subject().equals(lookupCode) && e.action().equals("DOCUMENT_ARCHIVED"))) {
            Thread.sleep(100);
        }
        JsonNode old = api.get("/api/v1/documents/" + lookupCode, "admin").json();
        assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
        var pdf = api.get("/api/v1/documents/" + lookupCode + "/pdf", "admin");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(jdbc.sql("select archive_key from document where lookup_code = ?").param(java.util.UUID.fromString(lookupCode))
                .query(String.class).single()).as("its file is in the archive").isNotNull();
        assertThat(audit.entries(1, 100_000).stream().filter(e -> e.subject().equals(lookupCode))
                .filter(e -> e.action().equals("DOCUMENT_ARCHIVED")).count()).isEqualTo(1);
        assertThat(verifier.verify().valid()).isTrue();
    }

    /**
     * A byte of the stored working copy flipped while the store is down (after the outbox extended it): nothing is
     * archived and no timestamp vouches for it while it differs from its recorded sha256; put back, it is archived.
     */
    @Test
    void aWorkingCopyChangedBehindTheServicesBackIsNotArchived() throws Exception {
        var api = new Api(port);
        importOnce(api);
        String student = "HS2400039"; // class 6A
        var rendered = api.post(BASE + student + "/record", "admin").json();
        var lookupCode = java.util.UUID.fromString(rendered.get("lookupCode").asString());
        JsonNode record = rendered;
        while (!record.get("awaiting").isEmpty() && !record.get("awaiting").get(0).asString().equals("GV001")) {
            String next = record.get("awaiting").get(0).asString();
            var signed = api.post(BASE + student + "/record/signatures", next + "@THCS-MK2");
            assertThat(signed.status()).as(signed.text()).isEqualTo(201);
            record = signed.json();
        }
        storeDown();
        try {
            assertThat(api.post(BASE + student + "/record/signatures", "GV001@THCS-MK2").status()).isEqualTo(201);
            // the outbox extends it and commits that before the store refuses the file (a crash after the store took
            // it must not lose the extension and archive a second file)
            long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (!"PAdES-BASELINE-LTA".equals(jdbc.sql("select signature_level from document where lookup_code = ?")
                    .param(lookupCode).query(String.class).single())) {
                assertThat(System.nanoTime()).as("the extension is kept while the store is down").isLessThan(until);
                Thread.sleep(100);
            }
            // and until that attempt has failed on the store: still under way, it would write the copy it extended
            // (rightly: the service's own bytes), not the one changed below
            while (jdbc.sql("select count(*) from event_publication where listener_id like '%DocumentArchiving%' "
                    + "and serialized_event like ? and status = 'FAILED'").param("%" + lookupCode + "%")
                    .query(Integer.class).single() == 0) {
                assertThat(System.nanoTime()).as("the archiving fails while the store is down").isLessThan(until);
                Thread.sleep(50);
            }
            var working = new WorkingCopies(jdbc, dataDir);
            assertThat(working.inFile(lookupCode)).as("the embedded default keeps working PDFs in files").isTrue();
            byte[] original = working.read(lookupCode);
            byte[] flipped = original.clone();
            flipped[flipped.length / 3] ^= 0x01;
            working.replace(lookupCode, flipped);
            long objectsBefore = objectCount(ASIDE);
            storeBack();
            Thread.sleep(4_000); // several resubmission rounds
            assertThat(api.get(BASE + student + "/record", "admin").json().get("status").asString())
                    .as("changed behind the service's back: not archived").isEqualTo("SIGNING");
            assertThat(objectCount(RECORDS)).as("nothing of it reached the store").isEqualTo(objectsBefore);

            working.replace(lookupCode, original);
            assertThat(api.awaitArchivedAndIndexed(BASE + student).get("status").asString()).isEqualTo("ARCHIVED");
            // removed by the purge that follows H2's next checkpoint (every 10 s)
            Path folder = dataDir.resolve("working").resolve(lookupCode.toString());
            long purged = System.nanoTime() + java.time.Duration.ofSeconds(40).toNanos();
            while (Files.exists(folder) && System.nanoTime() < purged) {
                Thread.sleep(200);
            }
            assertThat(folder).as("an archived version's working copies are removed").doesNotExist();
        } finally {
            storeBack();
        }
    }

    /** The objects a store's records directory holds. */
    private static long objectCount(Path records) throws java.io.IOException {
        if (!Files.isDirectory(records)) {
            return 0;
        }
        try (var files = Files.walk(records)) {
            return files.filter(f -> f.toString().endsWith(".pdf~data")).count();
        }
    }

    static final Path RECORDS = dataDir.resolve("archive").resolve("records");
    static final Path ASIDE = dataDir.resolve("archive").resolve("records.aside");

    /** The store's records directory becomes a plain file (moved aside first when it exists). */
    static void storeDown() throws java.io.IOException {
        Files.createDirectories(RECORDS.getParent());
        if (Files.isDirectory(RECORDS)) {
            Files.move(RECORDS, ASIDE);
        }
        Files.writeString(RECORDS, "the store is down");
    }

    /** The records directory back as it was. */
    static void storeBack() throws java.io.IOException {
        if (Files.isRegularFile(RECORDS)) {
            Files.delete(RECORDS);
        }
        if (Files.isDirectory(ASIDE)) {
            Files.move(ASIDE, RECORDS);
        }
    }

    private static boolean imported;

    /** The demo year, imported and locked once: after a correction it differs from the dataset, whose re-import is refused. */
    private static synchronized void importOnce(Api api) throws java.io.IOException {
        if (!imported) {
            try (InputStream in = ArchiveOutageIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
                api.importAndLockYear(in.readAllBytes(), "THCS-MK2", "2024-2025", "GV001@THCS-MK2");
            }
            imported = true;
        }
    }
}
