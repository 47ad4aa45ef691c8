package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.csc.CscTestServer;
import vn.hocba.signing.dss.DssSignatureValidator;

/**
 * The principal's key is held by a remote signing service speaking the CSC API (the project's test server on
 * loopback), configured by {@code hocba.signing.remote.*}: a batch countersigns several records with ONE
 * {@code credentials/authorize} for all their hashes and the PIN given with the batch; a batch without a PIN is
 * refused (422), one with a wrong PIN fails every document without signing any; the archived files validate at B-LTA in
 * EU DSS and in pdfsig, the principal's signature made by the remote key.
 */
class RemoteBatchSigningIT {

    private static final String SCHOOL = "THCS-MK2";
    private static final String BASE = "/api/v1/schools/THCS-MK2/years/2024-2025/students/";
    private static final String PRINCIPAL = "GV001";
    private static final List<String> STUDENTS = List.of("HS2400199", "HS2400208", "HS2400217");
    private static final char[] PIN = "135790".toCharArray();
    /** The record the principal countersigns from the pages. */
    private static final String PAGE_STUDENT = "HS2400226";

    @Test
    void aRemoteKeyCountersignsABatchWithOneAuthorization() throws Exception {
        Path jar = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target/hocba.jar");
        Path workDir = TestDirectories.fresh("remote-batch");
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String principal = PRINCIPAL + "@" + SCHOOL;

        // the school's signing service holds the principal's key; the demo CA certified it
        List<X509Certificate> chain;
        PackagedApplication first = PackagedApplication.start(jar, workDir);
        try {
            first.awaitReady();
            var issued = new Api(first.port()).post("/api/v1/accounts/me/certificate-requests", "application/pkcs10",
                    csr(key).getBytes(StandardCharsets.US_ASCII), principal);
            assertThat(issued.status()).as(issued.text()).isEqualTo(201);
            chain = Downloads.certificates(issued.body());
        } finally {
            first.close();
        }

        String access = CscTestServer.randomAccessToken();
        try (CscTestServer csc = CscTestServer.start(access, PIN,
                List.of(CscTestServer.Credential.software(principal, key.getPrivate(), chain)))) {
            PackagedApplication app = PackagedApplication.start(jar, workDir, List.of(
                    "-Dhocba.signing.remote.url=" + csc.baseUri(), "-Dhocba.signing.remote.version=V2",
                    "-Dhocba.signing.remote.access-token=" + access));
            try {
                app.awaitReady();
                Api api = new Api(app.port());
                List<String> codes = new ArrayList<>();
                for (String student : STUDENTS) {
                    codes.add(signedUpToThePrincipal(api, student));
                }
                String listed = "\"documents\": [\"" + String.join("\", \"", codes) + "\"]";

                var noPin = api.postJson("/api/v1/signing-batches", ("{" + listed + "}").getBytes(StandardCharsets.UTF_8),
                        principal);
                assertThat(noPin.status()).as(noPin.text()).isEqualTo(422);
                assertThat(noPin.json().get("errors").get(0).get("path").asString()).isEqualTo("pin");

                int before = csc.authorizations();
                var wrong = api.postJson("/api/v1/signing-batches",
                        ("{" + listed + ", \"pin\": \"000000\"}").getBytes(StandardCharsets.UTF_8), principal);
                assertThat(wrong.status()).as(wrong.text()).isEqualTo(202);
                JsonNode refused = awaitDone(api, wrong.json().get("id").asString(), principal);
                assertThat(refused.get("signed").asInt()).isZero();
                assertThat(refused.get("failed").asInt()).isEqualTo(codes.size());

                int infoBefore = csc.credentialInfoRequests();
                var batch = api.postJson("/api/v1/signing-batches",
                        ("{" + listed + ", \"pin\": \"" + new String(PIN) + "\"}").getBytes(StandardCharsets.UTF_8), principal);
                assertThat(batch.status()).as(batch.text()).isEqualTo(202);
                assertThat(batch.json().get("status").asString()).isEqualTo("RUNNING");
                JsonNode done = awaitDone(api, batch.json().get("id").asString(), principal);
                assertThat(csc.credentialInfoRequests() - infoBefore)
                        .as("the credential's chain asked at most once for choosing the method and authorizing").isLessThanOrEqualTo(1);
                assertThat(done.get("signed").asInt()).as(done.toString()).isEqualTo(codes.size());
                assertThat(csc.authorizations() - before).as("one authorization for the whole batch (the wrong PIN got none)")
                        .isEqualTo(1);

                // the same from the pages: the confirmation asks for the PIN, and the batch it starts signs with it
                String onPage = signedUpToThePrincipal(api, PAGE_STUDENT);
                var pages = new PageSession(app.port(), principal, "demo");
                String confirm = pages.post("/work/sign", "document=" + onPage).body();
                assertThat(confirm).as("the confirmation asks for the remote service's PIN").contains("name=\"pin\"")
                        .contains(onPage);
                var started = pages.post("/work/signing-batches", "document=" + onPage + "&pin=" + new String(PIN));
                assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
                String location = started.headers().firstValue("Location").orElseThrow();
                assertThat(location).as("the batch's progress page, not the worklist's error").contains("/signing-batches/");
                JsonNode fromPage = awaitDone(api, location.substring(location.lastIndexOf('/') + 1), principal);
                assertThat(fromPage.get("signed").asInt()).as(fromPage.toString()).isEqualTo(1);
                assertThat(csc.authorizations() - before).as("one more authorization, for the page's batch").isEqualTo(2);

                List<X509Certificate> trust = Downloads.certificates(api.get("/api/v1/pki/trust-anchors", null).body());
                for (String student : STUDENTS) {
                    JsonNode archived = api.awaitArchivedAndIndexed(BASE + student);
                    assertThat(archived.get("signatureLevel").asString()).isEqualTo("PAdES-BASELINE-LTA");
                    byte[] pdf = api.get(BASE + student + "/record.pdf", "admin").body();
                    var report = new DssSignatureValidator(trust).validate(pdf);
                    assertThat(report.signatures()).allSatisfy(s ->
                            assertThat(s.indication()).as(s.toString()).isEqualTo("TOTAL_PASSED"));
                    var last = report.signatures().get(report.signatures().size() - 1);
                    assertThat(last.signerSubject()).contains(principal);
                    try (Pdfsig nss = Pdfsig.withTrustAnchors(trust)) {
                        assertThat(nss.signatureVerdicts(pdf)).hasSize(report.signatures().size()).allSatisfy(v -> {
                            assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                            assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
                        });
                    }
                }
            } finally {
                app.close();
            }
        }
    }

    /** Renders the record and has every signer before the principal sign with the service's keys; its lookup code. */
    private static String signedUpToThePrincipal(Api api, String student) {
        var rendered = api.post(BASE + student + "/record", "admin");
        assertThat(rendered.status()).as(rendered.text()).isIn(200, 201);
        JsonNode record = rendered.json();
        for (int round = 0; round < 40; round++) {
            List<String> awaiting = new ArrayList<>();
            record.get("awaiting").forEach(a -> awaiting.add(a.asString()));
            if (awaiting.equals(List.of(PRINCIPAL))) {
                return record.get("lookupCode").asString();
            }
            for (String staff : awaiting) {
                var signed = api.post(BASE + student + "/record/signatures", staff + "@" + SCHOOL);
                assertThat(signed.status()).as(signed.text()).isIn(201, 409);
            }
            record = api.get(BASE + student + "/record", "admin").json();
        }
        throw new AssertionError(student + " never reached the principal: " + record);
    }

    private static JsonNode awaitDone(Api api, String id, String account) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode batch = api.get("/api/v1/signing-batches/" + id, account).json();
            if (batch.get("status").asString().equals("DONE")) {
                return batch;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("batch " + id + " not done within 2 minutes");
    }

    /** A browser's session without a browser: the login form, its cookie, and each form's CSRF token. */
    private static String csr(KeyPair key) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + PRINCIPAL), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(request);
        }
        return out.toString();
    }

}
