package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.hocba.archive.audit.AuditLog;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.signing.PdfAValidation;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.dss.DssSignatureValidator;
import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectLockedException;
import vn.hocba.storage.ObjectStore;

/**
 * The whole path over real HTTP, against the running application: import the demo school, render a record of class
 * 6A, collect every signature in order (proving the refusals), archive, find it by a name without diacritics,
 * download it, and check the file with independent tools (EU DSS validation, poppler's pdfsig, veraPDF).
 * Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EndToEndScenario implements SchoolYearScenario {

    static final String SCHOOL = "THCS-MK2";
    static final String YEAR = "2024-2025";
    static final String STUDENT = "HS2400001"; // Nguyễn Khánh Hạnh, class 6A
    static final String BASE = "/api/v1/schools/" + SCHOOL + "/years/" + YEAR + "/students/";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    vn.hocba.archive.search.SearchIndex searchIndex;

    @Autowired
    vn.hocba.archive.audit.AuditVerifier verifier;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    ObjectStore store;

    @Autowired
    SchoolDirectory directory;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * Demo accounts and PKI on, but no automatic demo school: the test imports it over the API. The data directory is
     * under target/, not a JUnit @TempDir: the Spring context (and the demo PKI's background thread) outlives the test
     * class, so JUnit's clean-up would race with files still being written.
     */
    static void embeddedDefaults(DynamicPropertyRegistry registry, String name) {
        Path dataDir = TestDirectories.fresh(name);
        registry.add("hocba.data-dir", dataDir::toString);
        registry.add("hocba.demo.enabled", () -> "true");
        registry.add("hocba.demo.dataset", () -> "");
        registry.add("hocba.login.lockout", () -> LOCKOUT.toString());
    }

    /** Sign-in lockout of the tests (the default is 15 minutes): long enough to see, short enough to wait out. */
    static final java.time.Duration LOCKOUT = java.time.Duration.ofSeconds(3);

    static byte[] demoDataset() throws IOException {
        try (InputStream in = EndToEndScenario.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            return in.readAllBytes();
        }
    }

    @Override
    public Api api() {
        return new Api(port);
    }

    @Override
    public SchoolDirectory directory() {
        return directory;
    }

    @Override
    public boolean auditChainValid() {
        return verifier.verify().valid();
    }

    /**
     * Issue 18: 200 wrong passwords over the API lock the account after 5 (429 with Retry-After, the right password
     * refused too while it lasts); its owner signs in once the lockout ends. A name no account has is locked the same
     * way, so a lockout tells nothing of which names exist. Each lockout is in the audit log.
     */
    @Test
    void wrongPasswordsLockTheAccountUntilTheLockoutEnds() throws InterruptedException {
        String name = "thanhtra.khoa." + UUID.randomUUID().toString().substring(0, 8);
        String right = "mat-khau-dung-7";
        var created = api().postJson("/api/v1/accounts", ("{\"username\": \"" + name + "\", \"password\": \"" + right
                + "\", \"role\": \"INSPECTOR\", \"province\": \"Quảng Ninh\", \"district\": null}")
                .getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(api().getAs("/api/v1/search?q=an", name, right).status()).isEqualTo(200);
        // a name's first sign-ins in parallel (a client opening several connections): each counted, each cleared
        String parallelName = "thanhtra.songsong." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().postJson("/api/v1/accounts", ("{\"username\": \"" + parallelName + "\", \"password\": \"" + right
                + "\", \"role\": \"INSPECTOR\", \"province\": \"Quảng Ninh\", \"district\": null}")
                .getBytes(StandardCharsets.UTF_8), "admin").status()).isEqualTo(201);
        var firstPool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var firsts = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 24; i++) {
                firsts.add(firstPool.submit(() -> api().getAs("/api/v1/search?q=an", parallelName, right).status()));
            }
            for (var first : firsts) {
                assertThat(first.get()).as("a right password in parallel").isEqualTo(200);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            firstPool.shutdownNow();
        }

        long start = System.nanoTime();
        int checked = 0;
        int locked = 0;
        for (int i = 0; i < 200; i++) {
            var answer = api().getAs("/api/v1/search?q=an", name, "sai-mat-khau-" + i);
            if (answer.status() == 401) {
                checked++;
            } else {
                assertThat(answer.status()).as(answer.text()).isEqualTo(429);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.json().get("type").asString()).endsWith("/sign-in-locked");
                assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, LOCKOUT.toSeconds());
                locked++;
            }
        }
        double lockouts = (System.nanoTime() - start) / 1e9 / LOCKOUT.toSeconds() + 1;
        assertThat(locked).as("refused without reading the password").isPositive();
        assertThat(checked).as("passwords checked: 5 each lockout, then the 6th attempt is refused").isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo((int) Math.ceil(lockouts) * 5);

        // locked now (a wrong one until it answers 429): the right password is refused too
        var answer = api().getAs("/api/v1/search?q=an", name, "sai");
        for (int i = 0; i < 5 && answer.status() == 401; i++) {
            answer = api().getAs("/api/v1/search?q=an", name, "sai");
        }
        assertThat(answer.status()).isEqualTo(429);
        assertThat(api().getAs("/api/v1/search?q=an", name, right).status()).isEqualTo(429);
        Thread.sleep(LOCKOUT.toMillis() + 500);
        assertThat(api().getAs("/api/v1/search?q=an", name, right).status()).as("after the lockout").isEqualTo(200);
        // and the count started again: one wrong password is a 401, not a lockout
        assertThat(api().getAs("/api/v1/search?q=an", name, "sai").status()).isEqualTo(401);
        assertThat(api().getAs("/api/v1/search?q=an", name, right).status()).isEqualTo(200);

        // a name no account has: the same answers
        String nobody = "khong.ai." + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(api().getAs("/api/v1/search?q=an", nobody, "sai").status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);

        // guesses in parallel get no more password checks than guesses in a row
        String guessed = "song.song." + UUID.randomUUID().toString().substring(0, 8);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                answers.add(pool.submit(() -> api().getAs("/api/v1/search?q=an", guessed, "doan-" + n).status()));
            }
            int parallelChecked = 0;
            for (var parallel : answers) {
                int status = parallel.get();
                assertThat(status).isIn(401, 429);
                parallelChecked += status == 401 ? 1 : 0;
            }
            assertThat(parallelChecked).as("passwords checked out of 48 parallel guesses").isLessThanOrEqualTo(5);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(audit.entries(1, 1_000_000).stream().filter(e -> e.action().equals("ACCOUNT_LOCKED"))
                .map(AuditLog.Entry::subject)).contains(name, nobody);
    }

    /** Imports the demo school (again: unchanged) and locks its year, so that its records may be rendered. */
    void ensureImported() throws IOException {
        api().importAndLockYear(demoDataset(), SCHOOL, YEAR, account("GV001"));
    }

    @Test
    void importingTheSameDatasetTwiceChangesNothingTheSecondTime() throws IOException {
        ensureImported();
        long imports = auditCount("IMPORT");
        var again = api().postJson("/api/v1/imports", demoDataset(), "admin");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(auditCount("IMPORT")).as("a second import of the same dataset changes nothing").isEqualTo(imports);
        assertThat(again.json().get("counts").get("students").asInt()).isEqualTo(320);
        assertThat(again.json().get("counts").get("assessments").asInt()).isEqualTo(7680);
    }

    @Test
    void aBadDatasetIsRefusedWholeWithEveryProblemListedAndNothingStored() throws IOException {
        var doc = (ObjectNode) Api.JSON.readTree(demoDataset());
        ((ObjectNode) doc.get("school")).put("code", "THCS-BAD");
        ((ObjectNode) doc.get("assessments").get(17)).put("final", 11);
        ((ObjectNode) doc.get("students").get(0)).put("class", "9Z");
        ((ArrayNode) doc.get("staff").get(1).get("roles")).set(0, "BOSS");
        var r = api().postJson("/api/v1/imports", Api.JSON.writeValueAsBytes(doc), "admin");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> paths = new ArrayList<>();
        r.json().get("errors").forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).contains("assessments[17].final", "students[0].class", "staff[1].roles[0]");
        r.json().get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());

        var results = api().get("/api/v1/schools/THCS-BAD/years/" + YEAR + "/students/HS2400002/results", "admin");
        assertThat(results.status()).isEqualTo(404);
        assertThat(directory.school("THCS-BAD")).as("nothing of a refused dataset is stored").isEmpty();
    }

    @Test
    void aSchoolsOwnAdministratorImportsForThatSchoolOnly() throws IOException {
        ensureImported();
        var doc = (ObjectNode) Api.JSON.readTree(demoDataset());
        ((ObjectNode) doc.get("school")).put("code", "THCS-OTHER");
        // GV004 holds ADMIN in THCS-MK2's dataset: not the system administrator
        var other = api().postJson("/api/v1/imports", Api.JSON.writeValueAsBytes(doc), "GV004@" + SCHOOL);
        assertThat(other.status()).as(other.text()).isEqualTo(403);
        assertThat(directory.school("THCS-OTHER")).isEmpty();
        assertThat(api().postJson("/api/v1/imports", demoDataset(), "GV004@" + SCHOOL).status()).isEqualTo(201);
    }

    @Test
    void badRequestsAnswerProblemsNeverServerErrors() throws IOException {
        ensureImported();
        var api = api();
        var notANumber = api.get("/api/v1/search?q=an&page=abc", "admin");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errors").get(0).get("path").asString()).isEqualTo("page");
        var deepPage = api.get("/api/v1/search?q=an&page=2147483647", "admin");
        assertThat(deepPage.status()).isEqualTo(400);
        assertThat(deepPage.json().get("errors").get(0).get("path").asString()).isEqualTo("page");
        assertThat(api.get("/api/v1/search?q=" + "an%20".repeat(1100), "admin").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/search?q=" + "an%20".repeat(60), "admin").status()).isEqualTo(200);
        var wrongType = api.get("/api/v1/imports", "admin");
        assertThat(wrongType.status()).isEqualTo(405);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        assertThat(wrongType.json().get("detailVi").asString()).isNotBlank();
        var noSuchPath = api.get("/api/v1/nothing-here", "admin");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.contentType()).startsWith("application/problem+json");
        var badVersion = api.get(BASE + STUDENT + "/record.pdf?version=abc", "admin");
        assertThat(badVersion.status()).isEqualTo(400);
        var tinyButHuge = "{\"format\":\"hocba.school-year/v1\",\"assessments\":[{\"final\":1e-999999999}]}";
        var refused = api.postJson("/api/v1/imports", tinyButHuge.getBytes(java.nio.charset.StandardCharsets.UTF_8), "admin");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().length).as("the error quotes values briefly").isLessThan(20_000);
    }

    @Test
    void staffOfAnotherSchoolSeeNothingOfThisOne() throws IOException {
        ensureImported();
        var doc = (ObjectNode) Api.JSON.readTree(demoDataset());
        ((ObjectNode) doc.get("school")).put("code", "THCS-KHAC").put("name", "Trường THCS Khác");
        var imported = api().postJson("/api/v1/imports", Api.JSON.writeValueAsBytes(doc), "admin");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        String stranger = "GV001@THCS-KHAC"; // the other school's principal, same staff id as ours
        assertThat(api().post(BASE + "HS2400028/record", "GV001@" + SCHOOL).status()).isIn(200, 201);
        assertThat(api().get(BASE + "HS2400028/record", stranger).status()).isEqualTo(403);
        assertThat(api().post(BASE + "HS2400028/record/signatures", stranger).status()).isEqualTo(403);
        assertThat(api().get(BASE + "HS2400028/results", stranger).status()).isEqualTo(403);
        assertThat(api().signThroughTheSequence(BASE + "HS2400055", SCHOOL).get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(api().get("/api/v1/search?q=" + SCHOOL, "admin").json().get("total").asLong())
                .as("our archive has records to leak").isPositive();
        var search = api().get("/api/v1/search?q=" + SCHOOL, stranger);
        assertThat(search.status()).isEqualTo(200);
        search.json().get("hits").forEach(h -> assertThat(h.get("school").asString()).isEqualTo("THCS-KHAC"));
        assertThat(api().get("/api/v1/search?q=" + SCHOOL, "GV001@" + SCHOOL).json().get("total").asLong()).isPositive();
    }

    /**
     * API.md "Accounts" and "Search": the district and provincial inspectors of the demo school find its archive, with
     * facets and highlights; an inspector the administrator creates for another district finds nothing, not even a
     * count; inspectors read and download, nothing else; every search and download of theirs is in the audit log.
     */
    @Test
    void inspectorsSearchTheirJurisdictionOnlyReadOnlyAndEveryReadIsAudited() throws Exception {
        ensureImported();
        String code = api().signThroughTheSequence(BASE + "HS2400093", SCHOOL).get("lookupCode").asString();
        api().awaitArchivedAndIndexed(BASE + "HS2400093");
        var byAdmin = api().get("/api/v1/search?q=HS2400093", "admin").json().get("hits").get(0);
        String name = byAdmin.get("fullName").asString();
        String folded = vn.hocba.archive.common.Texts.fold(name).replace(' ', '+');

        var district = api().get("/api/v1/search?q=" + folded + "&school=" + SCHOOL + "&documentType=STUDENT_RECORD",
                "inspector.district");
        assertThat(district.status()).as(district.text()).isEqualTo(200);
        JsonNode hit = null;
        for (JsonNode h : district.json().get("hits")) {
            if (h.get("lookupCode").asString().equals(code)) {
                hit = h;
            }
        }
        assertThat(hit).as(district.text()).isNotNull();
        assertThat(hit.get("highlights").get(0).asString()).as("the name as written, highlighted")
                .contains("<em>" + name.split(" ")[0] + "</em>");
        assertThat(hit.get("links").get("pdf").asString()).isEqualTo("/api/v1/documents/" + code + "/pdf");
        assertThat(api().get(hit.get("links").get("verification").asString(), null).status()).isEqualTo(200);
        assertThat(district.json().get("facets").get("school").get(0).get("value").asString()).isEqualTo(SCHOOL);
        assertThat(district.json().get("facets").get("documentType").get(0).get("value").asString())
                .isEqualTo("STUDENT_RECORD");
        assertThat(api().get("/api/v1/search?q=" + folded, "inspector.province").json().get("total").asLong()).isPositive();

        // the administrator creates an inspector of another district of the same province
        String other = "thanhtra.halong." + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"username\": \"" + other + "\", \"password\": \"mat-khau-9\", \"role\": \"INSPECTOR\","
                + " \"province\": \"quang ninh\", \"district\": \"Thành phố Hạ Long\"}";
        assertThat(api().postJson("/api/v1/accounts", body.getBytes(StandardCharsets.UTF_8), "GV001@" + SCHOOL).status())
                .as("only the system administrator creates accounts").isEqualTo(403);
        var created = api().postJson("/api/v1/accounts", body.getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text()).doesNotContain("mat-khau-9");
        assertThat(api().postJson("/api/v1/accounts", body.getBytes(StandardCharsets.UTF_8), "admin").status())
                .isEqualTo(409);
        var bad = api().postJson("/api/v1/accounts", body.replace("INSPECTOR", "PRINCIPAL")
                .replace(other, other + "x").getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text()).contains("role");
        // a blank district is not the whole province; BCrypt's 72 bytes; nothing trimmed or controlled silently
        for (var refused : List.of(
                List.of("\"district\": \"Thành phố Hạ Long\"", "\"district\": \"  \"", "district"),
                List.of("\"district\": \"Thành phố Hạ Long\"", "\"district\": \"\u00a0-\"", "district"),
                List.of("\"province\": \"quang ninh\"", "\"province\": \"'\"", "province"),
                List.of("mat-khau-9", "ệ".repeat(25), "password"),
                List.of("\"username\": \"" + other + "\"", "\"username\": \"" + other + "y\\n\"", "username"),
                List.of("\"province\": \"quang ninh\"", "\"province\": \"quang\\u0000ninh\"", "province"))) {
            var answer = api().postJson("/api/v1/accounts", body.replace(refused.get(0), refused.get(1))
                    .replace(other, other + "z").getBytes(StandardCharsets.UTF_8), "admin");
            assertThat(answer.status()).as(refused + " " + answer.text()).isEqualTo(422);
            assertThat(answer.json().get("errors").get(0).get("path").asString()).isEqualTo(refused.get(2));
        }
        var outsider = api().getAs("/api/v1/search?q=" + folded, other, "mat-khau-9");
        assertThat(outsider.status()).as(outsider.text()).isEqualTo(200);
        assertThat(outsider.json().get("total").asLong()).isZero();
        for (String facet : List.of("school", "schoolYear", "class", "documentType", "status")) {
            assertThat(outsider.json().get("facets").get(facet).size()).as(facet).isZero();
        }
        assertThat(api().getAs("/api/v1/search?school=" + SCHOOL, other, "mat-khau-9").json().get("total").asLong())
                .as("a filter never widens the jurisdiction").isZero();
        assertThat(api().getAs("/api/v1/documents/" + code, other, "mat-khau-9").status()).isEqualTo(403);
        assertThat(api().getAs("/api/v1/documents/" + code + "/pdf", other, "mat-khau-9").status()).isEqualTo(403);
        assertThat(audit.entries(1, 1_000_000)).as("a refused request is audited too").anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(other);
            assertThat(e.action()).isEqualTo("INSPECTOR_DOCUMENT_REFUSED");
            assertThat(e.subject()).isEqualTo(code);
        });

        // read and download, nothing else
        assertThat(api().get("/api/v1/documents/" + code, "inspector.district").status()).isEqualTo(200);
        var pdf = api().get("/api/v1/documents/" + code + "/pdf", "inspector.district");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(api().post("/api/v1/documents/" + code + "/signatures", "inspector.district").status()).isEqualTo(403);
        assertThat(api().get(BASE + "HS2400093/results", "inspector.district").status()).isEqualTo(403);
        assertThat(api().get(BASE + "HS2400093/record", "inspector.district").status()).isEqualTo(403);
        assertThat(api().get("/api/v1/audit/verification", "inspector.district").status()).isEqualTo(403);
        String unfinished = api().post(BASE + "HS2400094/record", "GV001@" + SCHOOL).json().get("lookupCode").asString();
        assertThat(api().get("/api/v1/documents/" + unfinished, "inspector.district").status())
                .as("nothing in the making").isEqualTo(403);

        var entries = audit.entries(1, 1_000_000).stream().filter(e -> e.actor().equals("inspector.district")).toList();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("INSPECTOR_SEARCH");
            assertThat(e.details()).contains("q=\"" + folded.replace('+', ' ') + "\"").contains("total=");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("INSPECTOR_DOCUMENT_DOWNLOAD");
            assertThat(e.subject()).isEqualTo(code);
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.action()).isEqualTo("INSPECTOR_DOCUMENT_READ"));
        assertThat(audit.entries(1, 1_000_000)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("ACCOUNT_CREATED");
            assertThat(e.subject()).isEqualTo(other);
            assertThat(e.actor()).isEqualTo("admin");
        });
        assertThat(audit.entries(1, 1_000_000)).filteredOn(e -> e.actor().equals(other))
                .extracting(AuditLog.Entry::action).contains("INSPECTOR_SEARCH");
    }

    /** API.md "Retention and legal hold": an inspector with jurisdiction places a hold, and only that authority releases it. */
    @Test
    void anInspectorWithJurisdictionPlacesALegalHoldThatOnlyTheSameAuthorityReleases() throws Exception {
        var archived = archivedForHolds("HS2400096");
        String code = archived.code();
        ObjectKey key = archived.key();
        String holds = archived.holds();
        byte[] body = "{\"reason\": \"Thanh tra Phòng: đơn khiếu nại\", \"reference\": \"QĐ 7/QĐ-PGDĐT\"}"
                .getBytes(StandardCharsets.UTF_8);
        var placed = api().postJson(holds, body, "inspector.district");
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String id = placed.json().get("id").asString();
        assertThat(store.stat(key).orElseThrow().legalHold()).as("the store's own hold").isTrue();
        assertThat(api().get("/api/v1/documents/" + code + "/retention", "inspector.district").status()).isEqualTo(200);
        assertThat(api().delete(holds + "/" + id, account("GV001")).status()).as("the principal").isEqualTo(403);
        assertThat(api().delete(holds + "/" + id, "inspector.province").status()).as("another office").isEqualTo(403);
        assertThat(store.stat(key).orElseThrow().legalHold()).isTrue();
        // a colleague of the same office (the district's names typed otherwise) releases it
        String colleague = "thanhtra.dongtrieu." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().postJson("/api/v1/accounts", ("{\"username\": \"" + colleague + "\", \"password\": \"mat-khau-9\","
                + " \"role\": \"INSPECTOR\", \"province\": \"QUANG NINH\", \"district\": \"thi xa\u00a0dong trieu\"}")
                .getBytes(StandardCharsets.UTF_8), "admin").status()).isEqualTo(201);
        assertThat(api().deleteAs(holds + "/" + id, colleague, "mat-khau-9").status()).isEqualTo(204);
        assertThat(store.stat(key).orElseThrow().legalHold()).as("released by the same authority").isFalse();
        assertThat(audit.entries(1, 1_000_000)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("LEGAL_HOLD_PLACED");
            assertThat(e.actor()).isEqualTo("inspector.district");
        });
    }

    /** Issue 17: the whole index rebuilt from the archive in the background, with progress; the administrator only. */
    @Test
    void theAdministratorRebuildsTheIndexFromTheArchiveWithProgress() throws Exception {
        ensureImported();
        String code = api().signThroughTheSequence(BASE + "HS2400095", SCHOOL).get("lookupCode").asString();
        assertThat(api().post("/api/v1/search/rebuild", "GV001@" + SCHOOL).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/search/rebuild", "inspector.province").status()).isEqualTo(403);
        searchIndex.remove(code); // lost from the index
        searchIndex.index(new vn.hocba.archive.search.SearchIndex.IndexedDocument("stale-" + UUID.randomUUID(), SCHOOL,
                "2024-2025", "6A", "HS9999999", "Không Có Thật", "STUDENT_RECORD", "ARCHIVED", "không có trong kho"));
        assertThat(api().get("/api/v1/search?q=HS2400095", "admin").text()).doesNotContain(code);
        assertThat(api().get("/api/v1/search?q=khong+co+that", "admin").json().get("total").asLong()).isEqualTo(1);

        var started = api().post("/api/v1/search/rebuild", "admin");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("status").asString()).isEqualTo("RUNNING");
        JsonNode progress = started.json();
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && progress.get("status").asString().equals("RUNNING")) {
            Thread.sleep(200);
            progress = api().get("/api/v1/search/rebuild", "admin").json();
        }
        assertThat(progress.get("status").asString()).as(progress.toString()).isEqualTo("DONE");
        assertThat(progress.get("total").asInt()).isPositive();
        assertThat(progress.get("indexed").asInt() + progress.get("failed").asInt()).isEqualTo(progress.get("total").asInt());
        assertThat(progress.get("removed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api().get("/api/v1/search?q=HS2400095", "admin").text()).as("indexed again from the archive").contains(code);
        assertThat(api().get("/api/v1/search?q=khong+co+that", "admin").json().get("total").asLong())
                .as("what the archive does not hold is gone").isZero();
        assertThat(api().get("/api/v1/search/rebuild", "GV001@" + SCHOOL).status()).isEqualTo(403);
    }

    @Test
    void aStateChangeFromAnotherSiteIsRefused() throws IOException {
        ensureImported();
        var forged = api().postWithOrigin(BASE + "HS2400019/record", "https://evil.example", "GV011@" + SCHOOL);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api().get(BASE + "HS2400019/record", "admin").status()).as("nothing was rendered").isEqualTo(404);
    }

    @Test
    void importNeedsAnAdministrator() throws IOException {
        var anonymous = api().postJson("/api/v1/imports", demoDataset(), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        ensureImported();
        assertThat(api().postJson("/api/v1/imports", demoDataset(), "GV011@" + SCHOOL).status()).isEqualTo(403);
    }

    @Test
    void resultsComeInTheShapeOfTheFormatPage() throws IOException {
        ensureImported();
        var r = api().get(BASE + STUDENT + "/results", "admin");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("student").asString()).isEqualTo(STUDENT);
        assertThat(body.get("class").asString()).isEqualTo("6A");
        assertThat(body.get("complete").asBoolean()).isTrue();
        assertThat(body.get("subjects")).hasSize(12);
        JsonNode toan = null;
        for (JsonNode s : body.get("subjects")) {
            if (s.get("code").asString().equals("TOAN")) {
                toan = s;
            }
            if (s.get("code").asString().equals("GDTC")) {
                assertThat(s.get("year").asString()).isIn("D", "CD");
            }
        }
        assertThat(toan.get("term1").isNumber()).isTrue();
        // one digit after the point, written from the decimal: "8.0", never "8" or "7.9000001"
        assertThat(r.text()).containsPattern("\"term1\":\\d{1,2}\\.\\d[,}]");
        // every scored term average equals the Thông tư 22 formula worked here independently from the dataset
        JsonNode dataset = Api.JSON.readTree(demoDataset());
        for (JsonNode a : dataset.get("assessments")) {
            if (!a.get("student").asString().equals(STUDENT) || !a.get("final").isNumber()) {
                continue;
            }
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (JsonNode m : a.get("regular")) {
                sum = sum.add(m.decimalValue());
            }
            sum = sum.add(a.get("midterm").decimalValue().multiply(java.math.BigDecimal.valueOf(2)))
                    .add(a.get("final").decimalValue().multiply(java.math.BigDecimal.valueOf(3)));
            var expected = sum.divide(java.math.BigDecimal.valueOf(a.get("regular").size() + 5L), 1,
                    java.math.RoundingMode.HALF_UP);
            JsonNode subject = null;
            for (JsonNode sub : body.get("subjects")) {
                if (sub.get("code").asString().equals(a.get("subject").asString())) {
                    subject = sub;
                }
            }
            assertThat(subject.get("term" + a.get("term").asInt()).decimalValue())
                    .as(a.get("subject").asString() + " term " + a.get("term").asInt()).isEqualByComparingTo(expected);
        }
        assertThat(body.get("title").isNull() || Set.of("XUAT_SAC", "GIOI").contains(body.get("title").asString())).isTrue();
        assertThat(body.get("learning").get("year").asString()).isIn("TOT", "KHA", "DAT", "CHUA_DAT");
        assertThat(body.get("conduct").get("year").asString()).isIn("TOT", "KHA", "DAT", "CHUA_DAT");
        assertThat(body.has("daysAbsent") && body.has("promoted") && body.has("title")).isTrue();
    }

    @Test
    void theWholePathFromImportToAVerifiedDownload() throws Exception {
        ensureImported();
        var api = api();
        JsonNode dataset = Api.JSON.readTree(demoDataset());
        JsonNode class6A = null;
        for (JsonNode c : dataset.get("classes")) {
            if (c.get("code").asString().equals("6A")) {
                class6A = c;
            }
        }
        Set<String> subjectTeachers = new LinkedHashSet<>();
        class6A.get("subjectTeachers").forEach(t -> subjectTeachers.add(t.asString()));
        String homeroom = class6A.get("homeroomTeacher").asString();
        String principal = "GV001";
        String outsider = firstStaffNotIn(dataset, subjectTeachers, homeroom, principal);

        // render (201), then the same record again (200)
        var rendered = api.post(BASE + STUDENT + "/record", account(homeroom));
        assertThat(rendered.status()).as(rendered.text()).isEqualTo(201);
        String lookupCode = rendered.json().get("lookupCode").asString();
        assertThat(rendered.json().get("status").asString()).isEqualTo("SIGNING");
        assertThat(rendered.json().get("version").asInt()).isEqualTo(1);
        assertThat(names(rendered.json().get("awaiting"))).containsExactlyInAnyOrderElementsOf(subjectTeachers);
        var again = api.post(BASE + STUDENT + "/record", account(homeroom));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("lookupCode").asString()).isEqualTo(lookupCode);

        // a teacher of another class may neither read nor sign this record
        String otherTeacher = firstTeacherNotIn(dataset, subjectTeachers, homeroom);
        assertThat(api.get(BASE + STUDENT + "/record", account(otherTeacher)).status()).isEqualTo(403);
        assertThat(api.get(BASE + STUDENT + "/record.pdf", account(otherTeacher)).status()).isEqualTo(403);
        assertThat(api.get(BASE + STUDENT + "/results", account(otherTeacher)).status()).isEqualTo(403);
        assertThat(api.get(BASE + STUDENT + "/results", account(homeroom)).status()).isEqualTo(200);
        assertThat(api.post(BASE + STUDENT + "/record/signatures", account(otherTeacher)).status()).isEqualTo(403);

        // refusals before the subject teachers are done
        assertThat(api.post(BASE + STUDENT + "/record/signatures", account(principal)).status()).isEqualTo(409);
        assertThat(api.post(BASE + STUDENT + "/record/signatures", account(outsider)).status()).isEqualTo(403);
        assertThat(api.post(BASE + STUDENT + "/record/signatures", "admin").status()).isEqualTo(403);

        int signatures = 0;
        for (String teacher : subjectTeachers) {
            var signed = api.post(BASE + STUDENT + "/record/signatures", account(teacher));
            assertThat(signed.status()).as(teacher + ": " + signed.text()).isEqualTo(201);
            signatures++;
            assertThat(signed.json().get("signatures")).hasSize(signatures);
            JsonNode last = signed.json().get("signatures").get(signatures - 1);
            assertThat(last.get("staff").asString()).isEqualTo(teacher);
            assertThat(last.get("role").asString()).isEqualTo("SUBJECT_TEACHER");
            if (signatures == 1) {
                var twice = api.post(BASE + STUDENT + "/record/signatures", account(teacher));
                assertThat(twice.status()).isEqualTo(409);
                assertThat(twice.contentType()).startsWith("application/problem+json");
                // the homeroom teacher's own turn comes only after every subject teacher
                if (!teacher.equals(homeroom)) {
                    assertThat(api.post(BASE + STUDENT + "/record/signatures", account(principal)).status()).isEqualTo(409);
                }
            }
        }
        var afterSubjects = api.get(BASE + STUDENT + "/record", account(homeroom)).json();
        assertThat(names(afterSubjects.get("awaiting"))).containsExactly(homeroom);
        assertThat(api.post(BASE + STUDENT + "/record/signatures", account(principal)).status()).isEqualTo(409);

        var byHomeroom = api.post(BASE + STUDENT + "/record/signatures", account(homeroom));
        assertThat(byHomeroom.status()).as(byHomeroom.text()).isEqualTo(201);
        assertThat(names(byHomeroom.json().get("awaiting"))).containsExactly(principal);

        var byPrincipal = api.post(BASE + STUDENT + "/record/signatures", account(principal));
        assertThat(byPrincipal.status()).as(byPrincipal.text()).isEqualTo(201);
        JsonNode signedByAll = byPrincipal.json();
        // complete: archived after the answer, through the outbox (the answer does not wait for the store)
        assertThat(signedByAll.get("status").asString()).isIn("SIGNING", "ARCHIVED");
        assertThat(signedByAll.get("awaiting")).isEmpty();
        JsonNode done = api.awaitArchivedAndIndexed(BASE + STUDENT);
        assertThat(done.get("status").asString()).isEqualTo("ARCHIVED");
        // each signature was B-T; before the archive the file was extended to B-LTA (revocation data, document timestamp)
        assertThat(signedByAll.get("signatureLevel").asString()).isEqualTo("PAdES-BASELINE-T");
        assertThat(done.get("signatureLevel").asString()).isEqualTo("PAdES-BASELINE-LTA");
        assertThat(done.get("sha256").asString()).isNotEqualTo(signedByAll.get("sha256").asString());
        assertThat(done.get("awaiting")).isEmpty();
        assertThat(done.get("signatures")).hasSize(subjectTeachers.size() + 2);
        assertThat(done.get("signatures").get(subjectTeachers.size()).get("role").asString()).isEqualTo("HOMEROOM_TEACHER");
        assertThat(done.get("signatures").get(subjectTeachers.size() + 1).get("role").asString()).isEqualTo("PRINCIPAL");
        var complete = api.post(BASE + STUDENT + "/record/signatures", account(principal));
        assertThat(complete.status()).isEqualTo(409);

        // found by a name without diacritics ("Nguyễn Khánh Hạnh")
        var search = api.get("/api/v1/search?q=nguyen%20khanh%20hanh&page=0&size=20", "admin");
        assertThat(search.status()).as(search.text()).isEqualTo(200);
        assertThat(search.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
        // other schools' copies of the demo (other tests import them) hold a student of the same name: find this one
        JsonNode hit = null;
        for (JsonNode h : search.json().get("hits")) {
            if (h.get("lookupCode").asString().equals(lookupCode)) {
                hit = h;
            }
        }
        assertThat(hit).as("the archived record among the hits: " + search.text()).isNotNull();
        assertThat(hit.get("fullName").asString()).isEqualTo("Nguyễn Khánh Hạnh");
        assertThat(hit.get("class").asString()).isEqualTo("6A");
        assertThat(hit.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(api.get("/api/v1/search?q=6A%202024-2025", account(homeroom)).json().get("total").asLong()).isPositive();

        // download: the archived bytes, exactly those the record answer names
        var pdf = api.get(BASE + STUDENT + "/record.pdf", account(principal));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(Downloads.sha256(pdf.body())).isEqualTo(done.get("sha256").asString());
        var byVersion = api.get(BASE + STUDENT + "/record.pdf?version=1", account(principal));
        assertThat(byVersion.status()).isEqualTo(200);
        assertThat(Downloads.sha256(byVersion.body())).as("?version=N names the same record version").isEqualTo(done.get("sha256").asString());
        assertThat(api.get(BASE + STUDENT + "/record.pdf?version=2", account(principal)).status()).isEqualTo(404);

        // independent checks: EU DSS against the published trust anchors, poppler's pdfsig, veraPDF
        var anchors = api.get("/api/v1/pki/trust-anchors", null);
        assertThat(anchors.status()).isEqualTo(200);
        List<X509Certificate> trust = Downloads.certificates(anchors.body());
        // the demo root, then the demo issuing CA under it
        assertThat(trust).hasSize(2);
        assertThat(trust.get(0).getSubjectX500Principal()).isEqualTo(trust.get(0).getIssuerX500Principal());
        assertThat(trust.get(1).getIssuerX500Principal()).isEqualTo(trust.get(0).getSubjectX500Principal());
        // only the root as DSS's anchor: the issuing CA comes from the signatures themselves
        var report = new DssSignatureValidator(trust.subList(0, 1)).validate(pdf.body());
        assertThat(report.signatures()).hasSize(subjectTeachers.size() + 2);
        report.signatures().forEach(s -> assertThat(s.indication()).as(s.toString()).isEqualTo("TOTAL_PASSED"));
        assertThat(Pdfsig.available()).as("poppler's pdfsig must be installed (bin/test installs it)").isTrue();
        assertThat(Pdfsig.certutilAvailable()).as("NSS's certutil must be installed (bin/test installs it)").isTrue();
        // as Evince and Okular see it once the published anchors are trusted in NSS: valid and trusted, every one
        try (Pdfsig nss = Pdfsig.withTrustAnchors(trust)) {
            assertThat(nss.signatureVerdicts(pdf.body())).hasSize(subjectTeachers.size() + 2).allSatisfy(v -> {
                assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
        assertThat(PdfAValidation.pdfA2bFailures(pdf.body())).isEmpty();

        // the store itself refuses to delete the archived record, whoever asks
        String key = ObjectKey.contentAddressed("records", done.get("sha256").asString(), "pdf").value();
        assertThatThrownBy(() -> store.delete(new ObjectKey(key))).isInstanceOf(ObjectLockedException.class);
        // and, hocba.archive.immutable-files being on by default, the file has the immutable attribute where the
        // system allows it (root, a filesystem that keeps the flag): not even root deletes it by accident
        if (store instanceof vn.hocba.storage.fs.FilesystemObjectStore fs) {
            Path data = fs.root().resolve(key + "~data");
            assertThat(data).isRegularFile();
            if (ImmutableFiles.settableIn(fs.root().getParent())) {
                assertThat(ImmutableFiles.isImmutable(data)).as("lsattr shows i on " + data).isTrue();
            }
        }

        // every step is in the hash-chained audit log, and the chain is intact
        assertThat(verifier.verify().valid()).isTrue();
        assertThat(audit.entries(1, 100_000).stream().filter(e -> e.subject().equals(lookupCode)).map(AuditLog.Entry::action))
                .containsExactlyElementsOf(expectedTrail(subjectTeachers.size() + 2));
    }

    @Test
    void subjectTeachersSigningAtTheSameMomentLoseNoSignature() throws Exception {
        ensureImported();
        String student = "HS2400010"; // class 6A
        JsonNode dataset = Api.JSON.readTree(demoDataset());
        Set<String> teachers = new LinkedHashSet<>();
        for (JsonNode c : dataset.get("classes")) {
            if (c.get("code").asString().equals("6A")) {
                c.get("subjectTeachers").forEach(t -> teachers.add(t.asString()));
            }
        }
        assertThat(api().post(BASE + student + "/record", "admin").status()).isIn(200, 201);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new ArrayList<>();
            for (String teacher : teachers) {
                answers.add(pool.submit(() -> api().post(BASE + student + "/record/signatures", account(teacher))));
            }
            for (var answer : answers) {
                var r = answer.get();
                assertThat(r.status()).as(r.text()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        var record = api().get(BASE + student + "/record", "admin").json();
        assertThat(record.get("signatures")).hasSize(teachers.size());
        var pdf = api().get(BASE + student + "/record.pdf", "admin");
        assertThat(Downloads.sha256(pdf.body())).isEqualTo(record.get("sha256").asString());
        var trust = Downloads.certificates(api().get("/api/v1/pki/trust-anchors", null).body());
        var report = new DssSignatureValidator(trust).validate(pdf.body());
        assertThat(report.signatures()).hasSize(teachers.size());
        // B-T while signing: intact and timestamped; offline, their revocation status waits for the B-LT extension
        assertThat(report.signatures()).as(report.toString()).allSatisfy(s -> {
            assertThat(s.indication()).isNotEqualTo("TOTAL_FAILED");
            assertThat(s.signatureFormat()).isEqualTo("PAdES-BASELINE-T");
        });
    }

    // ---- the audit chain: edits, re-chaining and truncation done directly in SQL are named by the verification ----

    @Test
    void searchFindsNothingOfARecordTheCallerMayNotReadNotEvenItsMarksOrParents() throws IOException {
        ensureImported();
        String student = "HS2400037"; // Đỗ Tuấn Phúc, class 6A, father Võ Đức Việt
        JsonNode dataset = Api.JSON.readTree(demoDataset());
        Set<String> subjectTeachers = new LinkedHashSet<>();
        String homeroom = null;
        for (JsonNode c : dataset.get("classes")) {
            if (c.get("code").asString().equals("6A")) {
                c.get("subjectTeachers").forEach(t -> subjectTeachers.add(t.asString()));
                homeroom = c.get("homeroomTeacher").asString();
            }
        }
        String otherTeacher = firstTeacherNotIn(dataset, subjectTeachers, homeroom);
        String homeroomTeacher = homeroom;
        String subjectTeacher = subjectTeachers.stream().filter(t -> !t.equals(homeroomTeacher)).findFirst().orElseThrow();
        var record = api().signThroughTheSequence(BASE + student, SCHOOL);
        assertThat(record.get("status").asString()).isEqualTo("ARCHIVED");
        String lookupCode = record.get("lookupCode").asString();
        String mark = null;
        for (JsonNode s : api().get(BASE + student + "/results", "admin").json().get("subjects")) {
            if (s.get("code").asString().equals("TOAN")) {
                mark = s.get("term1").decimalValue().toPlainString();
            }
        }
        assertThat(api().get(BASE + student + "/record", account(otherTeacher)).status()).isEqualTo(403);

        List<String> queries = List.of("Đỗ Tuấn Phúc", "do tuan phuc", student + " " + mark, "Võ Đức Việt");
        for (String q : queries) {
            var all = search(q, "admin");
            assertThat(all.status()).as(all.text()).isEqualTo(200);
            assertThat(lookupCodes(all.json())).as("the record holds \"" + q + "\"").contains(lookupCode);
            for (String reader : List.of(account(homeroom), account(subjectTeacher), account("GV001"))) {
                assertThat(lookupCodes(search(q, reader).json())).as(reader + " may read it: " + q).contains(lookupCode);
            }
            var outsider = search(q, account(otherTeacher));
            assertThat(outsider.status()).isEqualTo(200);
            assertThat(outsider.json().get("total").asLong()).as(otherTeacher + " teaches no class of 6A: " + q).isZero();
            assertThat(outsider.json().get("hits")).isEmpty();
        }
        var page = api().get("/search?q=" + java.net.URLEncoder.encode(student + " " + mark,
                java.nio.charset.StandardCharsets.UTF_8), account(otherTeacher));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).as("the page searches the same way")
                .doesNotContain("/students/" + student + "/record.pdf").contains("<span id=\"total\">0</span> kết quả");
    }

    private Api.Response search(String q, String account) {
        return api().get("/api/v1/search?size=100&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                account);
    }

    private static List<String> lookupCodes(JsonNode searchAnswer) {
        List<String> out = new ArrayList<>();
        searchAnswer.get("hits").forEach(h -> out.add(h.get("lookupCode").asString()));
        return out;
    }

    @Test
    void anEditedAuditEntryIsNamedByTheVerification() throws IOException {
        ensureImported();
        anchoredChainOfAtLeast(3);
        var entry = audit.entries(2, 1).get(0);
        jdbc.sql("update audit_event set details = ? where seq = ?").params(entry.details() + " (edited)", entry.seq()).update();
        try {
            assertBrokenAt(entry.seq());
        } finally {
            jdbc.sql("update audit_event set details = ? where seq = ?").params(entry.details(), entry.seq()).update();
        }
        assertThat(verification().get("valid").asBoolean()).isTrue();
    }

    @Test
    void anEditReChainedWithFreshHashesIsCaughtByTheExternalAnchor() throws IOException {
        ensureImported();
        anchoredChainOfAtLeast(3);
        var original = audit.entries(1, 1_000_000);
        long edited = 2;
        // the forger edits entry 2 and recomputes every hash after it, and the head: the chain itself is consistent
        String prev = original.get((int) edited - 2).hash();
        for (var e : original.subList((int) edited - 1, original.size())) {
            String details = e.seq() == edited ? e.details() + " (forged)" : e.details();
            String hash = rehash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(), details, prev);
            jdbc.sql("update audit_event set details = ?, prev_hash = ?, hash = ? where seq = ?")
                    .params(details, prev, hash, e.seq()).update();
            prev = hash;
        }
        jdbc.sql("update audit_head set hash = ? where id = 1").params(prev).update();
        try {
            assertBrokenAt(edited);
        } finally {
            for (var e : original.subList((int) edited - 1, original.size())) {
                jdbc.sql("update audit_event set details = ?, prev_hash = ?, hash = ? where seq = ?")
                        .params(e.details(), e.prevHash(), e.hash(), e.seq()).update();
            }
            var last = original.get(original.size() - 1);
            jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(last.seq(), last.hash()).update();
        }
        assertThat(verification().get("valid").asBoolean()).isTrue();
    }

    @Test
    void deletedLastEntriesWithTheHeadMovedBackAreCaughtByTheExternalAnchor() throws IOException {
        ensureImported();
        anchoredChainOfAtLeast(3);
        var original = audit.entries(1, 1_000_000);
        var kept = original.get(original.size() - 3);
        var removed = original.subList(original.size() - 2, original.size());
        jdbc.sql("delete from audit_event where seq > ?").param(kept.seq()).update();
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(kept.seq(), kept.hash()).update();
        try {
            assertBrokenAt(kept.seq() + 1);
        } finally {
            for (var e : removed) {
                jdbc.sql("insert into audit_event (seq, occurred_at, actor, action, subject, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(e.seq(), java.sql.Timestamp.from(e.occurredAt()), e.actor(), e.action(), e.subject(),
                                e.details(), e.prevHash(), e.hash()).update();
            }
            var last = original.get(original.size() - 1);
            jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(last.seq(), last.hash()).update();
        }
        assertThat(verification().get("valid").asBoolean()).isTrue();
    }

    @Test
    void onlyTheSystemAdministratorVerifiesTheAuditLog() throws IOException {
        ensureImported();
        assertThat(api().get("/api/v1/audit/verification", account("GV001")).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/audit/verification", "GV004@" + SCHOOL).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/audit/verification", null).status()).isEqualTo(401);
        var ok = verification();
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("firstBroken").isNull()).isTrue();
        assertThat(ok.get("entries").asLong()).isPositive();
        assertThat(ok.get("head").asString()).hasSize(64);
    }

    /** Makes sure there are a few entries and that all are anchored in the write-once store. */
    private void anchoredChainOfAtLeast(int entries) throws IOException {
        while (audit.entries(1, 1_000_000).size() < entries) {
            assertThat(api().post(BASE + "HS2400100/record", "admin").status()).isIn(200, 201);
            api().post(BASE + "HS2400100/record/signatures", account("GV011"));
        }
        assertThat(verifier.verifyAndAnchor().valid()).isTrue();
    }

    private void assertBrokenAt(long seq) {
        var v = verification();
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.get("firstBroken").get("seq").asLong()).as(v.toString()).isEqualTo(seq);
        assertThat(v.get("firstBroken").get("reason").asString()).isNotBlank();
    }

    private JsonNode verification() {
        var r = api().get("/api/v1/audit/verification", "admin");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** The chain's hash as AuditLog computes it, written out independently (SHA-256 over the fields, 0x1f-separated). */
    private static String rehash(long seq, java.time.Instant at, String actor, String action, String subject,
                                 String details, String prev) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prev, Long.toString(seq), at.toString(), actor, action, subject, details}) {
                md.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- public validation (API.md "Validation"): anyone, no account ----

    @Test
    void anArchivedRecordValidatesForAnyoneAndAFlippedByteBreaksItsSignatures() throws Exception {
        ensureImported();
        String student = "HS2400100"; // class 6A
        JsonNode done = api().signThroughTheSequence(BASE + student, SCHOOL);
        String lookupCode = done.get("lookupCode").asString();
        byte[] pdf = api().get(BASE + student + "/record.pdf", "admin").body();
        List<String> signers = staffNames(done.get("signatures"));

        // no credentials: 200, every signature passed with its signer, the archived version named, PDF/A-2b
        var report = api().postBytes("/api/v1/validation", "application/pdf", pdf, null, null);
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/json");
        JsonNode signatures = report.json().get("signatures");
        assertThat(signatures).hasSize(done.get("signatures").size());
        List<String> names = new ArrayList<>();
        for (JsonNode s : signatures) {
            assertThat(s.get("indication").asString()).as(s.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(s.get("subIndication").isNull()).isTrue();
            assertThat(s.get("level").asString()).startsWith("PAdES-BASELINE-");
            assertThat(s.get("signedAt").asString()).isNotBlank();
            assertThat(s.has("timestamped") && s.has("revocationEmbedded")).isTrue();
            assertThat(s.get("chain").asString()).isEqualTo("TRUSTED");
            assertThat(s.get("integrity").asString()).isEqualTo("INTACT");
            assertThat(s.get("issuer").asString()).contains("CN=");
            assertThat(s.get("message").asString()).as("Vietnamese by default").startsWith("Chữ ký hợp lệ");
            names.add(s.get("signer").asString());
        }
        assertThat(names).as("the signers in signing order").containsExactlyElementsOf(signers);
        assertThat(report.json().get("archived").get("lookupCode").asString()).isEqualTo(lookupCode);
        assertThat(report.json().get("archived").get("version").asInt()).isEqualTo(1);
        assertThat(report.json().get("pdfa").get("compliant").asBoolean()).isTrue();
        assertThat(report.json().get("pdfa").get("flavour").asString()).isEqualTo("PDF/A-2B");
        assertThat(report.json().get("changedAfterSigning").asBoolean())
                .as("later signatures, the DSS dictionary and the document timestamp are no change").isFalse();
        assertThat(report.json().get("summary").asString()).startsWith("Cả " + signers.size() + " chữ ký đều hợp lệ.");

        // a forged copy: one more incremental update paints over page 1; every signature still verifies over the
        // bytes it signed, and the report says first that the file was changed after it was signed
        var forged = api().postBytes("/api/v1/validation", "application/pdf", vn.hocba.signing.Forgeries.paintOverFirstPage(pdf),
                null, null);
        assertThat(forged.status()).as(forged.text()).isEqualTo(200);
        assertThat(forged.json().get("changedAfterSigning").asBoolean()).as(forged.text()).isTrue();
        assertThat(forged.json().get("summary").asString()).startsWith("CẢNH BÁO: tệp đã bị sửa đổi sau khi ký");
        assertThat(forged.json().get("signatures")).hasSize(signers.size()).allSatisfy(s -> {
            assertThat(s.get("indication").asString()).isEqualTo("TOTAL_PASSED");
            assertThat(s.get("integrity").asString()).isEqualTo("CHANGED_AFTER");
            assertThat(s.get("message").asString()).startsWith("Cảnh báo:");
        });
        assertThat(forged.json().get("archived").isNull()).isTrue();

        // a byte changed after the last signature, inside the archive's document timestamp's revision: that timestamp
        // fails and the summary counts it
        byte[] stampBroken = pdf.clone();
        stampBroken[stampBroken.length - 3] ^= 0x01;
        var stamp = api().postBytes("/api/v1/validation", "application/pdf", stampBroken, null, null);
        assertThat(stamp.status()).as(stamp.text()).isEqualTo(200);
        assertThat(stamp.json().get("documentTimestamps")).isNotEmpty()
                .anySatisfy(t -> assertThat(t.get("passed").asBoolean()).isFalse());
        assertThat(stamp.json().get("summary").asString()).contains("dấu thời gian toàn văn bản không hợp lệ");
        assertThat(stamp.json().get("changedAfterSigning").asBoolean())
                .as("after the last signature only validation data changed (the DSS dictionary, the broken timestamp)")
                .isFalse();

        // English on request
        var english = api().postBytes("/api/v1/validation", "application/pdf", pdf, "en-GB,en;q=0.9", null);
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.json().get("signatures").get(0).get("message").asString()).startsWith("Valid signature");
        assertThat(english.json().get("summary").asString()).contains("archived by this service");

        // one byte changed inside the signed range: every signature covers it, every one fails, nothing archived
        byte[] tampered = pdf.clone();
        int at = insideFirstStream(tampered);
        tampered[at] ^= 0x01;
        var broken = api().postBytes("/api/v1/validation", "application/pdf", tampered, null, null);
        assertThat(broken.status()).as(broken.text()).isEqualTo(200);
        assertThat(broken.json().get("signatures")).hasSize(signers.size()).allSatisfy(s -> {
            assertThat(s.get("indication").asString()).as(s.toString()).isEqualTo("TOTAL_FAILED");
            assertThat(s.get("subIndication").asString()).isEqualTo("HASH_FAILURE");
            assertThat(s.get("integrity").asString()).isEqualTo("CHANGED");
            assertThat(s.get("message").asString()).isEqualTo("Chữ ký không hợp lệ: văn bản đã bị thay đổi sau khi ký.");
        });
        assertThat(broken.json().get("archived").isNull()).as(broken.text()).isTrue();

        // the public page of its lookup code: the document, each signer, and a PDF link serving the archived bytes
        var page = api().get("/verify/" + lookupCode, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("Học bạ", "2024-2025", "6A", "Đã ký đủ và lưu trữ", "Đạt chuẩn PDF/A-2B",
                "Người ký", "Tổ chức cấp chứng thư số", "Dấu thời gian", "Tình trạng thu hồi");
        signers.forEach(name -> assertThat(page.text()).contains(name));
        assertThat(page.text()).contains("href=\"/verify/" + lookupCode + "/pdf\"");
        var file = api().get("/verify/" + lookupCode + "/pdf", null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(Downloads.sha256(file.body())).isEqualTo(done.get("sha256").asString());
        // the upload form of /verify: a browser's multipart post, with the page's CSRF token and session cookie
        String uploaded = uploadToVerifyPage(pdf);
        assertThat(uploaded).contains("Cả " + signers.size() + " chữ ký đều hợp lệ.", "href=\"/verify/" + lookupCode + "\"");
        signers.forEach(name -> assertThat(uploaded).contains(name));
        var inEnglish = api().get("/verify/" + lookupCode + "?lang=en", null);
        assertThat(inEnglish.text()).contains("Signer", "Certificate issuer", "Fully signed and archived");
        assertThat(api().getWithHeader("/verify/" + lookupCode, "Accept-Language", "en", null).text()).contains("Signer");
    }

    @Test
    void validationRefusesWhatIsNoPdfOrTooLargeAndReportsAnUnsignedPdfWithoutSignatures() throws Exception {
        ensureImported();
        // a record rendered but not signed yet: a PDF/A without signatures, and its page is not public
        var rendered = api().post(BASE + "HS2400109/record", "admin");
        assertThat(rendered.status() / 100).as(rendered.text()).isEqualTo(2);
        byte[] unsigned = api().get(BASE + "HS2400109/record.pdf", "admin").body();
        var report = api().postBytes("/api/v1/validation", "application/pdf", unsigned, null, null);
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.json().get("signatures")).isEmpty();
        assertThat(report.json().get("archived").isNull()).isTrue();
        assertThat(report.json().get("pdfa").get("compliant").asBoolean()).isTrue();
        assertThat(report.json().get("summary").asString()).startsWith("Tệp không có chữ ký số nào.");

        var notYet = api().get("/verify/" + rendered.json().get("lookupCode").asString(), null);
        assertThat(notYet.status()).as("not yet archived: as unknown").isEqualTo(404);
        assertThat(notYet.text()).contains("Không tìm thấy văn bản có mã tra cứu này, hoặc văn bản chưa được ký đủ và lưu trữ.");
        assertThat(api().get("/verify/" + rendered.json().get("lookupCode").asString() + "/pdf", null).status())
                .isEqualTo(404);
        var unknown = api().get("/verify/" + java.util.UUID.randomUUID(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.text()).contains("Không tìm thấy văn bản");
        assertThat(api().get("/verify/not-a-code", null).status()).isEqualTo(404);
        assertThat(api().get("/verify", null).status()).as("the upload form").isEqualTo(200);

        var garbage = api().postBytes("/api/v1/validation", "application/pdf",
                "this is not a PDF at all".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
        assertThat(garbage.json().get("errors").get(0).get("path").asString()).isEqualTo("body");
        assertThat(garbage.json().get("detail").asString()).isEqualTo("nội dung gửi lên không phải là tệp PDF đọc được");
        byte[] truncated = java.util.Arrays.copyOf(unsigned, 400);
        var unreadable = api().postBytes("/api/v1/validation", "application/pdf", truncated, "en", null);
        assertThat(unreadable.status()).as(unreadable.text()).isEqualTo(422);
        assertThat(unreadable.json().get("detail").asString()).isEqualTo("the body is not a readable PDF document");

        byte[] large = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(unsigned, 0, large, 0, unsigned.length);
        var tooLarge = api().postBytes("/api/v1/validation", "application/pdf", large, null, null);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.json().get("type").asString()).endsWith("/too-large");

        var wrongType = api().postBytes("/api/v1/validation", "text/plain", unsigned, null, null);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("detail").asString()).as("what it takes, not JSON")
                .isEqualTo("Định dạng nội dung không được hỗ trợ; địa chỉ này nhận application/pdf.");
        assertThat(wrongType.json().get("detailEn").asString())
                .isEqualTo("Unsupported content type; this endpoint takes application/pdf.");

        // past the upload limit of the public page's form (50 MB), where Tomcat refuses to read the form at all: 413,
        // not a 400 about the query string
        byte[] huge = new byte[60 * 1024 * 1024];
        System.arraycopy(unsigned, 0, huge, 0, unsigned.length);
        String hugeUpload = postToVerifyPageOverASocket(huge);
        assertThat(hugeUpload).as(hugeUpload).startsWith("HTTP/1.1 413");
        assertThat(hugeUpload).doesNotContain("truy vấn");
    }

    /**
     * Posts {@code pdf} through the {@code /verify} form over a plain socket, writing on another thread: a server that
     * answers before it read the whole body (and stops reading) breaks a client that only reads once it has written,
     * as {@link java.net.http.HttpClient} does. Returns the head and start of the answer.
     */
    private String postToVerifyPageOverASocket(byte[] pdf) throws Exception {
        VerifyForm form = verifyForm();
        byte[] body = form.body(pdf);
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST /verify HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: " + form.cookie()
                    + "\r\nContent-Type: " + form.contentType() + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and stopped reading: expected for a body over its limits
                }
            });
            writer.start();
            byte[] answer = socket.getInputStream().readNBytes(4096);
            writer.join(60_000);
            return new String(answer, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Loads {@code /verify} as a browser does, then posts {@code pdf} through its form; returns the result page. */
    private String uploadToVerifyPage(byte[] pdf) throws Exception {
        var answer = postToVerifyPage(pdf);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private java.net.http.HttpResponse<String> postToVerifyPage(byte[] pdf) throws Exception {
        VerifyForm form = verifyForm();
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/verify"))
                        .header("Cookie", form.cookie()).header("Content-Type", form.contentType())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(form.body(pdf))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code /verify} form as a browser loads it: its session cookie and CSRF token. */
    private record VerifyForm(String cookie, String csrf, String boundary) {

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        /** The multipart body of the form with {@code pdf} as its file. */
        byte[] body(byte[] pdf) throws IOException {
            var body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hocba.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(pdf);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return body.toByteArray();
        }
    }

    private VerifyForm verifyForm() throws Exception {
        var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/verify")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the form carries a CSRF token: " + page.body()).isTrue();
        String cookie = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(java.util.stream.Collectors.joining("; "));
        return new VerifyForm(cookie, csrf.group(1), "----hocba" + System.nanoTime());
    }

    /** The full names of the staff of a document's {@code signatures}, in order (their certificates' CN). */
    private static List<String> staffNames(JsonNode signatures) throws IOException {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        Api.JSON.readTree(demoDataset()).get("staff").forEach(s -> names.put(s.get("id").asString(), s.get("fullName").asString()));
        List<String> out = new ArrayList<>();
        signatures.forEach(s -> out.add(names.get(s.get("staff").asString())));
        return out;
    }

    /** An offset 50 bytes into the data of the file's first stream: inside every signature's signed range. */
    private static int insideFirstStream(byte[] pdf) {
        byte[] keyword = "stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i < pdf.length - keyword.length; i++) {
            for (int j = 0; j < keyword.length; j++) {
                if (pdf[i + j] != keyword[j]) {
                    continue outer;
                }
            }
            if (i > 3 && pdf[i - 1] != 'd') { // not "endstream"
                return i + keyword.length + 50;
            }
        }
        throw new AssertionError("no stream in the PDF");
    }

    // ---- tampering with an archived file ----

    @Test
    void aFlippedByteInAnArchivedFileIsNeverServed() throws Exception {
        // bytes altered in place: the filesystem store's medium (S3 keeps versions; its own test writes a new one)
        org.junit.jupiter.api.Assumptions.assumeTrue(store instanceof vn.hocba.storage.fs.FilesystemObjectStore);
        ensureImported();
        var done = api().signThroughTheSequence(BASE + "HS2400082", SCHOOL);
        var file = ArchiveFiles.of(dataDir(), done.get("sha256").asString());
        long auditFailures = auditCount("INTEGRITY_FAILURE");
        file.flipByte(1000);
        try {
            var pdf = api().get(BASE + "HS2400082/record.pdf", "admin");
            assertIntegrityProblem(pdf);
            assertThat(auditCount("INTEGRITY_FAILURE")).isEqualTo(auditFailures + 1);
            var report = api().get("/api/v1/integrity", "admin").json();
            assertThat(report.get("failures").toString()).contains(done.get("lookupCode").asString());
            // the public page says so instead of a report, and its file link serves nothing either
            String code = done.get("lookupCode").asString();
            var page = api().get("/verify/" + code, null);
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.text()).contains("CẢNH BÁO: tệp lưu trữ của văn bản này không còn khớp")
                    .doesNotContain("/verify/" + code + "/pdf");
            assertIntegrityProblem(api().get("/verify/" + code + "/pdf", null));
        } finally {
            file.flipByte(1000);
        }
        assertThat(api().get("/verify/" + done.get("lookupCode").asString(), null).status()).isEqualTo(200);
        assertThat(api().get(BASE + "HS2400082/record.pdf", "admin").status()).isEqualTo(200);
    }

    @Test
    void aFlippedByteWithTheStoresSidecarHashRewrittenIsStillNeverServed() throws Exception {
        // bytes altered in place: the filesystem store's medium (S3 keeps versions; its own test writes a new one)
        org.junit.jupiter.api.Assumptions.assumeTrue(store instanceof vn.hocba.storage.fs.FilesystemObjectStore);
        ensureImported();
        var done = api().signThroughTheSequence(BASE + "HS2400091", SCHOOL);
        var file = ArchiveFiles.of(dataDir(), done.get("sha256").asString());
        file.flipByte(2000);
        String forged = Downloads.sha256(file.bytes());
        String original = file.rewriteSidecarSha256(forged);
        try {
            assertThat(store.getBytes(file.key())).as("the store itself is fooled by the rewritten sidecar").isNotNull();
            var pdf = api().get(BASE + "HS2400091/record.pdf", "admin");
            assertIntegrityProblem(pdf);
            var pages = api().get("/schools/" + SCHOOL + "/years/" + YEAR + "/students/HS2400091/record.pdf", "admin");
            assertThat(pages.status()).as("the page link serves the same check").isEqualTo(500);
        } finally {
            file.flipByte(2000);
            file.rewriteSidecarSha256(original);
        }
        assertThat(api().get(BASE + "HS2400091/record.pdf", "admin").status()).isEqualTo(200);
    }

    @Autowired
    vn.hocba.archive.archive.ArchiveIntegrity integrity;

    /**
     * Alters the archived object under {@code key} behind the service's back, as someone holding the store's keys
     * could: here the file of the filesystem store, one byte flipped; the S3 flavour writes a new version instead.
     *
     * @return what puts it back as it was
     */
    AutoCloseable alterBehindTheServicesBack(String key, String sha256) throws Exception {
        var file = ArchiveFiles.of(dataDir(), sha256);
        file.flipByte(1500);
        return () -> file.flipByte(1500);
    }

    @Test
    void theFixitySweepNamesAnObjectAlteredBehindTheServicesBackAndRecordsIt() throws Exception {
        ensureImported();
        var done = api().signThroughTheSequence(BASE + "HS2400083", SCHOOL);
        String sha = done.get("sha256").asString();
        String key = ObjectKey.contentAddressed("records", sha, "pdf").value();
        long auditFailures = auditCount("INTEGRITY_FAILURE");
        try (var restore = alterBehindTheServicesBack(key, sha)) {
            var sweep = integrity.sweep();
            assertThat(sweep.failures()).as("named, with its document")
                    .anySatisfy(f -> {
                        assertThat(f.key()).isEqualTo(key);
                        assertThat(f.lookupCode().toString()).isEqualTo(done.get("lookupCode").asString());
                        assertThat(f.reason()).isEqualTo("SHA_MISMATCH");
                    });
            assertThat(auditCount("INTEGRITY_FAILURE")).as("recorded in the audit log").isGreaterThan(auditFailures);
            var report = api().get("/api/v1/integrity", "admin").json();
            assertThat(report.get("failures").toString()).contains(key);
        }
        assertThat(integrity.sweep().failures()).as("put back: nothing to report about it")
                .noneMatch(f -> f.key().equals(key));
    }

    @Test
    void anArchivedDocumentIsAPackageWithAnImmutableManifestNextToItsPdf() throws Exception {
        ensureImported();
        var done = api().signThroughTheSequence(BASE + "HS2400086", SCHOOL);
        String sha = done.get("sha256").asString();
        ObjectKey pdf = ObjectKey.contentAddressed("records", sha, "pdf");
        ObjectKey manifest = new ObjectKey(pdf.value().replaceFirst("\\.pdf$", ".manifest.json"));

        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(store.getBytes(manifest));
        assertThat(json.get("format").asString()).isEqualTo("hocba.archive-manifest/v1");
        assertThat(json.get("lookupCode").asString()).isEqualTo(done.get("lookupCode").asString());
        assertThat(json.get("student").asString()).isEqualTo("HS2400086");
        assertThat(json.get("object").get("sha256").asString()).isEqualTo(sha);
        assertThat(json.get("object").get("size").asLong()).isEqualTo(store.stat(pdf).orElseThrow().size());
        assertThat(json.get("object").get("signatureLevel").asString()).isEqualTo("PAdES-BASELINE-LTA");
        assertThat(json.get("signers")).hasSize(done.get("signatures").size());
        assertThat(json.get("retention").get("retainUntil").isNull()).isTrue();
        assertThat(json.get("retention").get("mode").asString()).isEqualTo("COMPLIANCE");
        assertThatThrownBy(() -> store.delete(manifest)).as("as immutable as the PDF")
                .isInstanceOf(ObjectLockedException.class);
        assertThat(integrity.sweep().failures()).as("a manifest is no unreferenced object, and agrees")
                .noneMatch(f -> f.key().equals(manifest.value()) || f.key().equals(pdf.value()));
    }

    // ---- retention and legal hold (API.md) ----

    /** A student record signed through and archived: its lookup code, its PDF's key in the store, its holds path. */
    record ArchivedForHolds(String code, ObjectKey key, String holds) {
    }

    ArchivedForHolds archivedForHolds(String student) throws IOException {
        ensureImported();
        var done = api().signThroughTheSequence(BASE + student, SCHOOL);
        String code = done.get("lookupCode").asString();
        return new ArchivedForHolds(code, ObjectKey.contentAddressed("records", done.get("sha256").asString(), "pdf"),
                "/api/v1/documents/" + code + "/holds");
    }

    @Test
    void aPrincipalPlacesAndReleasesALegalHoldThatTheStoreItselfEnforces() throws Exception {
        var archived = archivedForHolds("HS2400084");
        String code = archived.code();
        ObjectKey key = archived.key();
        String holds = archived.holds();

        var retention = api().get("/api/v1/documents/" + code + "/retention", account("GV001"));
        assertThat(retention.status()).isEqualTo(200);
        assertThat(retention.json().get("retainUntil").isNull()).as("a student record is kept for good").isTrue();
        assertThat(retention.json().get("basis").asString()).contains("permanent").contains("STUDENT_RECORD");
        assertThat(retention.json().get("holds")).isEmpty();
        assertThat(jdbc.sql("select count(*) from archived_object where lookup_code = ? and retain_until is null")
                .param(java.util.UUID.fromString(code)).query(Long.class).single()).as("catalogued").isEqualTo(1);

        byte[] body = "{\"reason\": \"Thanh tra Sở: hồ sơ khiếu nại điểm\", \"reference\": \"QĐ 12/QĐ-SGDĐT\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(api().postJson(holds, body, account("GV011")).status()).as("a teacher").isEqualTo(403);
        assertThat(api().postJson(holds, body, "admin").status()).as("the system administrator").isEqualTo(403);
        var noReference = api().postJson(holds, "{\"reason\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                account("GV001"));
        assertThat(noReference.status()).isEqualTo(422);
        assertThat(noReference.json().get("errors").get(0).get("path").asString()).isEqualTo("reference");
        assertThat(store.stat(key).orElseThrow().legalHold()).as("nothing held by refusals").isFalse();

        var control = api().postJson(holds, "{\"reason\": \"a\\u0000b\", \"reference\": \"x\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), account("GV001"));
        assertThat(control.status()).as("a control character in audited evidence").isEqualTo(422);
        ObjectKey manifest = new ObjectKey(key.value().replaceFirst("\\.pdf$", ".manifest.json"));

        var placed = api().postJson(holds, body, account("GV001"));
        assertThat(placed.status()).isEqualTo(201);
        String id = placed.json().get("id").asString();
        assertThat(store.stat(key).orElseThrow().legalHold()).as("the store's own hold").isTrue();
        assertThat(store.stat(manifest).orElseThrow().legalHold()).as("and the manifest's").isTrue();
        var second = api().postJson(holds, body, account("GV001"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(api().get("/api/v1/documents/" + code + "/retention", account("GV001")).json().get("holds"))
                .hasSize(2);

        assertThat(api().delete(holds + "/" + id, account("GV011")).status()).isEqualTo(403);
        assertThat(api().delete(holds + "/" + id, account("GV001")).status()).isEqualTo(204);
        assertThat(api().delete(holds + "/" + id, account("GV001")).status()).as("released already").isEqualTo(404);
        assertThat(store.stat(key).orElseThrow().legalHold()).as("another hold is still open").isTrue();
        assertThat(api().delete(holds + "/" + second.json().get("id").asString(), account("GV001")).status())
                .isEqualTo(204);
        assertThat(store.stat(key).orElseThrow().legalHold()).as("the last one released").isFalse();
        assertThat(store.stat(manifest).orElseThrow().legalHold()).isFalse();
        assertThat(audit.entries(1, 100_000).stream().filter(e -> e.subject().equals(code)).map(AuditLog.Entry::action))
                .contains("LEGAL_HOLD_PLACED", "LEGAL_HOLD_RELEASED");
        assertThat(verifier.verify().valid()).isTrue();
    }

    /** Hold changes of one document at the same time: the store's hold ends as the recorded holds say. */
    @Test
    void concurrentHoldChangesLeaveTheStoresHoldAsTheRecordSays() throws Exception {
        ensureImported();
        var done = api().signThroughTheSequence(BASE + "HS2400089", SCHOOL);
        String code = done.get("lookupCode").asString();
        ObjectKey key = ObjectKey.contentAddressed("records", done.get("sha256").asString(), "pdf");
        String holds = "/api/v1/documents/" + code + "/holds";
        byte[] body = "{\"reason\": \"r\", \"reference\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // a misspelt member is refused once the principal may place the hold, and nothing is placed
        var misspelt = api().postJson(holds, "{\"reason\": \"r\", \"refrence\": \"x\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), account("GV001"));
        assertThat(misspelt.status()).as(misspelt.text()).isEqualTo(422);
        assertThat(misspelt.json().get("errors").get(0).get("path").asString()).isEqualTo("refrence");
        assertThat(api().get("/api/v1/documents/" + code + "/retention", account("GV001")).json().get("holds")).isEmpty();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String a = api().postJson(holds, body, account("GV001")).json().get("id").asString();
                // a release and a placement at once: one hold stays open, so the store holds
                var release = pool.submit(() -> api().delete(holds + "/" + a, account("GV001")).status());
                var place = pool.submit(() -> api().postJson(holds, body, account("GV001")));
                assertThat(release.get()).isEqualTo(204);
                String b = place.get().json().get("id").asString();
                assertThat(store.stat(key).orElseThrow().legalHold()).as("round " + round + ": b is open").isTrue();
                // two releases at once: none stays open, so the store lets go
                String c = api().postJson(holds, body, account("GV001")).json().get("id").asString();
                var first = pool.submit(() -> api().delete(holds + "/" + b, account("GV001")).status());
                var second = pool.submit(() -> api().delete(holds + "/" + c, account("GV001")).status());
                assertThat(List.of(first.get(), second.get())).containsOnly(204);
                assertThat(api().get("/api/v1/documents/" + code + "/retention", account("GV001")).json().get("holds"))
                        .isEmpty();
                assertThat(store.stat(key).orElseThrow().legalHold()).as("round " + round + ": none open").isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDocumentNotArchivedYetHasNoRetentionAndTakesNoHold() throws Exception {
        ensureImported();
        var rendered = api().post(BASE + "HS2400085/record", "admin");
        assertThat(rendered.status()).isIn(200, 201);
        String code = rendered.json().get("lookupCode").asString();
        assertThat(api().get("/api/v1/documents/" + code + "/retention", "admin").status()).isEqualTo(409);
        assertThat(api().postJson("/api/v1/documents/" + code + "/holds",
                "{\"reason\": \"r\", \"reference\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                account("GV001")).status()).isEqualTo(409);
        assertThat(api().get("/api/v1/documents/" + java.util.UUID.randomUUID() + "/retention", "admin").status())
                .isIn(403, 404);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void fixitySamplesRotateOverTheArchiveAndTheAdministratorStartsAFullSweep() throws Exception {
        ensureImported();
        api().signThroughTheSequence(BASE + "HS2400087", SCHOOL);
        api().signThroughTheSequence(BASE + "HS2400088", SCHOOL);
        var read = meters.counter("hocba.fixity.objects", "kind", "SAMPLE", "read", "true");
        double before = read.count();
        var first = integrity.sample(0.5);
        int half = (int) Math.ceil(first.objects() / 2.0);
        assertThat(read.count() - before).as("half of " + first.objects() + " objects re-read").isEqualTo(half);
        var second = integrity.sample(0.5);
        assertThat(read.count() - before).isEqualTo(2.0 * half);
        java.util.function.LongFunction<String> cursor = id -> jdbc.sql("select last_key from fixity_sweep where id = ?")
                .param(id).query(String.class).single();
        List<String> keys = jdbc.sql("select archive_key from document where archive_key is not null order by 1")
                .query(String.class).list();
        assertThat(cursor.apply(first.id())).as("the second sample starts where the first ended")
                .isNotEqualTo(cursor.apply(second.id()));
        if (first.objects() == keys.size() && keys.size() % 2 == 0) {
            assertThat(cursor.apply(second.id())).as("two halves: the whole archive").isIn(keys.get(keys.size() - 1),
                    keys.get(half - 1));
        }
        assertThat(meters.counter("hocba.fixity.bytes").count()).isPositive();

        assertThat(api().post("/api/v1/integrity/sweeps", account("GV001")).status()).isEqualTo(403);
        Instant asked = Instant.now();
        var started = api().post("/api/v1/integrity/sweeps", "admin");
        assertThat(started.status()).isEqualTo(202);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        JsonNode report;
        do {
            Thread.sleep(200);
            report = api().get("/api/v1/integrity", "admin").json();
        } while (System.nanoTime() < deadline && !(report.get("kind").asString().equals("FULL")
                && Instant.parse(report.get("checkedAt").asString()).isAfter(asked)));
        assertThat(report.get("kind").asString()).isEqualTo("FULL");
        assertThat(Instant.parse(report.get("checkedAt").asString())).isAfter(asked);
        assertThat(report.get("objects").asInt()).isGreaterThanOrEqualTo(first.objects());
    }

    @Test
    void onlyTheSystemAdministratorSeesTheIntegrityReport() throws IOException {
        ensureImported();
        assertThat(api().get("/api/v1/integrity", account("GV001")).status()).isEqualTo(403);
        var r = api().get("/api/v1/integrity", "admin");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().has("checkedAt") && r.json().has("objects") && r.json().has("failures")).isTrue();
    }

    private static void assertIntegrityProblem(Api.Response pdf) {
        assertThat(pdf.status()).isEqualTo(500);
        assertThat(pdf.contentType()).startsWith("application/problem+json");
        assertThat(pdf.json().get("type").asString()).endsWith("/integrity");
        assertThat(pdf.text()).doesNotContain("%PDF");
    }

    private Path dataDir() {
        return Path.of(environment.getProperty("hocba.data-dir"));
    }

    // ---- signing intent: one request signs one step, the step that was the caller's turn when it arrived ----

    @Test
    void aHomeroomTeacherWhoAlsoTeachesTheClassSignsOneStepPerRequest() throws Exception {
        ensureImported();
        String student = "HS2400064"; // 6A: GV012 is the homeroom teacher and teaches English
        assertThat(api().post(BASE + student + "/record", "admin").status()).isIn(200, 201);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> api().post(BASE + student + "/record/signatures", account("GV012")));
            var second = pool.submit(() -> api().post(BASE + student + "/record/signatures", account("GV012")));
            List<Integer> statuses = List.of(first.get().status(), second.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        var record = api().get(BASE + student + "/record", "admin").json();
        assertThat(record.get("signatures")).hasSize(1);
        assertThat(record.get("signatures").get(0).get("role").asString()).isEqualTo("SUBJECT_TEACHER");
        // the homeroom step stays closed while other subject teachers have not signed
        assertThat(api().post(BASE + student + "/record/signatures", account("GV012")).status()).isEqualTo(409);
        assertThat(api().post(BASE + student + "/record/signatures", account("GV001")).status()).isEqualTo(409);
        assertThat(api().get(BASE + student + "/record", "admin").json().get("signatures")).hasSize(1);
    }

    @Test
    void aPrincipalsRequestSentOutOfTurnIsRefusedNotQueued() throws Exception {
        ensureImported();
        String student = "HS2400109";
        assertThat(api().post(BASE + student + "/record", "admin").status()).isIn(200, 201);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(13);
        try {
            List<java.util.concurrent.Future<Api.Response>> teachers = new ArrayList<>();
            for (String t : List.of("GV010", "GV011", "GV012", "GV013", "GV014", "GV015", "GV016", "GV017", "GV018",
                    "GV019", "GV020", "GV021")) {
                teachers.add(pool.submit(() -> api().post(BASE + student + "/record/signatures", account(t))));
            }
            var principal = pool.submit(() -> api().post(BASE + student + "/record/signatures", account("GV001")));
            assertThat(principal.get().status()).isEqualTo(409);
            for (var t : teachers) {
                assertThat(t.get().status()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        var record = api().get(BASE + student + "/record", "admin").json();
        record.get("signatures").forEach(s -> assertThat(s.get("role").asString()).isEqualTo("SUBJECT_TEACHER"));
    }

    @Test
    void ifMatchLetsASignerSignOnlyTheVersionTheyReviewed() throws Exception {
        ensureImported();
        String student = "HS2400073";
        var rendered = api().post(BASE + student + "/record", "admin");
        String reviewed = rendered.json().get("sha256").asString();
        assertThat(api().post(BASE + student + "/record/signatures", account("GV011")).status()).isEqualTo(201);
        var stale = api().postWithHeader(BASE + student + "/record/signatures", "If-Match", "\"" + reviewed + "\"",
                account("GV010"));
        assertThat(stale.status()).as(stale.text()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        String current = api().get(BASE + student + "/record", "admin").json().get("sha256").asString();
        var fresh = api().postWithHeader(BASE + student + "/record/signatures", "If-Match", "\"" + current + "\"",
                account("GV010"));
        assertThat(fresh.status()).as(fresh.text()).isEqualTo(201);
    }

    // ---- the signer's certificate is checked before each signature (issue 15) ----

    @Test
    void aSignerWhoseCertificateWasRevokedIsRefusedAtSigningTimeUntilANewOneIsIssued() throws Exception {
        ensureImported();
        String student = "HS2400163"; // 6A
        String teacher = "GV011";
        byte[] who = ("{\"school\": \"" + SCHOOL + "\", \"staff\": \"" + teacher + "\"}").getBytes(StandardCharsets.UTF_8);
        api().post(BASE + student + "/record", "admin");
        // the teacher has signed before (so holds a demo certificate, valid until now)
        api().post(BASE + "HS2400172/record", "admin");
        assertThat(api().post(BASE + "HS2400172/record/signatures", account(teacher)).status()).isEqualTo(201);
        assertThat(api().postJson("/api/v1/pki/demo/revocations", who, account("GV010")).status())
                .as("only an administrator revokes demo certificates").isEqualTo(403);
        var revoked = api().postJson("/api/v1/pki/demo/revocations", who, "admin");
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        try {
            var refused = api().post(BASE + student + "/record/signatures", account(teacher));
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).endsWith("/certificate-revoked");
            assertThat(refused.json().get("detail").asString()).contains("thu hồi");
            assertThat(api().get(BASE + student + "/record", "admin").json().get("signatures")).isEmpty();
        } finally {
            assertThat(api().postJson("/api/v1/pki/demo/reissues", who, "admin").status()).isEqualTo(200);
        }
        var signed = api().post(BASE + student + "/record/signatures", account(teacher));
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        assertThat(signed.json().get("signatureLevel").asString()).isEqualTo("PAdES-BASELINE-T");
    }

    // ---- documents by lookup code (API.md "Documents") ----

    @Test
    void aDocumentIsReadSignedAndDownloadedByItsLookupCode() throws Exception {
        ensureImported();
        String student = "HS2400154"; // 6A
        var rendered = api().post(BASE + student + "/record", "admin").json();
        String code = rendered.get("lookupCode").asString();
        String path = "/api/v1/documents/" + code;

        var doc = api().get(path, account("GV011"));
        assertThat(doc.status()).as(doc.text()).isEqualTo(200);
        JsonNode body = doc.json();
        assertThat(body.get("documentType").asString()).isEqualTo("STUDENT_RECORD");
        assertThat(body.get("school").asString()).isEqualTo(SCHOOL);
        assertThat(body.get("schoolYear").asString()).isEqualTo(YEAR);
        assertThat(body.get("class").asString()).isEqualTo("6A");
        assertThat(body.get("student").asString()).isEqualTo(student);
        assertThat(body.get("subject").isNull() && body.get("period").isNull() && body.get("supersedes").isNull()).isTrue();
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("corrections").asInt()).isZero();
        assertThat(body.get("signatureLevel").asString()).startsWith("PAdES-BASELINE-");
        assertThat(body.get("status").asString()).isEqualTo("SIGNING");

        assertThat(api().get(path, account("GV022")).status()).as("a teacher of another class").isEqualTo(403);
        assertThat(api().get(path + "/pdf", account("GV022")).status()).isEqualTo(403);
        assertThat(api().post(path + "/signatures", account("GV022")).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/documents/" + java.util.UUID.randomUUID(), "admin").status()).isEqualTo(404);
        // who may not read it learns nothing from a code: an unknown one answers as a foreign one, naming no school
        var foreign = api().get(path, account("GV022"));
        var unknown = api().get("/api/v1/documents/" + java.util.UUID.randomUUID(), account("GV022"));
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.json().get("detail").asString()).isEqualTo(foreign.json().get("detail").asString())
                .doesNotContain(SCHOOL);
        assertThat(api().post("/api/v1/documents/" + java.util.UUID.randomUUID() + "/signatures", account("GV022")).status())
                .isEqualTo(403);
        var malformed = api().get("/api/v1/documents/not-a-uuid", "admin");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        var signed = api().postWithHeader(path + "/signatures", "If-Match", "\"" + body.get("sha256").asString() + "\"",
                account("GV011"));
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        assertThat(signed.json().get("signatures").get(0).get("staff").asString()).isEqualTo("GV011");
        var pdf = api().get(path + "/pdf", account("GV011"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(Downloads.sha256(pdf.body())).isEqualTo(signed.json().get("sha256").asString());
    }

    // ---- found by probing the fixes ----

    @Test
    void theNewestEntriesAreAnchoredSoonAfterTheirCommitSoATruncationAfterACrashIsCaught() throws Exception {
        ensureImported();
        assertThat(api().post(BASE + "HS2400118/record", "admin").status()).isIn(200, 201);
        assertThat(api().post(BASE + "HS2400118/record/signatures", account("GV011")).status()).isEqualTo(201);
        long head = audit.entries(1, 1_000_000).size();
        // no verification, no shutdown: only the anchoring that follows each commit
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (lastAnchoredSeq() < head && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(lastAnchoredSeq()).as("anchored soon after the commit").isGreaterThanOrEqualTo(head);
        var original = audit.entries(1, 1_000_000);
        var kept = original.get(original.size() - 2);
        var removed = original.get(original.size() - 1);
        jdbc.sql("delete from audit_event where seq > ?").param(kept.seq()).update();
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(kept.seq(), kept.hash()).update();
        try {
            assertBrokenAt(kept.seq() + 1);
        } finally {
            jdbc.sql("insert into audit_event (seq, occurred_at, actor, action, subject, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(removed.seq(), java.sql.Timestamp.from(removed.occurredAt()), removed.actor(), removed.action(),
                            removed.subject(), removed.details(), removed.prevHash(), removed.hash()).update();
            jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(removed.seq(), removed.hash()).update();
        }
        assertThat(verification().get("valid").asBoolean()).isTrue();
    }

    private long lastAnchoredSeq() {
        try (var keys = store.list("audit-anchors/")) {
            return keys.map(k -> k.value().substring(k.value().lastIndexOf('/') + 1).replace(".json", ""))
                    .mapToLong(Long::parseLong).max().orElse(0);
        }
    }

    @Test
    void aSignatureRequestTellsACallerWhoMayNotReadTheRecordNothingAboutIt() throws IOException {
        ensureImported();
        String outsider = account("GV022"); // teaches no class of 6A
        assertThat(api().post(BASE + "HS2400127/record", "admin").status()).isIn(200, 201);
        var withVersion = api().postWithHeader(BASE + "HS2400127/record/signatures", "If-Match", "\"x\"", outsider);
        assertThat(withVersion.status()).isEqualTo(403);
        assertThat(withVersion.text()).doesNotContain("sha256");
        assertThat(api().postWithHeader(BASE + "HS2400127/record/signatures", "If-Match", "garbage", outsider).status())
                .as("refused before the header they sent is judged").isEqualTo(403);
        assertThat(api().post(BASE + "HS2400127/record/signatures", outsider).status()).isEqualTo(403);
        assertThat(api().post(BASE + "HS2400136/record/signatures", outsider).status())
                .as("a record not rendered yet: the same 403, never 404").isEqualTo(403);
    }

    @Test
    void ifMatchFollowsRfc9110StarMatchesAnyWeakTagsNever() throws IOException {
        ensureImported();
        String student = "HS2400145";
        String sha = api().post(BASE + student + "/record", "admin").json().get("sha256").asString();
        assertThat(api().postWithHeader(BASE + student + "/record/signatures", "If-Match", "W/\"" + sha + "\"",
                account("GV011")).status()).isEqualTo(412);
        // a header that lists no entity tag names no version: 400, not the 412 of another version
        var malformed = api().postWithHeader(BASE + student + "/record/signatures", "If-Match", sha + "x",
                account("GV011"));
        assertThat(malformed.status()).as(malformed.text()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).endsWith("/invalid-if-match");
        assertThat(malformed.json().get("errors").get(0).get("path").asString()).isEqualTo("If-Match");
        assertThat(api().postWithHeader(BASE + student + "/record/signatures", "If-Match", "*", account("GV011"))
                .status()).isEqualTo(201);
        // a list matches when any strong tag is the current version (RFC 9110 13.1.1)
        String now = api().get(BASE + student + "/record", "admin").json().get("sha256").asString();
        var listed = api().postWithHeader(BASE + student + "/record/signatures", "If-Match",
                "\"" + sha + "\", W/\"" + now + "\", \"" + now + "\"", account("GV010"));
        assertThat(listed.status()).as(listed.text()).isEqualTo(201);
        assertThat(api().postWithHeader(BASE + student + "/record/signatures", "If-Match",
                "\"" + sha + "\", W/\"" + listed.json().get("sha256").asString() + "\"", account("GV013")).status())
                .isEqualTo(412);
    }

    @Test
    void anUndecodableQueryStringIsA400Problem() throws IOException {
        ensureImported();
        var r = api().rawGet("/api/v1/search?q=HS2400001%20Nguy%E1%BB%85n%20%ZZ", "admin");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusalsOutsideTheApiAreProblemsToo() throws IOException {
        ensureImported();
        // a page's form posted without its security token (CSRF): refused by the filters, before any controller
        var form = api().post("/schools/" + SCHOOL + "/years/" + YEAR + "/students/" + STUDENT + "/render", account("GV011"));
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.contentType()).startsWith("application/problem+json");
        assertThat(form.json().get("detailVi").asString()).isNotBlank();
        assertThat(form.json().has("timestamp")).as("not Spring's default error shape").isFalse();
    }

    @Test
    void problemsSpeakVietnameseUnlessTheCallerPrefersEnglish() throws IOException {
        ensureImported();
        var vi = api().get(BASE + STUDENT + "/results", account("GV022"));
        assertThat(vi.status()).isEqualTo(403);
        assertThat(vi.json().get("detail").asString()).isEqualTo(vi.json().get("detailVi").asString());
        var en = api().getWithHeader(BASE + STUDENT + "/results", "Accept-Language", "en-GB,en;q=0.9,vi;q=0.5",
                account("GV022"));
        assertThat(en.json().get("detail").asString()).isEqualTo(en.json().get("detailEn").asString())
                .isNotEqualTo(en.json().get("detailVi").asString());
        var unauthenticated = api().getWithHeader(BASE + STUDENT + "/results", "Accept-Language", "en", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.json().get("detail").asString()).startsWith("Sign in");
    }

    // ---- lock windows and mark entry (API.md "Lock windows and corrections") ----

    /** The demo dataset as another school, so that its entry and lock state are this test's alone. Not locked. */
    private String importAsOwnSchool(String code) throws IOException {
        var doc = (ObjectNode) Api.JSON.readTree(demoDataset());
        ((ObjectNode) doc.get("school")).put("code", code);
        var imported = api().postJson("/api/v1/imports", Api.JSON.writeValueAsBytes(doc), "admin");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        return "/api/v1/schools/" + code + "/years/" + YEAR;
    }

    private static byte[] sheet(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Thông tư 22 Điều 9: (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (số ĐĐGtx + 5), one decimal, worked here in exact decimals. */
    private static java.math.BigDecimal tt22(String... regular) {
        return tt22(List.of(regular).subList(0, regular.length - 2), regular[regular.length - 2], regular[regular.length - 1]);
    }

    private static java.math.BigDecimal tt22(List<String> regular, String midterm, String finalMark) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (String m : regular) {
            sum = sum.add(new java.math.BigDecimal(m));
        }
        sum = sum.add(new java.math.BigDecimal(midterm).multiply(java.math.BigDecimal.valueOf(2)))
                .add(new java.math.BigDecimal(finalMark).multiply(java.math.BigDecimal.valueOf(3)));
        return sum.divide(java.math.BigDecimal.valueOf(regular.size() + 5L), 1, java.math.RoundingMode.HALF_UP);
    }

    private static JsonNode subject(JsonNode results, String code) {
        for (JsonNode s : results.get("subjects")) {
            if (s.get("code").asString().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no subject " + code + " in " + results);
    }

    private static JsonNode resultOf(JsonNode answer, String student) {
        for (JsonNode r : answer) {
            if (r.get("student").asString().equals(student)) {
                return r;
            }
        }
        throw new AssertionError("no results of " + student + " in " + answer);
    }

    @Test
    void theSubjectTeacherEntersMarksAndTheResultsFollowTheTt22Formula() throws IOException {
        String school = "THCS-NHAP";
        String year = importAsOwnSchool(school);
        String marks = year + "/classes/6A/subjects/TOAN/terms/1/marks";
        long entriesBefore = auditCount("MARKS_ENTERED");

        var r = api().putJson(marks, sheet("""
                [{"student": "HS2400001", "regular": [8, 7.5, 6, 9], "midterm": 7, "final": 8.5},
                 {"student": "HS2400010", "regular": [9.5, 6, 72e-1, 5], "midterm": 0.1, "final": 10}]"""), "GV011@" + school);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json()).hasSize(2);
        JsonNode first = resultOf(r.json(), "HS2400001");
        assertThat(subject(first, "TOAN").get("term1").decimalValue()).isEqualByComparingTo(tt22("8", "7.5", "6", "9", "7", "8.5"));
        assertThat(subject(resultOf(r.json(), "HS2400010"), "TOAN").get("term1").decimalValue())
                .isEqualByComparingTo(tt22("9.5", "6", "7.2", "5", "0.1", "10"));
        // the answer is the stable results endpoint's, field for field
        var results = api().get(year + "/students/HS2400001/results", "admin");
        assertThat(results.json()).isEqualTo(first);
        // the year average follows the new term 1 (TT22 Điều 9: (TBhk1 + 2·TBhk2) / 3)
        JsonNode toan = subject(first, "TOAN");
        assertThat(toan.get("year").decimalValue()).isEqualByComparingTo(toan.get("term1").decimalValue()
                .add(toan.get("term2").decimalValue().multiply(java.math.BigDecimal.valueOf(2)))
                .divide(java.math.BigDecimal.valueOf(3), 1, java.math.RoundingMode.HALF_UP));
        // stored as the import stores marks: exact text, one decimal
        assertThat(jdbc.sql("select regular_marks, midterm, final_mark from assessment where school_code = ? and student_id = ? and subject_code = 'TOAN' and term = 1")
                .params(school, "HS2400010").query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single())
                .isEqualTo("9.5,6.0,7.2,5.0|0.1|10.0");
        // lưu vết: who, old value, new value
        var entry = audit.entries(1, 1_000_000).stream()
                .filter(e -> e.action().equals("MARKS_ENTERED") && e.subject().equals(school + "/" + YEAR + "/HS2400001/TOAN/1"))
                .findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo("GV011@" + school);
        assertThat(entry.details()).contains("old: regular=[6.5, 7.1, 5.8, 6.0] midterm=5.0 final=6.7")
                .contains("new: regular=[8.0, 7.5, 6.0, 9.0] midterm=7.0 final=8.5");
        assertThat(auditCount("MARKS_ENTERED")).isEqualTo(entriesBefore + 2);

        // an incomplete entry (too few regular marks for 140 periods a year, TT22 Điều 7; no final) shows as
        // incomplete, never guessed
        var incomplete = api().putJson(marks, sheet("[{\"student\": \"HS2400001\", \"regular\": [8], \"midterm\": 7}]"),
                "GV011@" + school);
        assertThat(incomplete.status()).as(incomplete.text()).isEqualTo(200);
        assertThat(incomplete.json().get(0).get("complete").asBoolean()).isFalse();
        assertThat(subject(incomplete.json().get(0), "TOAN").get("term1").isNull()).isTrue();
        assertThat(subject(incomplete.json().get(0), "TOAN").get("year").isNull()).isTrue();
    }

    @Test
    void onlyTheClassSubjectsOwnTeacherEntersItsMarks() throws IOException {
        ensureImported(); // THCS-MK2's staff: accounts of another school
        String school = "THCS-GVKHAC";
        String year = importAsOwnSchool(school);
        String marks = year + "/classes/6A/subjects/TOAN/terms/1/marks";
        byte[] body = sheet("[{\"student\": \"HS2400001\", \"regular\": [1], \"midterm\": 1, \"final\": 1}]");
        // GV010 teaches Ngữ văn in 6A; GV012 is 6A's homeroom teacher (English); GV001 the principal; GV011 at another school
        for (String caller : List.of("GV010@" + school, "GV012@" + school, "GV001@" + school, "GV011@" + SCHOOL, "admin")) {
            var refused = api().putJson(marks, body, caller);
            assertThat(refused.status()).as(caller + ": " + refused.text()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(subject(api().get(year + "/students/HS2400001/results", "admin").json(), "TOAN").get("term1").decimalValue())
                .as("nothing was stored").isEqualByComparingTo(tt22("6.5", "7.1", "5.8", "6.0", "5.0", "6.7"));
        // the homeroom teacher enters the subject they teach in the class
        assertThat(api().putJson(year + "/classes/6A/subjects/TIENG_ANH/terms/1/marks", body, "GV012@" + school).status())
                .isEqualTo(200);
    }

    @Test
    void badMarksAreRefusedWholeWithTheirPathsAndNothingIsStored() throws IOException {
        String school = "THCS-SAIDIEM";
        String year = importAsOwnSchool(school);
        String before = api().get(year + "/students/HS2400001/results", "admin").text();
        long entries = auditCount("MARKS_ENTERED");
        var r = api().putJson(year + "/classes/6A/subjects/TOAN/terms/1/marks", sheet("""
                [{"student": "HS2400001", "regular": [8, 7.5], "midterm": 7, "final": 8.5},
                 {"student": "HS2400010", "regular": [8, 10.5], "midterm": "7", "final": 8.25},
                 {"student": "HS2400002", "final": 5}]"""), "GV011@" + school);
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> paths = new ArrayList<>();
        r.json().get("errors").forEach(e -> paths.add(e.get("path").asString()));
        // HS2400002 is in 6B
        assertThat(paths).containsExactlyInAnyOrder("[1].regular[1]", "[1].midterm", "[1].final", "[2].student");
        assertThat(api().get(year + "/students/HS2400001/results", "admin").text())
                .as("all or nothing: the good first line was not stored either").isEqualTo(before);
        assertThat(auditCount("MARKS_ENTERED")).isEqualTo(entries);

        var comment = api().putJson(year + "/classes/6A/subjects/GDTC/terms/1/marks",
                sheet("[{\"student\": \"HS2400001\", \"regular\": [\"Đ\"], \"midterm\": 8, \"final\": \"CĐ\"}]"),
                "GV018@" + school);
        assertThat(comment.status()).as(comment.text()).isEqualTo(422);
        assertThat(comment.json().get("errors").get(0).get("path").asString()).isEqualTo("[0].midterm");
    }

    @Test
    void anUnknownClassIsNotFoundForStaffOfTheSchoolAndForbiddenToOthers() throws IOException {
        ensureImported(); // THCS-MK2's staff: accounts of another school
        String school = "THCS-KHONGLOP";
        String year = importAsOwnSchool(school);
        byte[] marks = sheet("[{\"student\": \"HS2400001\", \"final\": 5}]");
        byte[] conduct = sheet("[{\"student\": \"HS2400001\", \"conduct\": \"TOT\", \"excusedDays\": 0, \"unexcusedDays\": 0}]");
        // the system administrator enters nothing (docs/authorization.md): refused before the class is looked up
        assertThat(api().putJson(year + "/classes/9Z/subjects/TOAN/terms/1/marks", marks, "admin").status()).isEqualTo(403);
        assertThat(api().putJson(year + "/classes/9Z/terms/1/conduct", conduct, "admin").status()).isEqualTo(403);
        for (String caller : List.of("GV011@" + school, "GV012@" + school)) {
            assertThat(api().putJson(year + "/classes/9Z/subjects/TOAN/terms/1/marks", marks, caller).status())
                    .as(caller).isEqualTo(404);
            assertThat(api().putJson(year + "/classes/9Z/terms/1/conduct", conduct, caller).status()).as(caller).isEqualTo(404);
            assertThat(api().putJson(year + "/classes/9Z/comments", sheet("[{\"student\": \"HS2400001\"}]"), caller).status())
                    .as(caller).isEqualTo(404);
        }
        // staff of another school learn nothing about this one's classes
        assertThat(api().putJson(year + "/classes/9Z/subjects/TOAN/terms/1/marks", marks, "GV011@" + SCHOOL).status()).isEqualTo(403);
        assertThat(api().putJson(year + "/classes/9Z/terms/1/conduct", conduct, "GV012@" + SCHOOL).status()).isEqualTo(403);
        // a class the year has, with a subject or term it has not
        assertThat(api().putJson(year + "/classes/6A/subjects/TOAN/terms/3/marks", marks, "GV011@" + school).status()).isEqualTo(404);
        assertThat(api().putJson(year + "/classes/6A/terms/3/conduct", conduct, "GV012@" + school).status()).isEqualTo(404);
    }

    @Test
    void theHomeroomTeacherEntersConductAttendanceAndCommentsAndTheResultsFollow() throws IOException {
        String school = "THCS-GVCN";
        String year = importAsOwnSchool(school);
        String homeroom = "GV012@" + school; // 6A
        long conductBefore = auditCount("CONDUCT_ENTERED");
        long commentsBefore = auditCount("COMMENT_ENTERED");

        var r = api().putJson(year + "/classes/6A/terms/1/conduct", sheet("""
                [{"student": "HS2400001", "conduct": "CHUA_DAT", "excusedDays": 30, "unexcusedDays": 20},
                 {"student": "HS2400010", "conduct": null, "excusedDays": 0, "unexcusedDays": 0}]"""), homeroom);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode first = resultOf(r.json(), "HS2400001");
        assertThat(first.get("conduct").get("term1").asString()).isEqualTo("CHUA_DAT");
        assertThat(first.get("daysAbsent").asInt()).isGreaterThanOrEqualTo(50);
        assertThat(first.get("promoted").asBoolean()).as("more than 45 days absent (TT22 Điều 22)").isFalse();
        assertThat(api().get(year + "/students/HS2400001/results", "admin").json()).isEqualTo(first);
        // conduct not assessed yet: incomplete, never guessed
        JsonNode second = resultOf(r.json(), "HS2400010");
        assertThat(second.get("conduct").get("term1").isNull()).isTrue();
        assertThat(second.get("conduct").get("year").isNull()).isTrue();
        assertThat(second.get("complete").asBoolean()).isFalse();

        var c = api().putJson(year + "/classes/6A/comments",
                sheet("[{\"student\": \"HS2400001\", \"comment\": \"Em cần  đi học đều hơn.\"}]"), homeroom);
        assertThat(c.status()).as(c.text()).isEqualTo(200);
        assertThat(jdbc.sql("select homeroom from student_comment where school_code = ? and student_id = ? and subject_code = ''")
                .params(school, "HS2400001").query(String.class).single()).isEqualTo("Em cần đi học đều hơn.");

        // lưu vết: one entry per student changed, with the old and the new values
        assertThat(auditCount("CONDUCT_ENTERED")).isEqualTo(conductBefore + 2);
        assertThat(auditCount("COMMENT_ENTERED")).isEqualTo(commentsBefore + 1);
        var entry = audit.entries(1, 1_000_000).stream()
                .filter(e -> e.action().equals("CONDUCT_ENTERED") && e.subject().equals(school + "/" + YEAR + "/HS2400001/1"))
                .findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo(homeroom);
        assertThat(entry.details()).contains("new: conduct=CHUA_DAT excusedDays=30 unexcusedDays=20").doesNotContain("old: none");
        // the same sheet again changes nothing and logs nothing
        api().putJson(year + "/classes/6A/comments",
                sheet("[{\"student\": \"HS2400001\", \"comment\": \"Em cần đi học đều hơn.\"}]"), homeroom);
        assertThat(auditCount("COMMENT_ENTERED")).isEqualTo(commentsBefore + 1);
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void onlyThatYearsHomeroomTeacherEntersAndABadOrLockedSheetStoresNothing() throws IOException {
        ensureImported(); // THCS-MK2's staff: accounts of another school
        String school = "THCS-GVCN-KHOA";
        String year = importAsOwnSchool(school);
        String conduct = year + "/classes/6A/terms/1/conduct";
        String comments = year + "/classes/6A/comments";
        byte[] good = sheet("[{\"student\": \"HS2400001\", \"conduct\": \"DAT\", \"excusedDays\": 1, \"unexcusedDays\": 1}]");
        byte[] comment = sheet("[{\"student\": \"HS2400001\", \"comment\": \"Tốt\"}]");
        String before = api().get(year + "/students/HS2400001/results", "admin").text();
        // GV011 teaches Maths in 6A; GV001 is the principal; GV012@THCS-MK2 is 6A's homeroom teacher at another school
        for (String caller : List.of("GV011@" + school, "GV001@" + school, "GV012@" + SCHOOL, "admin")) {
            var refused = api().putJson(conduct, good, caller);
            assertThat(refused.status()).as(caller + ": " + refused.text()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(api().putJson(comments, comment, caller).status()).as(caller).isEqualTo(403);
        }
        long entries = auditCount("CONDUCT_ENTERED");
        var bad = api().putJson(conduct, sheet("""
                [{"student": "HS2400001", "conduct": "DAT", "excusedDays": 1, "unexcusedDays": 1},
                 {"student": "HS2400010", "conduct": "GIOI", "excusedDays": -1, "unexcusedDays": 400},
                 {"student": "HS2400002", "conduct": "TOT", "excusedDays": 0, "unexcusedDays": 0, "note": "?"}]"""),
                "GV012@" + school);
        assertThat(bad.status()).as(bad.text()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        List<String> paths = new ArrayList<>();
        bad.json().get("errors").forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).containsExactlyInAnyOrder("[1].conduct", "[1].excusedDays", "[1].unexcusedDays", "[2].student",
                "[2].note");
        assertThat(api().get(year + "/students/HS2400001/results", "admin").text()).as("all or nothing").isEqualTo(before);
        assertThat(auditCount("CONDUCT_ENTERED")).isEqualTo(entries);

        // locked: 409; the comment belongs to term 2, so it stays open while only term 1 is locked
        assertThat(api().post(year + "/classes/6A/terms/1/lock", "GV001@" + school).status()).isEqualTo(200);
        var locked = api().putJson(conduct, good, "GV012@" + school);
        assertThat(locked.status()).as(locked.text()).isEqualTo(409);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(api().putJson(comments, comment, "GV012@" + school).status()).isEqualTo(200);
        assertThat(api().post(year + "/classes/6A/terms/2/lock", "GV001@" + school).status()).isEqualTo(200);
        assertThat(api().putJson(comments, sheet("[{\"student\": \"HS2400001\", \"comment\": \"Khá\"}]"),
                "GV012@" + school).status()).isEqualTo(409);
        assertThat(api().get(year + "/students/HS2400001/results", "admin").text()).isEqualTo(before);
    }

    @Test
    void afterEntryTheYearsFingerprintIsThatOfTheStoredData() throws IOException {
        String school = "THCS-VANTAY";
        String year = importAsOwnSchool(school);
        var doc = (ObjectNode) Api.JSON.readTree(demoDataset());
        ((ObjectNode) doc.get("school")).put("code", school);
        byte[] original = Api.JSON.writeValueAsBytes(doc);

        assertThat(api().putJson(year + "/classes/6A/subjects/TOAN/terms/1/marks",
                sheet("[{\"student\": \"HS2400001\", \"regular\": [9, 9, 9, 9], \"midterm\": 9, \"final\": 9}]"),
                "GV011@" + school).status()).isEqualTo(200);
        assertThat(api().putJson(year + "/classes/6A/comments",
                sheet("[{\"student\": \"HS2400001\", \"comment\": \"Giỏi toán\"}]"), "GV012@" + school).status())
                .isEqualTo(200);
        // the export of the stored year re-imports as "nothing changed": the fingerprint is the stored data's
        var exported = api().get(year + "/dataset.json", "admin");
        assertThat(exported.status()).as(exported.text()).isEqualTo(200);
        var again = api().postJson("/api/v1/imports", exported.body(), "admin");
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        // the dataset the year came from would undo the entries: a change
        var undo = api().postJson("/api/v1/imports", original, "admin");
        assertThat(undo.status()).as(undo.text()).isEqualTo(201);
        assertThat(undo.json().get("changed").asBoolean()).isTrue();
    }

    @Test
    void theLockWindowGovernsEntryImportAndRendering() throws IOException {
        ensureImported(); // THCS-MK2's staff: accounts of another school
        String school = "THCS-KHOA";
        String year = importAsOwnSchool(school);
        String principal = "GV001@" + school;
        String teacher = "GV011@" + school;
        String student = year + "/students/HS2400001";
        String term1 = year + "/classes/6A/subjects/TOAN/terms/1/marks";
        byte[] marks = sheet("[{\"student\": \"HS2400001\", \"regular\": [9, 9, 9, 9], \"midterm\": 9, \"final\": 9}]");
        var doc = (ObjectNode) Api.JSON.readTree(demoDataset());
        ((ObjectNode) doc.get("school")).put("code", school);
        byte[] asImported = Api.JSON.writeValueAsBytes(doc);

        // rendering for signature waits for the lock
        var early = api().post(student + "/record", "admin");
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).endsWith("/not-locked");
        assertThat(names(early.json().get("unlocked"))).containsExactly("6A/1", "6A/2");

        // only the principal of that school year locks
        assertThat(api().post(year + "/classes/6A/terms/1/lock", teacher).status()).isEqualTo(403);
        assertThat(api().post(year + "/classes/6A/terms/1/lock", "GV001@" + SCHOOL).status()).isEqualTo(403);
        assertThat(api().post(year + "/lock", teacher).status()).isEqualTo(403);
        var locked = api().post(year + "/classes/6A/terms/1/lock", principal);
        assertThat(locked.status()).as(locked.text()).isEqualTo(200);
        assertThat(locked.json()).isEqualTo(Api.JSON.readTree("{\"class\": \"6A\", \"term\": 1, \"locked\": true}"));
        assertThat(api().post(year + "/classes/9Z/terms/1/lock", principal).status()).isEqualTo(404);
        assertThat(api().post(year + "/classes/6A/terms/3/lock", principal).status()).isEqualTo(404);

        // locked: entry refused, nothing stored; term 2 still open
        String resultsBefore = api().get(student + "/results", "admin").text();
        var refused = api().putJson(term1, marks, teacher);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api().get(student + "/results", "admin").text()).isEqualTo(resultsBefore);

        // an unchanged re-import stays a no-op; a changed one touching 6A term 1 is refused; one elsewhere passes
        var same = api().postJson("/api/v1/imports", asImported, "admin");
        assertThat(same.status()).isEqualTo(201);
        assertThat(same.json().get("changed").asBoolean()).isFalse();
        var touching = (ObjectNode) doc.deepCopy();
        var elsewhere = (ObjectNode) doc.deepCopy();
        for (int i = 0; i < doc.get("assessments").size(); i++) {
            JsonNode a = doc.get("assessments").get(i);
            if (a.get("student").asString().equals("HS2400001") && a.get("subject").asString().equals("TOAN")
                    && a.get("term").asInt() == 1) {
                ((ObjectNode) touching.get("assessments").get(i)).put("final", 10);
            }
            if (a.get("student").asString().equals("HS2400001") && a.get("subject").asString().equals("TOAN")
                    && a.get("term").asInt() == 2) {
                ((ObjectNode) elsewhere.get("assessments").get(i)).put("final", 10);
            }
        }
        var changedImport = api().postJson("/api/v1/imports", Api.JSON.writeValueAsBytes(touching), "admin");
        assertThat(changedImport.status()).as(changedImport.text()).isEqualTo(409);
        assertThat(names(changedImport.json().get("locked"))).containsExactly("6A/1");
        assertThat(api().get(student + "/results", "admin").text()).as("nothing of it stored").isEqualTo(resultsBefore);
        var open = api().postJson("/api/v1/imports", Api.JSON.writeValueAsBytes(elsewhere), "admin");
        assertThat(open.status()).as("6A term 2 is open: " + open.text()).isEqualTo(201);
        assertThat(open.json().get("changed").asBoolean()).isTrue();
        assertThat(api().putJson(year + "/classes/6A/subjects/TOAN/terms/2/marks", marks, teacher).status()).isEqualTo(200);

        // unlocked: entry again
        var unlocked = api().post(year + "/classes/6A/terms/1/unlock", principal);
        assertThat(unlocked.status()).as(unlocked.text()).isEqualTo(200);
        assertThat(unlocked.json().get("locked").asBoolean()).isFalse();
        var entered = api().putJson(term1, marks, teacher);
        assertThat(entered.status()).as(entered.text()).isEqualTo(200);
        assertThat(subject(entered.json().get(0), "TOAN").get("term1").decimalValue()).isEqualByComparingTo("9.0");

        // the whole year: every class and term; then records render
        var year1 = api().post(year + "/lock", principal);
        assertThat(year1.status()).as(year1.text()).isEqualTo(200);
        assertThat(year1.json()).hasSize(18); // 9 classes, 2 terms
        year1.json().forEach(l -> assertThat(l.get("locked").asBoolean()).isTrue());
        assertThat(api().putJson(term1, marks, teacher).status()).isEqualTo(409);
        var rendered = api().post(student + "/record", "admin");
        assertThat(rendered.status()).as(rendered.text()).isEqualTo(201);

        // every lock and unlock is in the audit log
        var trail = audit.entries(1, 1_000_000).stream()
                .filter(e -> e.subject().startsWith(school + "/" + YEAR + "/6A/1"))
                .map(e -> e.action() + " " + e.actor()).toList();
        assertThat(trail).containsExactly("CLASS_TERM_LOCKED " + principal, "CLASS_TERM_UNLOCKED " + principal,
                "CLASS_TERM_LOCKED " + principal);
        assertThat(verifier.verify().valid()).isTrue();
    }

    // ---- roles hold per school year; the class page follows the record's rule ----

    @Test
    void aRoleHeldInAnotherYearGrantsNothingInThisOne() throws Exception {
        ensureImported();
        String teacher = "GV030"; // teaches no class of 6A
        var doc = (ObjectNode) Api.JSON.readTree(demoDataset());
        doc.put("schoolYear", "2025-2026");
        for (JsonNode s : doc.get("staff")) {
            if (s.get("id").asString().equals(teacher)) {
                ((ObjectNode) s).putArray("roles").add("CLERK").add("TEACHER");
            }
        }
        var imported = api().postJson("/api/v1/imports", Api.JSON.writeValueAsBytes(doc), "admin");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(api().get(BASE + STUDENT + "/results", account(teacher)).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/schools/" + SCHOOL + "/years/2025-2026/students/" + STUDENT + "/results",
                account(teacher)).status()).isEqualTo(200);
        assertThat(api().get("/schools/" + SCHOOL + "/years/" + YEAR + "/classes/6A", account(teacher)).status())
                .isEqualTo(403);
    }

    @Test
    void aClassPageShowsItsStudentsOnlyToThoseWhoMaySeeTheirRecords() throws IOException {
        ensureImported();
        String page = "/schools/" + SCHOOL + "/years/" + YEAR + "/classes/6A";
        assertThat(api().get(page, account("GV040")).status()).isEqualTo(403);
        assertThat(api().get(page, account("GV011")).status()).isEqualTo(200);
        assertThat(api().get(page, account("GV001")).status()).isEqualTo(200);
        assertThat(api().get(page, account("GV040")).text()).doesNotContain("Nguyễn Khánh Hạnh");
    }

    private static List<String> expectedTrail(int signatures) {
        List<String> trail = new ArrayList<>();
        trail.add("DOCUMENT_RENDERED");
        for (int i = 0; i < signatures; i++) {
            trail.add("DOCUMENT_SIGNED");
        }
        trail.add("DOCUMENT_ARCHIVED");
        return trail;
    }

    private long auditCount(String action) {
        return audit.entries(1, 1_000_000).stream().filter(e -> e.action().equals(action)).count();
    }

    private static String account(String staffId) {
        return staffId + "@" + SCHOOL;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static String firstStaffNotIn(JsonNode dataset, Set<String> teachers, String homeroom, String principal) {
        for (JsonNode s : dataset.get("staff")) {
            String id = s.get("id").asString();
            if (!teachers.contains(id) && !id.equals(homeroom) && !id.equals(principal)) {
                return id;
            }
        }
        throw new IllegalStateException("no outsider in the dataset");
    }

    private static String firstTeacherNotIn(JsonNode dataset, Set<String> teachers, String homeroom) {
        for (JsonNode s : dataset.get("staff")) {
            String id = s.get("id").asString();
            if (s.get("roles").size() == 1 && s.get("roles").get(0).asString().equals("TEACHER")
                    && !teachers.contains(id) && !id.equals(homeroom)) {
                return id;
            }
        }
        throw new IllegalStateException("no teacher outside the class in the dataset");
    }


}
