package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

import vn.hocba.archive.common.Hashes;

/**
 * Corrections after lock over HTTP, against the packaged jar on the embedded default, whose demo school arrives with
 * its year locked (API.md "Lock windows and corrections"). Class 6A of THCS-MK2: GV011 teaches TOAN, GV012 is the
 * homeroom teacher (and teaches TIENG_ANH), GV001 is the principal; GV023 teaches TOAN in 7A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrectionsIT {

    static final String SCHOOL = "THCS-MK2";
    static final String YEAR = "/api/v1/schools/THCS-MK2/years/2024-2025";
    static final String CORRECTIONS = YEAR + "/corrections";
    static final String STUDENT = "HS2400001";
    static final String SUBJECT_TEACHER = "GV011@THCS-MK2";
    static final String HOMEROOM_TEACHER = "GV012@THCS-MK2";
    static final String PRINCIPAL = "GV001@THCS-MK2";
    static final String OTHER_CLASS_TEACHER = "GV023@THCS-MK2";
    /** A teacher of another school, imported by {@link #start}. */
    static final String OTHER_SCHOOL_TEACHER = "GV011@THCS-KHAC";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static PackagedApplication app;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        app = PackagedApplication.start(moduleDir.resolve("target/hocba.jar"), TestDirectories.fresh("corrections"));
        // the login page answers before the demo school is loaded; readiness waits for it
        var http = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/health/readiness")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertThat(System.nanoTime()).as("ready within 2 minutes").isLessThan(deadline);
            Thread.sleep(500);
        }
        api = new Api(app.port());
        String other;
        try (InputStream in = CorrectionsIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            other = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"THCS-MK2\"", "\"THCS-KHAC\"")
                    .replace("Mạo Khê II", "Mạo Khê III");
        }
        var imported = api.postJson("/api/v1/imports", other.getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aCorrectionRequestedConfirmedAndApprovedChangesTheMarkAndTheResults() {
        assertThat(termAverage(STUDENT, "TOAN", "term1")).isEqualByComparingTo("6.2"); // (25.4 + 2*5.0 + 3*6.7) / 9
        assertThat(termAverage(STUDENT, "TOAN", "year")).isEqualByComparingTo("6.5");

        var requested = api.postJson(CORRECTIONS, json(request(STUDENT, "TOAN", 1, "final", new BigDecimal("8.7"),
                evidence("bai-kiem-tra.pdf", "application/pdf", PDF))), SUBJECT_TEACHER);
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        JsonNode c = requested.json();
        String id = c.get("id").asString();
        assertThat(c.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(c.get("oldValue").decimalValue()).isEqualByComparingTo("6.7");
        assertThat(c.get("newValue").decimalValue()).isEqualByComparingTo("8.7");
        assertThat(c.get("class").asString()).isEqualTo("6A");
        assertThat(c.get("requestedBy").asString()).isEqualTo(SUBJECT_TEACHER);
        assertThat(c.get("evidence").get("sha256").asString()).isEqualTo(Hashes.sha256(PDF));

        var early = api.post(CORRECTIONS + "/" + id + "/approval", PRINCIPAL);
        assertProblem(early, 409);
        assertThat(early.json().get("correctionStatus").asString()).isEqualTo("REQUESTED");

        assertProblem(api.post(CORRECTIONS + "/" + id + "/confirmation", SUBJECT_TEACHER), 403);
        assertProblem(api.post(CORRECTIONS + "/" + id + "/confirmation", PRINCIPAL), 403);
        var confirmed = api.post(CORRECTIONS + "/" + id + "/confirmation", HOMEROOM_TEACHER);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("confirmedBy").asString()).isEqualTo(HOMEROOM_TEACHER);
        assertProblem(api.post(CORRECTIONS + "/" + id + "/confirmation", HOMEROOM_TEACHER), 409);

        assertProblem(api.post(CORRECTIONS + "/" + id + "/approval", HOMEROOM_TEACHER), 403);
        assertProblem(api.post(CORRECTIONS + "/" + id + "/approval", SUBJECT_TEACHER), 403);
        assertProblem(api.post(CORRECTIONS + "/" + id + "/approval", "admin"), 403);
        assertThat(termAverage(STUDENT, "TOAN", "term1")).as("nothing changes before the approval").isEqualByComparingTo("6.2");
        var approved = api.post(CORRECTIONS + "/" + id + "/approval", PRINCIPAL);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo(PRINCIPAL);
        assertProblem(api.post(CORRECTIONS + "/" + id + "/approval", PRINCIPAL), 409);
        assertProblem(api.postJson(CORRECTIONS + "/" + id + "/rejection", json(Map.of("reason", "x")), PRINCIPAL), 409);

        assertThat(storedMark(STUDENT, "TOAN", 1, "final")).isEqualTo("8.7");
        assertThat(termAverage(STUDENT, "TOAN", "term1")).isEqualByComparingTo("6.8"); // (25.4 + 10 + 26.1) / 9
        assertThat(termAverage(STUDENT, "TOAN", "year")).isEqualByComparingTo("6.7"); // (6.8 + 2*6.7) / 3

        var evidence = api.get(CORRECTIONS + "/" + id + "/evidence", HOMEROOM_TEACHER);
        assertThat(evidence.status()).isEqualTo(200);
        assertThat(evidence.contentType()).startsWith("application/pdf");
        assertThat(evidence.body()).isEqualTo(PDF);

        var approvedList = api.get(CORRECTIONS + "?status=APPROVED", PRINCIPAL);
        assertThat(approvedList.status()).isEqualTo(200);
        assertThat(ids(approvedList.json())).contains(id);
        assertThat(ids(api.get(CORRECTIONS + "?status=REQUESTED", PRINCIPAL).json())).doesNotContain(id);
        var badFilter = api.get(CORRECTIONS + "?status=bogus", PRINCIPAL);
        assertProblem(badFilter, 422);
        assertThat(badFilter.json().get("errors").get(0).get("path").asString()).isEqualTo("status");
        assertThat(badFilter.json().get("detailVi").asString()).as("a read stores nothing to speak of")
                .doesNotContain("không có gì được lưu");
        assertThat(ids(api.get(CORRECTIONS, SUBJECT_TEACHER).json())).contains(id);
        assertThat(ids(api.get(CORRECTIONS, OTHER_CLASS_TEACHER).json())).as("another class's teacher").doesNotContain(id);
        assertProblem(api.get(CORRECTIONS + "/" + id, OTHER_CLASS_TEACHER), 403);
        assertProblem(api.get(CORRECTIONS + "/" + id + "/evidence", OTHER_CLASS_TEACHER), 403);
        assertThat(api.get(CORRECTIONS + "/" + id, "admin").json().get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    @Order(2)
    void callersWithoutTheRoleAreRefusedWith403AndAnotherSchoolLearnsNothing() {
        byte[] body = json(request(STUDENT, "TOAN", 2, "midterm", new BigDecimal("8.0"), null));
        assertProblem(api.postJson(CORRECTIONS, body, OTHER_CLASS_TEACHER), 403);
        assertProblem(api.postJson(CORRECTIONS, body, PRINCIPAL), 403);
        assertProblem(api.postJson(CORRECTIONS, body, "admin"), 403);
        assertProblem(api.postJson(CORRECTIONS, body, OTHER_SCHOOL_TEACHER), 403);
        // another school's path: the same 403 whether the school exists or not
        String other = "/api/v1/schools/THCS-KHAC/years/2024-2025/corrections";
        var existing = api.postJson(other, body, SUBJECT_TEACHER);
        var missing = api.postJson("/api/v1/schools/NO-SUCH/years/2024-2025/corrections", body, SUBJECT_TEACHER);
        assertProblem(existing, 403);
        assertProblem(missing, 403);
        assertThat(existing.json().get("type").asString()).isEqualTo(missing.json().get("type").asString());
        assertProblem(api.get(CORRECTIONS, OTHER_SCHOOL_TEACHER), 403);
        assertProblem(api.get(other, SUBJECT_TEACHER), 403);
        String id = firstId("APPROVED");
        assertProblem(api.get(CORRECTIONS + "/" + id, OTHER_SCHOOL_TEACHER), 403);
        assertProblem(api.post(CORRECTIONS + "/" + id + "/approval", OTHER_SCHOOL_TEACHER), 403);
        assertProblem(api.get(CORRECTIONS + "/00000000-0000-4000-8000-000000000000", OTHER_SCHOOL_TEACHER), 403);
        assertProblem(api.get(CORRECTIONS + "/00000000-0000-4000-8000-000000000000", PRINCIPAL), 404);
        assertThat(api.get(CORRECTIONS, null).status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void badInputIsRefusedWith422NamingEachPath() {
        assertPaths(request(STUDENT, "TOAN", 1, "regular[9]", new BigDecimal("8.0"), null), "field");
        assertPaths(request(STUDENT, "TOAN", 1, "bonus", new BigDecimal("8.0"), null), "field");
        assertPaths(request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("10.5"), null), "newValue");
        assertPaths(request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("7.25"), null), "newValue");
        assertPaths(request(STUDENT, "TOAN", 1, "midterm", "7", null), "newValue");
        assertPaths(request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("5.0"), null), "newValue"); // the stored mark
        assertPaths(request(STUDENT, "GDTC", 1, "final", new BigDecimal("7.0"), null), "newValue"); // a comment subject
        assertPaths(request("HS9999999", "TOAN", 1, "final", new BigDecimal("7.0"), null), "student");
        assertPaths(request(STUDENT, "NO_SUCH", 1, "final", new BigDecimal("7.0"), null), "subject");
        assertPaths(request(STUDENT, "TOAN", 3, "final", new BigDecimal("7.0"), null), "term");
        var noReason = request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("6.0"), null);
        noReason.remove("reason");
        assertPaths(noReason, "reason");
        assertPaths(request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("6.0"),
                evidence("note.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))), "evidence.contentType");
        assertPaths(request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("6.0"),
                evidence("scan.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8))), "evidence.base64");
        assertPaths(request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("6.0"),
                evidence("scan.png", "image/png", PDF)), "evidence.base64");
        var notBase64 = request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("6.0"), null);
        notBase64.put("evidence", Map.of("filename", "a.pdf", "contentType", "application/pdf", "base64", "%%%%"));
        assertPaths(notBase64, "evidence.base64");
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        var tooLarge = api.postJson(CORRECTIONS, json(request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("6.0"),
                evidence("big.pdf", "application/pdf", huge))), SUBJECT_TEACHER);
        assertProblem(tooLarge, 422);
        assertThat(tooLarge.json().get("errors")).hasSize(1);
        assertThat(tooLarge.json().get("errors").get(0).get("path").asString()).isEqualTo("evidence.base64");
        byte[] justOver = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, justOver, 0, PDF.length);
        assertPaths(request(STUDENT, "TOAN", 1, "midterm", new BigDecimal("6.0"), evidence("big.pdf", "application/pdf", justOver)),
                "evidence.base64");
        for (String body : List.of("{\"student\":", "[1, 2]", "{\"reason\": \"a\", \"reason\": \"b\"}")) {
            var unreadable = api.postJson(CORRECTIONS, body.getBytes(StandardCharsets.UTF_8), SUBJECT_TEACHER);
            assertProblem(unreadable, 422);
            assertThat(unreadable.json().get("errors")).as("only what is wrong: " + body).hasSize(1);
            assertThat(unreadable.json().get("errors").get(0).get("path").asString()).isEqualTo("$");
        }
        assertThat(ids(api.get(CORRECTIONS + "?status=REQUESTED", PRINCIPAL).json())).as("nothing stored").isEmpty();
    }

    @Test
    @Order(4)
    void aRequestOnAnUnlockedTermIsRefusedWith409() {
        var unlocked = api.post(YEAR + "/classes/6A/terms/2/unlock", PRINCIPAL);
        assertThat(unlocked.status()).as(unlocked.text()).isEqualTo(200);
        try {
            var refused = api.postJson(CORRECTIONS, json(request(STUDENT, "TOAN", 2, "final", new BigDecimal("9.0"), null)),
                    SUBJECT_TEACHER);
            assertProblem(refused, 409);
        } finally {
            assertThat(api.post(YEAR + "/classes/6A/terms/2/lock", PRINCIPAL).status()).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void aRejectedRequestLeavesTheMarkAndASecondOpenRequestForTheSameMarkWaits() {
        assertThat(storedMark(STUDENT, "NGU_VAN", 1, "regular[1]")).isEqualTo("4.0");
        // the homeroom teacher may ask too
        var requested = api.postJson(CORRECTIONS, json(request(STUDENT, "NGU_VAN", 1, "regular[1]", new BigDecimal("6.0"),
                evidence("bai.png", "image/png", png()))), HOMEROOM_TEACHER);
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        String id = requested.json().get("id").asString();
        assertProblem(api.postJson(CORRECTIONS, json(request(STUDENT, "NGU_VAN", 1, "regular[1]",
                new BigDecimal("6.5"), null)), "GV010@THCS-MK2"), 409);
        assertProblem(api.postJson(CORRECTIONS + "/" + id + "/rejection", json(Map.of("reason", "x")), HOMEROOM_TEACHER), 403);
        var noReason = api.postJson(CORRECTIONS + "/" + id + "/rejection", json(Map.of("reason", " ")), PRINCIPAL);
        assertProblem(noReason, 422);
        assertThat(noReason.json().get("errors").get(0).get("path").asString()).isEqualTo("reason");
        // a misspelt member is named, not taken for a missing reason or ignored; who may not decide learns nothing
        var misspelt = api.postJson(CORRECTIONS + "/" + id + "/rejection",
                json(Map.of("reason", "Bài kiểm tra đã được chấm đúng", "reasn", "x")), PRINCIPAL);
        assertProblem(misspelt, 422);
        assertThat(misspelt.json().get("errors").get(0).get("path").asString()).isEqualTo("reasn");
        assertProblem(api.postJson(CORRECTIONS + "/" + id + "/rejection", json(Map.of("reason", "x", "reasn", "x")),
                HOMEROOM_TEACHER), 403);
        var rejected = api.postJson(CORRECTIONS + "/" + id + "/rejection",
                json(Map.of("reason", "Bài kiểm tra đã được chấm đúng")), PRINCIPAL);
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejectionReason").asString()).isEqualTo("Bài kiểm tra đã được chấm đúng");
        assertProblem(api.post(CORRECTIONS + "/" + id + "/confirmation", HOMEROOM_TEACHER), 409);
        assertProblem(api.post(CORRECTIONS + "/" + id + "/approval", PRINCIPAL), 409);
        assertThat(storedMark(STUDENT, "NGU_VAN", 1, "regular[1]")).isEqualTo("4.0");
        var evidence = api.get(CORRECTIONS + "/" + id + "/evidence", PRINCIPAL);
        assertThat(evidence.contentType()).startsWith("image/png");
        // decided: a new request for the mark may follow
        assertThat(api.postJson(CORRECTIONS, json(request(STUDENT, "NGU_VAN", 1, "regular[1]", new BigDecimal("6.5"), null)),
                "GV010@THCS-MK2").status()).isEqualTo(201);
    }

    @Test
    @Order(6)
    void anApprovalAfterTheTermWasUnlockedOrTheMarkChangedIsRefusedWith409AndChangesNothing() {
        String marks = YEAR + "/classes/6A/subjects/TOAN/terms/2/marks";
        var requested = api.postJson(CORRECTIONS, json(request(STUDENT, "TOAN", 2, "midterm", new BigDecimal("8.0"), null)),
                SUBJECT_TEACHER);
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        String id = requested.json().get("id").asString();
        assertThat(requested.json().get("oldValue").decimalValue()).isEqualByComparingTo("7.0");
        assertThat(api.post(CORRECTIONS + "/" + id + "/confirmation", HOMEROOM_TEACHER).status()).isEqualTo(200);

        assertThat(api.post(YEAR + "/classes/6A/terms/2/unlock", PRINCIPAL).status()).isEqualTo(200);
        assertProblem(api.post(CORRECTIONS + "/" + id + "/approval", PRINCIPAL), 409); // edit directly instead
        var entered = api.putJson(marks, json(List.of(Map.of("student", STUDENT,
                "regular", List.of(6.5, 6.0, 7.0, 5.5), "midterm", 7.5, "final", 7.2))), SUBJECT_TEACHER);
        assertThat(entered.status()).as(entered.text()).isEqualTo(200);
        assertThat(api.post(YEAR + "/classes/6A/terms/2/lock", PRINCIPAL).status()).isEqualTo(200);

        var stale = api.post(CORRECTIONS + "/" + id + "/approval", PRINCIPAL);
        assertProblem(stale, 409);
        assertThat(stale.json().get("type").asString()).endsWith("/mark-changed");
        assertThat(storedMark(STUDENT, "TOAN", 2, "midterm")).isEqualTo("7.5");
        assertThat(api.get(CORRECTIONS + "/" + id, PRINCIPAL).json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api.postJson(CORRECTIONS + "/" + id + "/rejection", json(Map.of("reason", "Điểm đã được sửa trước khi khóa")),
                PRINCIPAL).status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void theAuditLogStaysValid() {
        var verification = api.get("/api/v1/audit/verification", "admin");
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).as(verification.text()).isTrue();
    }

    private static Map<String, Object> request(String student, String subject, int term, String field, Object newValue,
                                               Map<String, Object> evidence) {
        var m = new LinkedHashMap<String, Object>();
        m.put("student", student);
        m.put("subject", subject);
        m.put("term", term);
        m.put("field", field);
        m.put("newValue", newValue);
        m.put("reason", "Cộng nhầm điểm bài kiểm tra cuối kì");
        m.put("evidence", evidence);
        return m;
    }

    private static Map<String, Object> evidence(String filename, String contentType, byte[] content) {
        return Map.of("filename", filename, "contentType", contentType, "base64", Base64.getEncoder().encodeToString(content));
    }

    private static byte[] png() {
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        return png;
    }

    private static byte[] json(Object value) {
        return Api.JSON.writeValueAsBytes(value);
    }

    private static void assertPaths(Map<String, Object> request, String path) {
        var answer = api.postJson(CORRECTIONS, json(request), SUBJECT_TEACHER);
        assertProblem(answer, 422);
        List<String> paths = new ArrayList<>();
        answer.json().get("errors").forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).as(answer.text()).contains(path);
    }

    private static void assertProblem(Api.Response answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        // RFC 9457: status is the HTTP status as a number, and no member may shadow it
        assertThat(answer.json().get("status").isNumber()).as(answer.text()).isTrue();
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.text().split("\"status\":", -1)).as("one status member: " + answer.text()).hasSize(2);
        assertThat(answer.json().get("detailVi").asString()).isNotBlank();
        assertThat(answer.json().get("detailEn").asString()).isNotBlank();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static String firstId(String status) {
        return ids(api.get(CORRECTIONS + "?status=" + status, PRINCIPAL).json()).get(0);
    }

    private static BigDecimal termAverage(String student, String subject, String period) {
        JsonNode results = api.get(YEAR + "/students/" + student + "/results", "admin").json();
        for (JsonNode s : results.get("subjects")) {
            if (s.get("code").asString().equals(subject)) {
                return s.get(period).decimalValue();
            }
        }
        throw new AssertionError(subject + " not in " + results);
    }

    /** The mark as the stored year's dataset exports it, e.g. "8.7". */
    private static String storedMark(String student, String subject, int term, String field) {
        JsonNode dataset = api.get(YEAR + "/dataset.json", "admin").json();
        for (JsonNode a : dataset.get("assessments")) {
            if (a.get("student").asString().equals(student) && a.get("subject").asString().equals(subject)
                    && a.get("term").asInt() == term) {
                JsonNode mark = field.startsWith("regular[")
                        ? a.get("regular").get(Integer.parseInt(field.substring(8, field.length() - 1)))
                        : a.get(field);
                return mark.isNumber() ? mark.decimalValue().setScale(1).toPlainString() : mark.asString();
            }
        }
        throw new AssertionError("no marks of " + subject + " term " + term + " for " + student);
    }
}
