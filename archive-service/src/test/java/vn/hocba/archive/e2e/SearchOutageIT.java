package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.hocba.archive.search.EsTestServer;

/**
 * Issue 17: indexing never blocks archiving, and an index that is down catches up when it returns. Elasticsearch (a
 * server of this test's own) is stopped for real while a record collects its last signatures: the record is archived
 * all the same, search answers 503 meanwhile, and once the server is started again the outbox indexes the record with
 * no request needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchOutageIT {

    static final String SCHOOL = "THCS-MK2";
    static final String BASE = "/api/v1/schools/" + SCHOOL + "/years/2024-2025/students/";
    static final Path dataDir = TestDirectories.fresh("data-search-outage");
    static EsTestServer es;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OutageProperties.register(registry, dataDir);
        es = EsTestServer.startNew("outage");
        registry.add("hocba.search", () -> "elasticsearch");
        registry.add("hocba.es.url", es::url);
        registry.add("hocba.es.index", () -> EsTestServer.newIndexName("outage"));
    }

    @Test
    void aRecordArchivedWhileElasticsearchIsDownIsIndexedOnceItIsBack() throws Exception {
        var api = new Api(port);
        api.importAndLockYear(EndToEndScenario.demoDataset(), SCHOOL, "2024-2025", "GV001@" + SCHOOL);
        es.stop();
        try {
            api.signEveryTurn(BASE + "HS2400037", SCHOOL);
            String lookupCode = api.get(BASE + "HS2400037/record", "admin").json().get("lookupCode").asString();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline
                    && !api.get(BASE + "HS2400037/record", "admin").json().get("status").asString().equals("ARCHIVED")) {
                Thread.sleep(200);
            }
            assertThat(api.get(BASE + "HS2400037/record", "admin").json().get("status").asString())
                    .as("archived with the index down").isEqualTo("ARCHIVED");
            var down = api.get("/api/v1/search?q=HS2400037", "admin");
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.text()).contains("search-unavailable").contains("tra cứu");

            es.start();
            deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
            String found = "";
            while (System.nanoTime() < deadline) {
                var r = api.get("/api/v1/search?q=HS2400037", "admin");
                if (r.status() == 200 && r.text().contains(lookupCode)) {
                    found = r.text();
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(found).as("indexed after the server came back, with no request but searches").contains(lookupCode);
        } finally {
            es.start(); // idempotent: the node is reused when it runs
        }
    }
}
