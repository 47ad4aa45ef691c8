package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.PendingSignature;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.dss.DssSignatureValidator;
import vn.hocba.signing.pki.CertificateAuthority;

/**
 * Two-step signing with the signer's own key (API.md "Documents"), on the packaged service (embedded default): a
 * teacher's key never leaves the test (as on a USB token); the demo CA certifies it from a PKCS#10 request; the
 * service prepares the teacher's turn, the service is killed with SIGKILL, restarted, and the signature completes
 * from the value made over the data handed out before the crash. The record is then signed to the end and archived,
 * and every signature validates in EU DSS (B-LTA, offline) and in pdfsig.
 */
class TwoStepSigningIT {

    private static final String SCHOOL = "THCS-MK2";
    private static final String BASE = "/api/v1/schools/THCS-MK2/years/2024-2025/students/";
    private static final String STUDENT = "HS2400190"; // 6A
    private static final String TEACHER = "GV012";

    @Test
    void aPendingSignatureMadeWithTheSignersOwnKeyCompletesAfterARestart() throws Exception {
        Path jar = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target/hocba.jar");
        Path workDir = TestDirectories.fresh("two-step");
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String account = TEACHER + "@" + SCHOOL;
        String code;
        JsonNode pending;
        JsonNode elsewhere;
        X509Certificate certificate;

        PackagedApplication app = PackagedApplication.start(jar, workDir);
        try {
            app.awaitReady();
            Api api = new Api(app.port());
            // the demo CA certifies the teacher's own key (proof of possession: the request is signed with it)
            var issued = api.post("/api/v1/accounts/me/certificate-requests", "application/pkcs10",
                    csr(key, "CN=Giáo viên GV012").getBytes(StandardCharsets.US_ASCII), account);
            assertThat(issued.status()).as(issued.text()).isEqualTo(201);
            certificate = Downloads.certificates(issued.body()).get(0);
            assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
            assertThat(certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253,
                    java.util.Map.of("2.5.4.5", "SERIALNUMBER"))).contains("SERIALNUMBER=" + account);
            var huge = api.post("/api/v1/accounts/me/certificate-requests", "application/pkcs10",
                    new byte[2 << 20], account);
            assertThat(huge.status()).as("a body no certificate request needs").isEqualTo(413);
            assertThat(huge.contentType()).startsWith("application/problem+json");
            var traversal = api.postJson("/api/v1/pki/demo/reissues",
                    "{\"school\": \"..\", \"staff\": \"demo-issuing-ca\"}".getBytes(StandardCharsets.UTF_8), "admin");
            assertThat(traversal.status()).as("codes are codes, not paths").isEqualTo(404);
            var garbage = api.post("/api/v1/accounts/me/certificate-requests", "application/pkcs10",
                    "not a request".getBytes(StandardCharsets.US_ASCII), account);
            assertThat(garbage.status()).isEqualTo(422);
            assertThat(garbage.json().get("errors").get(0).get("path").asString()).isEqualTo("body");

            // a certificate that does not name the caller is refused at registration
            var stranger = CertificateAuthority.createRoot("Other CA", "Elsewhere", Clock.systemUTC())
                    .issue("Người Khác", "Elsewhere", "X1");
            var notYours = api.putJson("/api/v1/accounts/me/certificate", json("certificate", stranger.certificate()), account);
            assertThat(notYours.status()).as(notYours.text()).isEqualTo(422);
            assertThat(notYours.json().get("type").asString()).endsWith("/certificate-not-yours");

            var rendered = api.post(BASE + STUDENT + "/record", "admin");
            assertThat(rendered.status()).as(rendered.text()).isIn(200, 201);
            code = rendered.json().get("lookupCode").asString();
            String pendingPath = "/api/v1/documents/" + code + "/signatures/pending";

            // only the registered certificate prepares; someone with no step is refused
            var unregistered = api.postJson(pendingPath, json("certificate", stranger.certificate()), account);
            assertThat(unregistered.status()).as(unregistered.text()).isEqualTo(422);
            assertThat(api.postJson(pendingPath, json("certificate", certificate), "GV022@" + SCHOOL).status())
                    .as("a teacher of another class").isEqualTo(403);
            assertThat(api.postJson(pendingPath, "{\"certificate\": \"QUJD\"}".getBytes(StandardCharsets.UTF_8),
                    "GV022@" + SCHOOL).status()).as("refused before anything they sent is judged").isEqualTo(403);
            assertThat(api.postJson(pendingPath, "{\"certificate\": \"QUJD\", \"pin\": \"1\"}".getBytes(StandardCharsets.UTF_8),
                    "GV022@" + SCHOOL).status()).as("an unknown member too").isEqualTo(403);

            var prepared = api.postJson(pendingPath, json("certificate", certificate), account);
            assertThat(prepared.status()).as(prepared.text()).isEqualTo(201);
            pending = prepared.json();
            assertThat(pending.get("digestAlgorithm").asString()).isEqualTo("SHA256");
            assertThat(Instant.parse(pending.get("expiresAt").asString())).isAfter(Instant.now());
            // a second one for the same turn: below, it stands for one prepared by another version of the service
            var another = api.postJson(pendingPath, json("certificate", certificate), account);
            assertThat(another.status()).as(another.text()).isEqualTo(201);
            elsewhere = another.json();
            app.kill();
        } finally {
            app.close();
        }
        // while the service is down, the second pending signature becomes what another version would have stored: the
        // same data to sign, over a revision this version draws differently (here: a signing time a second later)
        try (var db = java.sql.DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/db/hocba")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
            UUID id = UUID.fromString(elsewhere.get("id").asString());
            PendingSignature stored;
            try (var select = db.prepareStatement("select encoded from pending_signature where id = ?")) {
                select.setObject(1, id);
                try (var rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    stored = PendingSignature.decode(rows.getBytes(1));
                }
            }
            var r = stored.request();
            var drawnElsewhere = new PendingSignature(stored.pdfSha256(), stored.level(), stored.digest(),
                    stored.signatureAlgorithm(), stored.chain(), new SignatureRequest(r.box(), r.signerName(),
                    r.roleLabel(), r.reason(), r.location(), r.signingTime().plusSeconds(1)), stored.dataToSign());
            try (var update = db.prepareStatement("update pending_signature set encoded = ? where id = ?")) {
                update.setBytes(1, drawnElsewhere.encode());
                update.setObject(2, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }

        app = PackagedApplication.start(jar, workDir);
        try {
            app.awaitReady();
            Api api = new Api(app.port());
            String completePath = "/api/v1/documents/" + code + "/signatures/pending/" + pending.get("id").asString();
            byte[] dataToSign = Base64.getDecoder().decode(pending.get("dataToSign").asString());

            byte[] wrong = sign(key, "something else".getBytes(StandardCharsets.UTF_8));
            var refused = api.postJson(completePath, ("{\"signatureValue\": \"" + Base64.getEncoder().encodeToString(wrong)
                    + "\"}").getBytes(StandardCharsets.UTF_8), TEACHER + "@" + SCHOOL);
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("signatureValue");
            var stolen = api.postJson(completePath, ("{\"signatureValue\": \"" + Base64.getEncoder().encodeToString(wrong)
                    + "\"}").getBytes(StandardCharsets.UTF_8), "GV010@" + SCHOOL);
            assertThat(stolen.status()).as("another signer of the record").isEqualTo(404);
            var notInTurn = api.postJson(completePath, ("{\"signatureValue\": \"" + Base64.getEncoder().encodeToString(wrong)
                    + "\"}").getBytes(StandardCharsets.UTF_8), "GV001@" + SCHOOL);
            assertThat(notInTurn.status()).as("the principal, whose turn comes last: the id is not theirs")
                    .isEqualTo(404);
            // bodies that are not the JSON these endpoints read are invalid input (API.md: 422), with the place
            for (String body : List.of("{\"signatureValue\": ", "[1, 2]", "{\"signatureValue\": {\"a\": 1}}")) {
                var unreadable = api.postJson(completePath, body.getBytes(StandardCharsets.UTF_8), TEACHER + "@" + SCHOOL);
                assertThat(unreadable.status()).as(body + " -> " + unreadable.text()).isEqualTo(422);
                assertThat(unreadable.contentType()).startsWith("application/problem+json");
                assertThat(unreadable.json().get("errors").get(0).has("path")).isTrue();
            }
            // a misspelt member is named, not read as a body without it (the value here would otherwise be judged)
            var misspelt = api.postJson(completePath, ("{\"signatureValue\": \"" + Base64.getEncoder().encodeToString(wrong)
                    + "\", \"signaturValue\": \"x\"}").getBytes(StandardCharsets.UTF_8), TEACHER + "@" + SCHOOL);
            assertThat(misspelt.status()).as(misspelt.text()).isEqualTo(422);
            assertThat(misspelt.json().get("type").asString()).endsWith("/unreadable-body");
            assertThat(misspelt.json().get("errors").get(0).get("path").asString()).isEqualTo("signaturValue");
            assertThat(misspelt.json().get("errors").get(0).get("messageVi").asString()).contains("signaturValue");
            var extra = api.postJson("/api/v1/documents/" + code + "/signatures/pending",
                    "{\"certificate\": \"QUJD\", \"pin\": \"1234\"}".getBytes(StandardCharsets.UTF_8), TEACHER + "@" + SCHOOL);
            assertThat(extra.status()).as(extra.text()).isEqualTo(422);
            assertThat(extra.json().get("errors").get(0).get("path").asString()).isEqualTo("pin");
            var wrongType = api.postJson("/api/v1/documents/" + code + "/signatures/pending",
                    "{\"certificate\": [1]}".getBytes(StandardCharsets.UTF_8), TEACHER + "@" + SCHOOL);
            assertThat(wrongType.status()).as(wrongType.text()).isEqualTo(422);
            assertThat(wrongType.json().get("errors").get(0).get("path").asString()).isEqualTo("certificate");

            var notAnId = api.postJson("/api/v1/documents/" + code + "/signatures/pending/notauuid",
                    "{}".getBytes(StandardCharsets.UTF_8), TEACHER + "@" + SCHOOL);
            assertThat(notAnId.status()).isEqualTo(400);
            assertThat(notAnId.json().get("type").asString()).endsWith("/invalid-parameter");
            assertThat(notAnId.json().get("detail").asString()).doesNotContain("Failed to convert");
            assertThat(refused.json().get("errors").get(0).get("messageVi").asString()).isNotBlank();

            // a value over the data to sign that this version cannot rebuild: refused, nothing signed (API.md: 409)
            byte[] elsewhereData = Base64.getDecoder().decode(elsewhere.get("dataToSign").asString());
            var prepareAgain = api.postJson("/api/v1/documents/" + code + "/signatures/pending/"
                    + elsewhere.get("id").asString(), ("{\"signatureValue\": \""
                    + Base64.getEncoder().encodeToString(sign(key, elsewhereData)) + "\"}").getBytes(StandardCharsets.UTF_8),
                    TEACHER + "@" + SCHOOL);
            assertThat(prepareAgain.status()).as(prepareAgain.text()).isEqualTo(409);
            assertThat(prepareAgain.json().get("type").asString()).endsWith("/prepared-elsewhere");
            assertThat(prepareAgain.json().toString()).contains("hãy tạo yêu cầu mới");
            assertThat(api.get(BASE + STUDENT + "/record", "admin").json().get("signatures")).isEmpty();

            // the agent sends its value twice at once (a retry racing the first): one signature, the other told so
            byte[] body = ("{\"signatureValue\": \"" + Base64.getEncoder().encodeToString(sign(key, dataToSign))
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            var first = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.postJson(completePath, body, TEACHER + "@" + SCHOOL));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.postJson(completePath, body, TEACHER + "@" + SCHOOL));
            var answers = List.of(first.get(), second.get());
            assertThat(answers).extracting(a -> a.status()).containsExactlyInAnyOrder(201, 409);
            var loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(loser.json().get("type").asString()).as(loser.text()).endsWith("/pending-completed");
            var completed = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
            JsonNode signatures = completed.json().get("signatures");
            assertThat(signatures).hasSize(1);
            assertThat(signatures.get(0).get("staff").asString()).isEqualTo(TEACHER);
            var sentAgain = api.postJson(completePath, ("{\"signatureValue\": \""
                    + Base64.getEncoder().encodeToString(sign(key, dataToSign)) + "\"}").getBytes(StandardCharsets.UTF_8),
                    TEACHER + "@" + SCHOOL);
            assertThat(sentAgain.status()).as("a pending signature completes once").isEqualTo(409);
            assertThat(sentAgain.json().get("type").asString()).endsWith("/pending-completed");

            // everyone else signs with the keys the service holds; the record is archived at B-LTA
            JsonNode record = completed.json();
            while (record.get("status").asString().equals("SIGNING") && !record.get("awaiting").isEmpty()) {
                for (JsonNode staff : record.get("awaiting")) {
                    var signed = api.post(BASE + STUDENT + "/record/signatures", staff.asString() + "@" + SCHOOL);
                    assertThat(signed.status()).as(signed.text()).isIn(201, 409);
                }
                record = api.get(BASE + STUDENT + "/record", "admin").json();
            }
            JsonNode done = api.awaitArchivedAndIndexed(BASE + STUDENT);
            assertThat(done.get("signatureLevel").asString()).isEqualTo("PAdES-BASELINE-LTA");
            byte[] pdf = api.get(BASE + STUDENT + "/record.pdf", "admin").body();
            List<X509Certificate> trust = Downloads.certificates(api.get("/api/v1/pki/trust-anchors", null).body());
            var report = new DssSignatureValidator(trust).validate(pdf);
            assertThat(report.signatures()).hasSize(done.get("signatures").size());
            assertThat(report.signatures()).allSatisfy(s -> {
                assertThat(s.indication()).as(s.toString()).isEqualTo("TOTAL_PASSED");
                assertThat(s.signatureFormat()).isEqualTo("PAdES-BASELINE-LTA");
            });
            assertThat(report.signatures().stream().map(s -> s.signerSubject()))
                    .anySatisfy(subject -> assertThat(subject).contains(account));
            try (Pdfsig nss = Pdfsig.withTrustAnchors(trust)) {
                assertThat(nss.signatureVerdicts(pdf)).hasSize(done.get("signatures").size()).allSatisfy(v -> {
                    assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                    assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
                });
            }

            // long-term preservation: a new archive timestamp over the archived file, as a new immutable object
            assertThat(api.postJson("/api/v1/archive/timestamp-renewals", "{}".getBytes(StandardCharsets.UTF_8),
                    account).status()).as("administrators only").isEqualTo(403);
            var renewal = api.postJson("/api/v1/archive/timestamp-renewals",
                    "{\"renewBefore\": \"P3650D\"}".getBytes(StandardCharsets.UTF_8), "admin");
            assertThat(renewal.status()).as(renewal.text()).isEqualTo(200);
            assertThat(renewal.json().get("renewed").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(renewal.json().get("failed").asInt()).isZero();
            JsonNode renewed = api.get(BASE + STUDENT + "/record", "admin").json();
            assertThat(renewed.get("sha256").asString()).isNotEqualTo(done.get("sha256").asString());
            byte[] renewedPdf = api.get(BASE + STUDENT + "/record.pdf", "admin").body();
            assertThat(Downloads.sha256(renewedPdf)).isEqualTo(renewed.get("sha256").asString());
            var again = new DssSignatureValidator(trust).validate(renewedPdf);
            assertThat(again.documentTimestamps()).hasSize(2).allSatisfy(t -> assertThat(t.passed()).isTrue());
            assertThat(again.signatures()).allSatisfy(s -> assertThat(s.indication()).isEqualTo("TOTAL_PASSED"));
            // public validation finds both files archived: the renewed one and the one it replaced
            for (byte[] file : List.of(renewedPdf, pdf)) {
                var matched = api.postBytes("/api/v1/validation", "application/pdf", file, null, null);
                assertThat(matched.status()).as(matched.text()).isEqualTo(200);
                assertThat(matched.json().get("archived").get("lookupCode").asString()).isEqualTo(code);
            }
            assertThat(api.get("/api/v1/audit/verification", "admin").json().get("valid").asBoolean()).isTrue();
        } finally {
            app.close();
        }
    }

    private static String csr(KeyPair key, String subject) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(request);
        }
        return out.toString();
    }

    private static byte[] sign(KeyPair key, byte[] data) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update(data);
        return signature.sign();
    }

    private static byte[] json(String member, X509Certificate certificate) throws Exception {
        return ("{\"" + member + "\": \"" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

}
