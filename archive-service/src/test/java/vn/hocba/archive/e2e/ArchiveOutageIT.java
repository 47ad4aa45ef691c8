package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
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
        registry.add("hocba.data-dir", () -> dataDir.toString());
        registry.add("hocba.demo.enabled", () -> "true");
        registry.add("hocba.demo.dataset", () -> "");
        // the outbox's scheduled resubmission, quick enough for a test
        registry.add("hocba.outbox.resubmit-interval", () -> "PT1S");
        registry.add("hocba.outbox.resubmit-after", () -> "PT1S");
    }

    @Test
    void aRecordCompletedDuringAStoreOutageIsArchivedAndIndexedOnceTheStoreIsBackWithNoRequest() throws Exception {
        var api = new Api(port);
        byte[] dataset;
        try (InputStream in = getClass().getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            dataset = in.readAllBytes();
        }
        api.importAndLockYear(dataset, "THCS-MK2", "2024-2025", "GV001@THCS-MK2");
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

        Path records = dataDir.resolve("archive").resolve("records");
        Files.createDirectories(records.getParent());
        Files.writeString(records, "the store is down");
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
        Files.delete(records);
        JsonNode archived = api.awaitArchivedAndIndexed(BASE + student);
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.get("sha256").asString()).isEqualTo(pending.get("sha256").asString());
        var pdf = api.get(BASE + student + "/record.pdf", "admin");
        assertThat(pdf.status()).isEqualTo(200);
        Thread.sleep(3000); // more resubmission rounds: still archived and indexed exactly once
        assertThat(audit.entries(1, 100_000).stream().filter(e -> e.subject().equals(lookupCode))
                .filter(e -> e.action().equals("DOCUMENT_ARCHIVED")).count()).isEqualTo(1);
        assertThat(api.get("/api/v1/search?q=" + student, "admin").json().get("total").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single()).as("no publication left incomplete").isZero();
        assertThat(verifier.verify().valid()).isTrue();
    }
}
