package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
abstract class EndToEndScenario {

    static final String SCHOOL = "THCS-MK2";
    static final String YEAR = "2024-2025";
    static final String STUDENT = "HS2400001"; // Nguyễn Khánh Hạnh, class 6A
    static final String BASE = "/api/v1/schools/" + SCHOOL + "/years/" + YEAR + "/students/";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

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
    }

    static byte[] demoDataset() throws IOException {
        try (InputStream in = EndToEndScenario.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            return in.readAllBytes();
        }
    }

    Api api() {
        return new Api(port);
    }

    void ensureImported() throws IOException {
        var r = api().postJson("/api/v1/imports", demoDataset(), "admin");
        assertThat(r.status()).as(r.text()).isIn(200, 201);
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
        JsonNode done = byPrincipal.json();
        assertThat(done.get("status").asString()).isEqualTo("ARCHIVED");
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
        JsonNode hit = search.json().get("hits").get(0);
        assertThat(hit.get("lookupCode").asString()).isEqualTo(lookupCode);
        assertThat(hit.get("fullName").asString()).isEqualTo("Nguyễn Khánh Hạnh");
        assertThat(hit.get("class").asString()).isEqualTo("6A");
        assertThat(hit.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(api.get("/api/v1/search?q=6A%202024-2025", account(homeroom)).json().get("total").asLong()).isPositive();

        // download: the archived bytes, exactly those the record answer names
        var pdf = api.get(BASE + STUDENT + "/record.pdf", account(principal));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(sha256(pdf.body())).isEqualTo(done.get("sha256").asString());
        var byVersion = api.get(BASE + STUDENT + "/record.pdf?version=1", account(principal));
        assertThat(byVersion.status()).isEqualTo(200);
        assertThat(sha256(byVersion.body())).as("?version=N names the same record version").isEqualTo(done.get("sha256").asString());
        assertThat(api.get(BASE + STUDENT + "/record.pdf?version=2", account(principal)).status()).isEqualTo(404);

        // independent checks: EU DSS against the published trust anchors, poppler's pdfsig, veraPDF
        var anchors = api.get("/api/v1/pki/trust-anchors", null);
        assertThat(anchors.status()).isEqualTo(200);
        List<X509Certificate> trust = certificates(anchors.body());
        assertThat(trust).hasSize(1);
        var report = new DssSignatureValidator(trust).validate(pdf.body());
        assertThat(report.signatures()).hasSize(subjectTeachers.size() + 2);
        report.signatures().forEach(s -> assertThat(s.indication()).as(s.toString()).isEqualTo("TOTAL_PASSED"));
        assertThat(Pdfsig.available()).as("poppler's pdfsig must be installed (bin/test installs it)").isTrue();
        assertThat(Pdfsig.signatureValidations(pdf.body()))
                .hasSize(subjectTeachers.size() + 2)
                .allMatch(line -> line.equals("Signature is Valid."));
        assertThat(PdfAValidation.pdfA2bFailures(pdf.body())).isEmpty();

        // the store itself refuses to delete the archived record, whoever asks
        String key = ObjectKey.contentAddressed("records", done.get("sha256").asString(), "pdf").value();
        assertThatThrownBy(() -> store.delete(new ObjectKey(key))).isInstanceOf(ObjectLockedException.class);

        // every step is in the hash-chained audit log, and the chain is intact
        assertThat(audit.verify()).isEqualTo(-1);
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
        assertThat(sha256(pdf.body())).isEqualTo(record.get("sha256").asString());
        var trust = certificates(api().get("/api/v1/pki/trust-anchors", null).body());
        var report = new DssSignatureValidator(trust).validate(pdf.body());
        assertThat(report.signatures()).hasSize(teachers.size());
        assertThat(report.allPassed()).as(report.toString()).isTrue();
    }

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
                .doesNotContain("/students/" + student + "/record.pdf").contains("<span>0</span> kết quả");
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
    void anAlteredAuditEntryBreaksTheChain() throws IOException {
        ensureImported();
        assertThat(audit.verify()).isEqualTo(-1);
        var first = audit.entries(1, 1).get(0);
        jdbc.sql("update audit_event set details = ? where seq = ?").params(first.details() + " (edited)", first.seq()).update();
        try {
            assertThat(audit.verify()).isEqualTo(first.seq());
        } finally {
            jdbc.sql("update audit_event set details = ? where seq = ?").params(first.details(), first.seq()).update();
        }
        assertThat(audit.verify()).isEqualTo(-1);
    }

    private static List<String> expectedTrail(int signatures) {
        List<String> trail = new ArrayList<>();
        trail.add("RECORD_RENDERED");
        for (int i = 0; i < signatures; i++) {
            trail.add("RECORD_SIGNED");
        }
        trail.add("RECORD_ARCHIVED");
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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<X509Certificate> certificates(byte[] pem) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
            out.add((X509Certificate) c);
        }
        return out;
    }
}
