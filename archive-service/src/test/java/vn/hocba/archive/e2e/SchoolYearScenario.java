package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import vn.hocba.archive.grading.SubjectGrade;
import vn.hocba.archive.results.StudentResults;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.signing.PdfAValidation;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.dss.DssSignatureValidator;

/**
 * A school year of one class, over HTTP, as the regulations run it (issue 14 "Done when"): marks entered by the
 * subject teacher (another teacher refused), rendering refused before the lock, the lock, an edit refused after it, the
 * class's records, gradebooks and summary books signed in their sequences and archived, a correction requested,
 * approved too early (refused), confirmed and approved; then every document that printed the old mark is superseded by
 * a new version that carries the count, the old ones stay downloadable and valid, the new ones are signed and archived,
 * and the results are the grading engine's. Runs on the embedded default and on PostgreSQL through
 * {@link EndToEndScenario}.
 */
interface SchoolYearScenario {

    String YEAR = "2024-2025";
    String STUDENT = "HS2400001";

    Api api();

    SchoolDirectory directory();

    boolean auditChainValid();

    @Test
    default void aYearOfOneClassFromMarkEntryToSignedArchivedDocumentsAndACorrectionThatReissuesThem() throws Exception {
        Api api = api();
        String school = "THCS-NAM";
        String y = importAsOwnSchool(api, school);
        String principal = "GV001@" + school;
        String maths = "GV011@" + school;      // teaches TOAN in 6A
        String homeroom = "GV012@" + school;   // homeroom teacher of 6A
        String civics = "GV013@" + school;     // teaches GDCD in 6A, not TOAN
        String marks = y + "/classes/6A/subjects/TOAN/terms/1/marks";
        byte[] sheet = json("[{\"student\": \"" + STUDENT + "\", \"regular\": [8, 7.5, 9, 8], \"midterm\": 7, \"final\": 8.5}]");

        // entry by the class-subject's teacher; another teacher of the class is refused
        var entered = api.putJson(marks, sheet, maths);
        assertThat(entered.status()).as(entered.text()).isEqualTo(200);
        assertThat(api.putJson(marks, sheet, civics).status()).isEqualTo(403);

        // nothing renders for signature before the lock
        var earlyRecord = api.post(y + "/students/" + STUDENT + "/record", "admin");
        assertThat(earlyRecord.status()).as(earlyRecord.text()).isEqualTo(409);
        var earlyBook = api.postJson(y + "/classes/6A/gradebooks", json("{\"subject\": \"TOAN\", \"period\": \"TERM1\"}"), maths);
        assertThat(earlyBook.status()).as(earlyBook.text()).isEqualTo(409);
        assertThat(earlyBook.json().get("type").asString()).endsWith("/not-locked");

        // the principal locks the year; an edit after the lock is refused
        assertThat(api.post(y + "/lock", principal).status()).isEqualTo(200);
        var lateEdit = api.putJson(marks, json(new String(sheet, java.nio.charset.StandardCharsets.UTF_8).replace("8.5", "6")), maths);
        assertThat(lateEdit.status()).as(lateEdit.text()).isEqualTo(409);

        // the class's documents: bad requests are 422 with their path, an unknown subject 404
        var bad = api.postJson(y + "/classes/6A/gradebooks", json("{\"subject\": \"TOAN\", \"period\": \"TERM3\"}"), maths);
        assertThat(bad.status()).as(bad.text()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("path").asString()).isEqualTo("period");
        for (var body : Map.of("{\"summary\": \"yes\", \"period\": \"YEAR\"}", "summary",
                "{\"subject\": 5, \"period\": \"TERM1\"}", "subject",
                "{\"subject\": \"TOAN\", \"period\": \"TERM1\", \"foo\": 1}", "foo",
                "{\"subject\": \"TOAN\", \"summary\": true, \"period\": \"YEAR\"}", "subject",
                "[]", "",
                "{\"subject\": \"" + "A".repeat(20_000) + "\", \"period\": \"TERM1\"}", "").entrySet()) {
            var refused = api.postJson(y + "/classes/6A/gradebooks", json(body.getKey()), maths);
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo(body.getValue());
            assertThat(refused.body().length).as("a refusal never echoes the input").isLessThan(2_000);
        }
        assertThat(api.postJson(y + "/classes/6A/gradebooks", json("{\"subject\": \"HOA_HOC\", \"period\": \"TERM1\"}"),
                "admin").status()).isEqualTo(404);
        assertThat(api.postJson(y + "/classes/6A/gradebooks", json("{\"subject\": \"TOAN\", \"period\": \"TERM1\"}"),
                "GV022@" + school).status()).as("a teacher of other classes").isEqualTo(403);
        assertThat(api.postJson(y + "/classes/6A/gradebooks", json("{\"subject\": \"TOAN\", \"period\": \"TERM3\"}"),
                "GV022@" + school).status()).as("refused before anything they sent is judged").isEqualTo(403);

        Map<String, JsonNode> first = new TreeMap<>();
        first.put("record", render(api, y + "/students/" + STUDENT + "/record", null, 201));
        first.put("TOAN TERM1", render(api, y + "/classes/6A/gradebooks", "{\"subject\": \"TOAN\", \"period\": \"TERM1\"}", 201));
        first.put("TOAN TERM2", render(api, y + "/classes/6A/gradebooks", "{\"subject\": \"TOAN\", \"period\": \"TERM2\"}", 201));
        first.put("TOAN YEAR", render(api, y + "/classes/6A/gradebooks", "{\"subject\": \"TOAN\", \"period\": \"YEAR\"}", 201));
        first.put("summary TERM1", render(api, y + "/classes/6A/gradebooks", "{\"summary\": true, \"period\": \"TERM1\"}", 201));
        first.put("summary YEAR", render(api, y + "/classes/6A/gradebooks", "{\"summary\": true, \"period\": \"YEAR\"}", 201));
        // rendering again answers the existing version
        var again = api.postJson(y + "/classes/6A/gradebooks", json("{\"subject\": \"TOAN\", \"period\": \"TERM1\"}"), maths);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("lookupCode").asString()).isEqualTo(first.get("TOAN TERM1").get("lookupCode").asString());

        // each in its own sequence: a gradebook's teacher, then homeroom, then principal; the summary book without a
        // subject step; out of turn refused
        JsonNode book = first.get("TOAN TERM1");
        assertThat(book.get("documentType").asString()).isEqualTo("CLASS_GRADEBOOK");
        assertThat(book.get("subject").asString()).isEqualTo("TOAN");
        assertThat(book.get("period").asString()).isEqualTo("TERM1");
        assertThat(names(book.get("awaiting"))).containsExactly("GV011");
        assertThat(api.post(documentPath(book) + "/signatures", homeroom).status()).isEqualTo(409);
        assertThat(api.post(documentPath(book) + "/signatures", civics).status()).isEqualTo(403);
        JsonNode summary = first.get("summary TERM1");
        assertThat(summary.get("documentType").asString()).isEqualTo("CLASS_SUMMARY");
        assertThat(names(summary.get("awaiting"))).containsExactly("GV012");

        Map<String, JsonNode> archived = new TreeMap<>();
        for (var e : first.entrySet()) {
            archived.put(e.getKey(), signAll(api, e.getValue(), school));
        }
        JsonNode signedBook = archived.get("TOAN TERM1");
        assertThat(signedBook.get("signatures")).hasSize(3);
        assertThat(roles(signedBook)).containsExactly("SUBJECT_TEACHER", "HOMEROOM_TEACHER", "PRINCIPAL");
        assertThat(roles(archived.get("summary YEAR"))).containsExactly("HOMEROOM_TEACHER", "PRINCIPAL");
        List<X509Certificate> trust = Downloads.certificates(api.get("/api/v1/pki/trust-anchors", null).body());
        for (String name : List.of("TOAN TERM1", "summary YEAR")) {
            byte[] pdf = pdf(api, archived.get(name));
            assertValid(pdf, trust, archived.get(name).get("signatures").size());
            assertThat(PdfAValidation.pdfA2bFailures(pdf)).as(name).isEmpty();
        }
        // archived gradebooks are found by their title, without diacritics
        assertThat(awaitSearch(api, "so theo doi toan 6A", archived.get("TOAN TERM1"))).isTrue();

        // once documents print a term, it stays locked: its marks change only through a correction
        var unlock = api.post(y + "/classes/6A/terms/1/unlock", principal);
        assertThat(unlock.status()).as(unlock.text()).isEqualTo(409);
        assertThat(unlock.json().get("type").asString()).endsWith("/documents-issued");

        // a correction after the lock: requested by the subject teacher with its evidence
        byte[] evidence = pdf(api, archived.get("TOAN TERM1")); // any PDF stands for the scanned test paper
        ObjectNode request = (ObjectNode) Api.JSON.readTree("""
                {"student": "HS2400001", "subject": "TOAN", "term": 1, "field": "final", "newValue": 6,
                 "reason": "Cộng nhầm điểm bài kiểm tra cuối kì"}""");
        request.putObject("evidence").put("filename", "bai-kiem-tra-cuoi-ki.pdf").put("contentType", "application/pdf")
                .put("base64", Base64.getEncoder().encodeToString(evidence));
        var requested = api.postJson(y + "/corrections", Api.JSON.writeValueAsBytes(request), maths);
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        assertThat(requested.json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(requested.json().get("oldValue").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(requested.json().get("newValue").decimalValue()).isEqualByComparingTo("6");
        String correction = y + "/corrections/" + requested.json().get("id").asString();

        // approval before the homeroom teacher's confirmation is refused; then confirmed and approved
        var early = api.post(correction + "/approval", principal);
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(api.post(correction + "/confirmation", maths).status()).as("only the homeroom teacher confirms")
                .isEqualTo(403);
        var confirmed = api.post(correction + "/confirmation", homeroom);
        assertThat(confirmed.status() / 100).as(confirmed.text()).isEqualTo(2);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api.post(correction + "/approval", homeroom).status()).as("only the principal approves").isEqualTo(403);
        var approved = api.post(correction + "/approval", principal);
        assertThat(approved.status() / 100).as(approved.text()).isEqualTo(2);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");

        // every document that printed the old mark is superseded by a new version; the others stand
        Map<String, JsonNode> second = new TreeMap<>();
        for (var e : archived.entrySet()) {
            JsonNode old = api.get(documentPath(e.getValue()), "admin").json();
            if (e.getKey().equals("TOAN TERM2")) {
                assertThat(old.get("status").asString()).as("term 2 printed no term-1 mark").isEqualTo("ARCHIVED");
                continue;
            }
            assertThat(old.get("status").asString()).as(e.getKey()).isEqualTo("SUPERSEDED");
            JsonNode current = current(api, y, e.getKey());
            assertThat(current.get("version").asInt()).as(e.getKey()).isEqualTo(2);
            assertThat(current.get("supersedes").asString()).isEqualTo(old.get("lookupCode").asString());
            assertThat(current.get("lookupCode").asString()).isNotEqualTo(old.get("lookupCode").asString());
            assertThat(current.get("corrections").asInt()).as(e.getKey()).isEqualTo(1);
            assertThat(current.get("status").asString()).isEqualTo("SIGNING");
            assertThat(current.get("signatures")).isEmpty();
            second.put(e.getKey(), current);

            // the old version stays downloadable under its own lookup code, byte for byte, and still validates
            byte[] oldPdf = pdf(api, old);
            assertThat(Downloads.sha256(oldPdf)).isEqualTo(old.get("sha256").asString());
            if (e.getKey().equals("record") || e.getKey().equals("TOAN TERM1")) {
                assertValid(oldPdf, trust, old.get("signatures").size());
            }
        }
        assertThat(second).containsOnlyKeys("record", "TOAN TERM1", "TOAN YEAR", "summary TERM1", "summary YEAR");
        String recordText = text(pdf(api, second.get("record")));
        assertThat(recordText).contains("Trong trang này có sửa chữa ở 1 chỗ, thuộc môn học: Toán.");
        assertThat(recordText).contains("thay thế bản có mã tra cứu: " + second.get("record").get("supersedes").asString());
        String bookText = text(pdf(api, second.get("TOAN TERM1")));
        assertThat(bookText).contains("Trong sổ này có sửa chữa ở 1 chỗ, thuộc môn học: Toán.");
        assertThat(bookText).contains("thay thế bản có mã tra cứu: " + second.get("TOAN TERM1").get("supersedes").asString());
        // a superseded version takes no signature
        var onOld = api.post(documentPath(archived.get("TOAN TERM1")) + "/signatures", maths);
        assertThat(onOld.status()).isEqualTo(409);

        // the new versions collect their signatures again and are archived
        for (var e : second.entrySet()) {
            JsonNode done = signAll(api, e.getValue(), school);
            assertThat(done.get("status").asString()).isEqualTo("ARCHIVED");
            if (e.getKey().equals("TOAN TERM1")) {
                byte[] pdf = pdf(api, done);
                assertValid(pdf, trust, 3);
                assertThat(PdfAValidation.pdfA2bFailures(pdf)).isEmpty();
            }
        }

        // the public page of the superseded record says so and links the new version; its file still validates as
        // the archived version 1, and the new one's page is the current version 2
        String oldCode = second.get("record").get("supersedes").asString();
        String newCode = second.get("record").get("lookupCode").asString();
        var oldPage = api.get("/verify/" + oldCode, null);
        assertThat(oldPage.status()).isEqualTo(200);
        assertThat(oldPage.text()).contains("ĐÃ ĐƯỢC THAY THẾ", "href=\"/verify/" + newCode + "\"");
        assertThat(api.get("/verify/" + oldCode + "?lang=en", null).text()).contains("SUPERSEDED");
        var newPage = api.get("/verify/" + newCode, null);
        assertThat(newPage.status()).isEqualTo(200);
        assertThat(newPage.text()).contains("Đã ký đủ và lưu trữ").doesNotContain("ĐÃ ĐƯỢC THAY THẾ");
        var oldReport = api.postBytes("/api/v1/validation", "application/pdf",
                api.get("/verify/" + oldCode + "/pdf", null).body(), null, null);
        assertThat(oldReport.status()).as(oldReport.text()).isEqualTo(200);
        assertThat(oldReport.json().get("archived").get("lookupCode").asString()).isEqualTo(oldCode);
        assertThat(oldReport.json().get("archived").get("version").asInt()).isEqualTo(1);
        oldReport.json().get("signatures").forEach(sig -> assertThat(sig.get("indication").asString()).isEqualTo("TOTAL_PASSED"));

        // the results are the grading engine's on the corrected mark: (8 + 7.5 + 9 + 8 + 2·7 + 3·6) / 9 = 7.2
        var results = api.get(y + "/students/" + STUDENT + "/results", "admin");
        assertThat(results.status()).isEqualTo(200);
        JsonNode maths1 = subject(results.json(), "TOAN").get("term1");
        assertThat(maths1.decimalValue()).isEqualByComparingTo("7.2");
        var engine = StudentResults.evaluate(directory().studentYear(school, YEAR, STUDENT).orElseThrow());
        var engineMaths = engine.subjects().stream().filter(s -> s.code().equals("TOAN")).findFirst().orElseThrow();
        assertThat(new java.math.BigDecimal(SubjectGrade.jsonValueOf(engineMaths.term1()).toString()))
                .isEqualByComparingTo(maths1.decimalValue());

        // the correction is kept with its steps, and the audit chain is intact
        var listed = api.get(y + "/corrections?status=APPROVED", principal);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.text()).contains(requested.json().get("id").asString());
        assertThat(auditChainValid()).isTrue();
    }

    /** The class read at once (gradebooks print whole classes) holds exactly what each student's year holds. */
    @Test
    default void aClassReadAtOnceHoldsWhatEachStudentsYearHolds() throws Exception {
        importAsOwnSchool(api(), "THCS-LOP");
        var students = directory().studentsOfClass("THCS-LOP", YEAR, "6A");
        var classYear = directory().classYear("THCS-LOP", YEAR, "6A");
        assertThat(classYear).hasSize(students.size()).isNotEmpty();
        for (int i = 0; i < students.size(); i++) {
            var one = directory().studentYear("THCS-LOP", YEAR, students.get(i).id()).orElseThrow();
            var fromClass = classYear.get(i);
            assertThat(fromClass.student()).isEqualTo(one.student());
            assertThat(fromClass.schoolClass()).isEqualTo(one.schoolClass());
            assertThat(fromClass.subjects()).isEqualTo(one.subjects());
            assertThat(fromClass.staff()).isEqualTo(one.staff());
            assertThat(fromClass.assessments()).containsExactlyInAnyOrderElementsOf(one.assessments());
            assertThat(fromClass.conduct()).isEqualTo(one.conduct());
            assertThat(fromClass.daysAbsent()).isEqualTo(one.daysAbsent());
            assertThat(fromClass.homeroomComment()).isEqualTo(one.homeroomComment());
        }
        assertThat(directory().classYear("THCS-LOP", YEAR, "9Z")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String importAsOwnSchool(Api api, String code) throws Exception {
        var doc = (ObjectNode) Api.JSON.readTree(EndToEndScenario.demoDataset());
        ((ObjectNode) doc.get("school")).put("code", code);
        var imported = api.postJson("/api/v1/imports", Api.JSON.writeValueAsBytes(doc), "admin");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        return "/api/v1/schools/" + code + "/years/" + YEAR;
    }

    private static JsonNode render(Api api, String path, String body, int status) {
        var answer = body == null ? api.post(path, "admin") : api.postJson(path, json(body), "admin");
        assertThat(answer.status()).as(path + " " + body + ": " + answer.text()).isEqualTo(status);
        return answer.json();
    }

    /** The current version of one of the scenario's documents, found by its series. */
    private static JsonNode current(Api api, String y, String name) {
        if (name.equals("record")) {
            return api.get(y + "/students/" + STUDENT + "/record", "admin").json();
        }
        String[] parts = name.split(" ");
        String body = parts[0].equals("summary") ? "{\"summary\": true, \"period\": \"" + parts[1] + "\"}"
                : "{\"subject\": \"" + parts[0] + "\", \"period\": \"" + parts[1] + "\"}";
        var answer = api.postJson(y + "/classes/6A/gradebooks", json(body), "admin");
        assertThat(answer.status()).as("the current version exists: " + answer.text()).isEqualTo(200);
        return answer.json();
    }

    /** Every planned signer signs their turn, in the order the document asks for; returns it once ARCHIVED. */
    private static JsonNode signAll(Api api, JsonNode document, String school) {
        String path = documentPath(document);
        var awaiting = api.get(path, "admin").json().get("awaiting");
        while (!awaiting.isEmpty()) {
            for (JsonNode staff : awaiting) {
                var signed = api.post(path + "/signatures", staff.asString() + "@" + school);
                assertThat(signed.status()).as(staff.asString() + " signs " + path + ": " + signed.text()).isEqualTo(201);
            }
            awaiting = api.get(path, "admin").json().get("awaiting");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode now = api.get(path, "admin").json();
        while (!now.get("status").asString().equals("ARCHIVED") && System.nanoTime() < deadline) {
            sleep(100);
            now = api.get(path, "admin").json();
        }
        assertThat(now.get("status").asString()).as("archived within a minute: " + now).isEqualTo("ARCHIVED");
        return now;
    }

    private static boolean awaitSearch(Api api, String q, JsonNode document) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var hits = api.get("/api/v1/search?size=100&q=" + q.replace(" ", "%20"), "admin");
            if (hits.status() == 200 && hits.text().contains(document.get("lookupCode").asString())) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    private static String documentPath(JsonNode document) {
        return "/api/v1/documents/" + document.get("lookupCode").asString();
    }

    private static byte[] pdf(Api api, JsonNode document) {
        var pdf = api.get(documentPath(document) + "/pdf", "admin");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        return pdf.body();
    }

    /** EU DSS against the published trust anchors, and poppler's pdfsig with them trusted in NSS: every signature. */
    private static void assertValid(byte[] pdf, List<X509Certificate> trust, int signatures) throws Exception {
        var report = new DssSignatureValidator(trust).validate(pdf);
        assertThat(report.signatures()).hasSize(signatures);
        report.signatures().forEach(s -> assertThat(s.indication()).as(s.toString()).isEqualTo("TOTAL_PASSED"));
        assertThat(Pdfsig.available()).as("poppler's pdfsig must be installed (bin/test installs it)").isTrue();
        try (Pdfsig nss = Pdfsig.withTrustAnchors(trust)) {
            assertThat(nss.signatureVerdicts(pdf)).hasSize(signatures).allSatisfy(v -> {
                assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<String> roles(JsonNode document) {
        List<String> out = new ArrayList<>();
        document.get("signatures").forEach(s -> out.add(s.get("role").asString()));
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static JsonNode subject(JsonNode results, String code) {
        for (JsonNode s : results.get("subjects")) {
            if (s.get("code").asString().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no subject " + code + " in " + results);
    }

    private static byte[] json(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }



    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
