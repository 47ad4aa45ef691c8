package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.hocba.storage.s3.S3TestServer;

/**
 * The service starts while its S3 server is down: not ready until the server answers, signing meanwhile, and the
 * record is archived once radosgw is back (the bucket checked before the first write).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class S3DownAtStartIT {

    static final String BASE = "/api/v1/schools/THCS-MK2/years/2024-2025/students/";
    static final Path dataDir = TestDirectories.fresh("data-s3-down-at-start");
    static final S3TestServer server = S3TestServer.shared();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OutageProperties.registerOnS3(registry, dataDir, server, "down-at-start");
        server.stopGateway(); // before the application context starts
    }

    @AfterAll
    static void gatewayBack() {
        server.startGateway();
    }

    @Test
    void theServiceStartsWithoutItsS3ServerAndArchivesOnceItAnswers() throws Exception {
        var api = new Api(port);
        assertThat(api.get("/actuator/health/readiness", null).status()).as("not ready without its store").isEqualTo(503);
        try (InputStream in = S3DownAtStartIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            api.importAndLockYear(in.readAllBytes(), "THCS-MK2", "2024-2025", "GV001@THCS-MK2");
        }
        String student = "HS2400004";
        var record = api.post(BASE + student + "/record", "admin").json();
        while (!record.get("awaiting").isEmpty()) {
            var signed = api.post(BASE + student + "/record/signatures", record.get("awaiting").get(0).asString()
                    + "@THCS-MK2");
            assertThat(signed.status()).as(signed.text()).isEqualTo(201);
            record = signed.json();
        }
        assertThat(api.get(BASE + student + "/record", "admin").json().get("status").asString()).isEqualTo("SIGNING");

        server.startGateway();
        assertThat(api.awaitArchivedAndIndexed(BASE + student).get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(api.get(BASE + student + "/record.pdf", "admin").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
