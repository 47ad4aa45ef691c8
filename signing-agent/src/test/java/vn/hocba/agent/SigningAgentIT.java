package vn.hocba.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import vn.hocba.signing.SignatureResult;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.dss.DssSignatureValidator;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.token.SoftHsm;

/**
 * The agent end to end: the packaged service on the embedded default (demo school THCS-MK2, year locked), a SoftHSM2
 * token whose key was generated on it (its certificate from a CA the service does not know, as a token fresh from
 * its vendor), and the packaged agent run as a teacher runs it: {@code java -jar hocba-signing-agent.jar --enroll sign
 * CODE}. GV011 teaches TOAN in 6A, so the record of HS2400001 awaits them once rendered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningAgentIT {

    private static final String SCHOOL = "THCS-MK2";
    private static final String TEACHER = "GV011@" + SCHOOL;
    private static final String RECORD = "/api/v1/schools/THCS-MK2/years/2024-2025/students/HS2400001/record";
    private static final String PASSWORD_ENV = "HOCBA_AGENT_IT_PASSWORD";
    private static final String PIN_ENV = "HOCBA_AGENT_IT_PIN";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path workDir;
    private static ServiceProcess service;
    private static SoftHsm hsm;
    private static String lookupCode;

    @BeforeAll
    static void start() throws Exception {
        Path target = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
        Files.createDirectories(target);
        workDir = Files.createTempDirectory(target, "agent-it-");
        service = ServiceProcess.start(Path.of(System.getProperty("hocba.service.jar",
                "../archive-service/target/hocba.jar")), workDir);
        hsm = SoftHsm.create();
        CertificateAuthority vendor = CertificateAuthority.createRoot("Token Vendor CA", "Token Vendor",
                Clock.systemUTC());
        hsm.generateKey("gv011", vendor, "Nguyễn Văn Toán", "Trường THCS Mạo Khê II", "GV011");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (hsm != null) {
            hsm.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private record Answer(int status, byte[] body) {
        JsonNode json() throws IOException {
            return ServiceClient.JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Answer call(String method, String path, String account) throws Exception {
        String password = account.equals("admin") ? "admin" : "demo";
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.body());
    }

    private static Answer callJson(String method, String path, String account, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.body());
    }

    private record Run(int exit, String out) {
    }

    /** The packaged agent in a process of its own, as on the teacher's PC; secrets in its environment only. */
    private static Run agentJar(List<String> args) throws Exception {
        Path jar = Path.of(System.getProperty("hocba.agent.jar", "target/hocba-signing-agent.jar"));
        assertThat(jar).as("the runnable jar (mvn package)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(ServiceProcess.java(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_ENV, "demo");
        builder.environment().put(PIN_ENV, new String(hsm.pin()));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the agent ends").isTrue();
        System.out.print("agent: " + out); // what the teacher sees, in the failsafe report
        return new Run(p.exitValue(), out);
    }

    /** The agent's main in this JVM (SOFTHSM2_CONF comes from failsafe), with an environment of its own. */
    private static Run agentInProcess(List<String> args, String pin) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>(Map.of(PASSWORD_ENV, "demo", PIN_ENV, pin));
        int exit = Main.run(args.toArray(String[]::new), env, question -> null, out, out);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private static List<String> tokenOptions() {
        return new ArrayList<>(List.of("--server", service.baseUrl(), "--user", TEACHER,
                "--password-env", PASSWORD_ENV, "--pkcs11-module", hsm.module().toString(),
                "--slot", Long.toString(hsm.slot().id()), "--key-label", "gv011", "--pin-env", PIN_ENV,
                "--lang", "en"));
    }

    private static List<X509Certificate> trustAnchors() throws Exception {
        Answer anchors = call("GET", "/api/v1/pki/trust-anchors", "admin");
        assertThat(anchors.status()).as(anchors.text()).isEqualTo(200);
        List<X509Certificate> out = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(anchors.body()))) {
            out.add((X509Certificate) c);
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    @Test
    @Order(1)
    void theTeacherEnrolsTheTokenAndSignsTheirTurnWithTheAgentJar() throws Exception {
        Answer rendered = call("POST", RECORD, "admin");
        assertThat(rendered.status()).as(rendered.text()).isIn(200, 201);
        lookupCode = rendered.json().get("lookupCode").asText();
        assertThat(rendered.json().get("awaiting").toString()).contains("\"GV011\"");

        Path certificate = workDir.resolve("gv011.pem");
        List<String> args = tokenOptions();
        args.addAll(List.of("--enroll", "--certificate", certificate.toString(), "sign", lookupCode));
        Run run = agentJar(args);

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("ENROLLED  ").contains(lookupCode + "  SIGNED  1 turn; status SIGNING");
        assertThat(run.out()).as("no secret is printed").doesNotContain(new String(hsm.pin()))
                .doesNotContain(Base64.getEncoder().encodeToString((TEACHER + ":demo").getBytes(StandardCharsets.UTF_8)));
        assertThat(certificate).as("the certificate issued is kept for the next runs").isRegularFile();

        JsonNode document = call("GET", "/api/v1/documents/" + lookupCode, TEACHER).json();
        List<String> signers = new ArrayList<>();
        document.get("signatures").forEach(s -> signers.add(s.get("staff").asText()));
        assertThat(signers).containsExactly("GV011");
        assertThat(document.get("awaiting").toString()).doesNotContain("GV011");

        // the current PDF carries the token's signature: B-T, not yet LTA, so offline revocation is indeterminate
        Answer pdf = call("GET", "/api/v1/documents/" + lookupCode + "/pdf", TEACHER);
        assertThat(pdf.status()).isEqualTo(200);
        ValidationReport report = new DssSignatureValidator(trustAnchors()).validate(pdf.body());
        assertThat(report.signatures()).hasSize(1);
        SignatureResult signature = report.signatures().get(0);
        assertThat(signature.signerSubject()).contains("GV011");
        assertThat(signature.indication()).as(signature.toString()).isNotEqualTo("TOTAL_FAILED");
        assertThat(signature.signatureFormat()).isEqualTo("PAdES-BASELINE-T");
        // the certificate saved is a chain that leads to the service's trust anchors (PKIX, revocation aside)
        List<X509Certificate> saved = ServiceClient.certificates(Files.readAllBytes(certificate));
        List<X509Certificate> anchors = trustAnchors();
        List<X509Certificate> path = saved.stream().filter(c -> !anchors.contains(c)).toList();
        Set<TrustAnchor> trust = new HashSet<>();
        anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
        PKIXParameters parameters = new PKIXParameters(trust);
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        try (var token = hsm.open("gv011")) {
            assertThat(path.get(0).getPublicKey()).as("certified: the token's key")
                    .isEqualTo(token.certificate().getPublicKey());
        }
    }

    @Test
    @Order(2)
    void aSecondRunOnTheSameDocumentFailsWithTheServicesReasonAndANonZeroExit() {
        List<String> args = tokenOptions();
        args.addAll(List.of("--certificate", workDir.resolve("gv011.pem").toString(), "sign", lookupCode));
        Run run = agentInProcess(args, new String(hsm.pin()));
        assertThat(run.exit()).as(run.out()).isEqualTo(SigningAgent.SOME_FAILED);
        assertThat(run.out()).startsWith(lookupCode + "  FAILED  HTTP 409: ");
    }

    @Test
    @Order(3)
    void aWrongPinStopsTheAgentBeforeAnyRequestAndIsNotPrinted() {
        List<String> args = tokenOptions();
        args.addAll(List.of("sign", lookupCode));
        Run run = agentInProcess(args, "987654");
        assertThat(run.exit()).isEqualTo(SigningAgent.CANNOT_RUN);
        assertThat(run.out()).contains("wrong PIN").doesNotContain("987654");
    }

    @Test
    @Order(4)
    void onceEveryoneHasSignedTheArchivedRecordValidatesWithTheTokensSignature() throws Exception {
        JsonNode document = call("GET", "/api/v1/documents/" + lookupCode, "admin").json();
        int guard = 0;
        while (!document.get("awaiting").isEmpty() && guard++ < 40) {
            for (JsonNode staff : document.get("awaiting")) {
                Answer signed = call("POST", "/api/v1/documents/" + lookupCode + "/signatures",
                        staff.asText() + "@" + SCHOOL);
                assertThat(signed.status()).as(staff + " " + signed.text()).isIn(201, 409);
            }
            document = call("GET", "/api/v1/documents/" + lookupCode, "admin").json();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!document.get("status").asText().equals("ARCHIVED") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            document = call("GET", "/api/v1/documents/" + lookupCode, "admin").json();
        }
        assertThat(document.get("status").asText()).as(document.toString()).isEqualTo("ARCHIVED");

        Answer pdf = call("GET", "/api/v1/documents/" + lookupCode + "/pdf", "admin");
        ValidationReport report = new DssSignatureValidator(trustAnchors()).validate(pdf.body());
        assertThat(report.signatures()).hasSize(document.get("signatures").size());
        assertThat(report.signatures()).as(report.toString()).allMatch(SignatureResult::passed);
        assertThat(report.signatures()).filteredOn(s -> s.signerSubject().contains("GV011")).hasSize(1);
    }

    @Test
    @Order(5)
    void aClassSignsTheCallersOpenGradebookTurnsAndLeavesTheOthers() throws Exception {
        Answer rendered = callJson("POST", "/api/v1/schools/THCS-MK2/years/2024-2025/classes/6A/gradebooks",
                TEACHER, "{\"subject\": \"TOAN\", \"period\": \"TERM1\"}");
        assertThat(rendered.status()).as(rendered.text()).isIn(200, 201);
        String gradebook = rendered.json().get("lookupCode").asText();

        List<String> args = tokenOptions();
        args.addAll(List.of("--certificate", workDir.resolve("gv011.pem").toString(), "--class", "2024-2025/6A",
                "sign"));
        Run run = agentInProcess(args, new String(hsm.pin()));
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out().lines()).containsExactly("class 2024-2025/6A: 1 document(s) await GV011",
                gradebook + "  SIGNED  1 turn; status SIGNING, awaiting GV012");

        Run again = agentInProcess(args, new String(hsm.pin()));
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 document(s) await GV011").contains("nothing to sign");
    }

    @Test
    @Order(6)
    void registeringTheVendorsCertificateIsRefusedAndStopsTheAgent() {
        List<String> args = tokenOptions();
        args.add("register");
        Run run = agentInProcess(args, new String(hsm.pin()));
        assertThat(run.exit()).as(run.out()).isEqualTo(SigningAgent.CANNOT_RUN);
        assertThat(run.out()).startsWith("ERROR  HTTP 422: ");
    }
}
