package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import vn.hocba.archive.audit.AuditLog;
import vn.hocba.storage.s3.S3TestServer;

/**
 * The archive on S3 Object Lock while the S3 server is down: radosgw itself is stopped (the cluster behind it keeps
 * the objects). The principal's signature still succeeds, what needs a stored file answers 503, the readiness probe
 * reports the store down, and once radosgw is back the outbox archives the record with no request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class S3ArchiveOutageIT {

    static final String BASE = "/api/v1/schools/THCS-MK2/years/2024-2025/students/";
    static final Path dataDir = TestDirectories.fresh("data-s3-outage");
    static final S3TestServer server = S3TestServer.shared();

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OutageProperties.registerOnS3(registry, dataDir, server, "outage");
    }

    @Test
    void theLastSignatureSucceedsWhileRadosgwIsDownAndTheRecordIsArchivedWhenItIsBack() throws Exception {
        var api = new Api(port);
        try (InputStream in = S3ArchiveOutageIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            api.importAndLockYear(in.readAllBytes(), "THCS-MK2", "2024-2025", "GV001@THCS-MK2");
        }
        // one record archived before the outage, to be downloaded during it
        String before = "HS2400002";
        JsonNode archived = api.signThroughTheSequence(BASE + before, "THCS-MK2");
        assertThat(api.get(BASE + before + "/record.pdf", "admin").status()).isEqualTo(200);

        String student = "HS2400003";
        var rendered = api.post(BASE + student + "/record", "admin").json();
        String lookupCode = rendered.get("lookupCode").asString();
        JsonNode record = rendered;
        while (!record.get("awaiting").isEmpty() && !record.get("awaiting").get(0).asString().equals("GV001")) {
            var signed = api.post(BASE + student + "/record/signatures", record.get("awaiting").get(0).asString()
                    + "@THCS-MK2");
            assertThat(signed.status()).as(signed.text()).isEqualTo(201);
            record = signed.json();
        }

        server.stopGateway();
        try {
            var last = api.post(BASE + student + "/record/signatures", "GV001@THCS-MK2");
            assertThat(last.status()).as("the principal's signature stands: " + last.text()).isEqualTo(201);
            assertThat(last.json().get("awaiting")).isEmpty();
            var pdf = api.get(BASE + before + "/record.pdf", "admin");
            assertThat(pdf.status()).as("a stored file, the store down").isEqualTo(503);
            assertThat(pdf.contentType()).startsWith("application/problem+json");
            assertThat(pdf.json().get("type").asString()).endsWith("/archive-unavailable");
            assertThat(pdf.json().get("detailVi").asString()).contains("kho lưu trữ");
            var retention = api.get("/api/v1/documents/" + archived.get("lookupCode").asString() + "/retention",
                    "admin");
            assertThat(retention.status()).as("the catalogue answers without the store").isEqualTo(200);
            assertThat(api.get("/actuator/health/readiness", null).status()).as("not ready").isEqualTo(503);
            assertThat(api.post("/api/v1/integrity/sweeps", "admin").status()).isEqualTo(202);
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!api.get("/api/v1/integrity", "admin").text().contains("SWEEP_FAILED")) {
                assertThat(System.nanoTime()).as("a sweep that cannot run says so in the report").isLessThan(until);
                Thread.sleep(200);
            }
            Thread.sleep(2_500); // resubmission rounds: still unarchived, and nothing half-stored
            assertThat(api.get(BASE + student + "/record", "admin").json().get("status").asString())
                    .isEqualTo("SIGNING");
        } finally {
            server.startGateway();
        }

        JsonNode done = api.awaitArchivedAndIndexed(BASE + student);
        assertThat(done.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(done.get("signatureLevel").asString()).isEqualTo("PAdES-BASELINE-LTA");
        var pdf = api.get(BASE + student + "/record.pdf", "admin");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(Downloads.sha256(pdf.body())).isEqualTo(done.get("sha256").asString());
        assertThat(audit.entries(1, 100_000).stream().filter(e -> e.subject().equals(lookupCode))
                .filter(e -> e.action().equals("DOCUMENT_ARCHIVED")).count()).isEqualTo(1);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
