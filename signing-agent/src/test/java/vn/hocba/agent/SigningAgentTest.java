package vn.hocba.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.signing.SigningToken;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;

/**
 * The agent against a tiny stub of the service (JDK HttpServer), with a software key: how it reads answers, problems
 * and odd bodies. The stub verifies signature values as the service does. The real service and a real PKCS#11 token
 * are in {@code SigningAgentIT}.
 */
class SigningAgentTest {

    private static final String A = "11111111-1111-4111-8111-111111111111";
    private static final String B = "22222222-2222-4222-8222-222222222222";
    private static final String C = "33333333-3333-4333-8333-333333333333";

    private static CertificateAuthority ca;
    private static IssuedCredential teacher;

    private HttpServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** What each lookup code does; the default signs once and then awaits GV012. */
    private final Map<String, String> behaviour = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    private final Map<String, byte[]> pendingData = new ConcurrentHashMap<>();
    private final Map<String, X509Certificate> pendingCertificate = new ConcurrentHashMap<>();
    private volatile List<X509Certificate> issuedOnEnrolment;
    private volatile JsonNode registered;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        ca = CertificateAuthority.createRoot("Stub Root CA", "Stub", Clock.systemUTC());
        teacher = ca.issue("Nguyễn Văn Toán", "THCS-MK2", "GV011");
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        log.add(x.getRequestMethod() + " " + path);
        authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
        byte[] body = x.getRequestBody().readAllBytes();
        String[] p = path.split("/");
        try {
            if (path.equals("/api/v1/accounts/me/certificate") && x.getRequestMethod().equals("PUT")) {
                registered = ServiceClient.JSON.readTree(body);
                respond(x, 200, "application/json", "{\"staff\": \"GV011\"}");
            } else if (path.equals("/api/v1/accounts/me/certificate-requests")) {
                enrol(x, new String(body, StandardCharsets.US_ASCII));
            } else if (path.startsWith("/api/v1/documents/") && path.endsWith("/signatures/pending")) {
                prepare(x, p[4], ServiceClient.JSON.readTree(body));
            } else if (path.startsWith("/api/v1/documents/") && p.length == 8 && p[6].equals("pending")) {
                complete(x, p[4], p[7], ServiceClient.JSON.readTree(body));
            } else if (path.equals("/api/v1/schools/THCS-MK2/years/2024-2025/classes/6A/gradebooks")) {
                respond(x, 200, "application/json", "[" + document(A, "SIGNING", "GV011") + ","
                        + document(B, "SIGNING", "GV012") + "," + document(C, "ARCHIVED") + "]");
            } else {
                respond(x, 404, "application/problem+json", problem("không tìm thấy"));
            }
        } catch (Exception e) {
            respond(x, 500, "text/plain", e.toString());
        }
    }

    private void enrol(HttpExchange x, String pem) throws Exception {
        assertThat(x.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/pkcs10");
        PKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            csr = (PKCS10CertificationRequest) parser.readObject();
        }
        var jca = new JcaPKCS10CertificationRequest(csr);
        if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(jca.getPublicKey()))) {
            respond(x, 422, "application/problem+json", problem("bad CSR signature"));
            return;
        }
        String staff = csr.getSubject().getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue().toString();
        issuedOnEnrolment = ca.issueFor(jca.getPublicKey(), "Enrolled " + staff, "THCS-MK2", staff);
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : issuedOnEnrolment) {
                w.writeObject(c);
            }
        }
        respond(x, 201, "application/x-pem-file", out.toString());
    }

    private void prepare(HttpExchange x, String code, JsonNode body) throws Exception {
        String b = behaviour.getOrDefault(code, "");
        if (b.equals("out-of-turn")) {
            respond(x, 409, "application/problem+json; charset=utf-8",
                    problem("Chưa đến lượt GV011 ký hồ sơ này.\nĐang chờ: GV001"));
            return;
        }
        if (b.equals("proxy-error")) {
            respond(x, 502, "text/html", "<html><body>Bad gateway</body></html>");
            return;
        }
        if (b.equals("garbage")) {
            respond(x, 201, "application/json", "{\"id\": \"p1\"}");
            return;
        }
        X509Certificate certificate = ServiceClient.certificates(Base64.getDecoder()
                .decode(body.get("certificate").asText())).get(0);
        String id = "p" + pendingData.size();
        byte[] data = ("signed attributes of " + code + " " + id).getBytes(StandardCharsets.UTF_8);
        pendingData.put(id, data);
        pendingCertificate.put(id, certificate);
        respond(x, 201, "application/json", "{\"id\":\"" + id + "\",\"digestAlgorithm\":\"SHA256\",\"dataToSign\":\""
                + Base64.getEncoder().encodeToString(data) + "\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}");
    }

    private void complete(HttpExchange x, String code, String id, JsonNode body) throws Exception {
        Signature check = Signature.getInstance("SHA256withRSA");
        check.initVerify(pendingCertificate.get(id).getPublicKey());
        check.update(pendingData.get(id));
        boolean rejectSecond = behaviour.getOrDefault(code, "").equals("two-turns-second-rejected")
                && turns.containsKey(code);
        if (rejectSecond || behaviour.getOrDefault(code, "").equals("reject") || !check.verify(Base64.getDecoder()
                .decode(body.get("signatureValue").asText()))) {
            respond(x, 422, "application/problem+json", problem("The signature value does not verify."));
            return;
        }
        int n = turns.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
        boolean twice = behaviour.getOrDefault(code, "").startsWith("two-turns");
        respond(x, 201, "application/json", twice && n == 1 ? document(code, "SIGNING", "GV011", "GV013")
                : document(code, "SIGNING", "GV001"));
    }

    private static String document(String code, String status, String... awaiting) {
        ObjectNode d = ServiceClient.JSON.createObjectNode();
        d.put("lookupCode", code).put("status", status);
        var a = d.putArray("awaiting");
        for (String s : awaiting) {
            a.add(s);
        }
        return d.toString();
    }

    private static String problem(String detail) {
        return ServiceClient.JSON.createObjectNode().put("type", "about:blank").put("title", "Conflict")
                .put("detail", detail).toString();
    }

    private static void respond(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    private record Run(int exit, String out) {
    }

    private Run agent(SigningToken token, String... args) {
        List<String> all = new ArrayList<>(List.of("--server", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--user", "GV011@THCS-MK2", "--pkcs11-module", "/not/used.so", "--key-label", "gv011"));
        all.addAll(List.of(args));
        AgentOptions options = AgentOptions.parse(all.toArray(String[]::new), Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ServiceClient client = new ServiceClient(options.server(), options.user(), "demo".toCharArray(), "vi");
        int exit = new SigningAgent(options, client, token, out).run();
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachDocumentIsPreparedSignedAndCompletedWithOneLineEach() {
        Run run = agent(teacher.token(), "sign", A, B);
        assertThat(run.exit()).isEqualTo(SigningAgent.OK);
        assertThat(run.out()).isEqualTo(A + "  SIGNED  1 turn; status SIGNING, awaiting GV001\n"
                + B + "  SIGNED  1 turn; status SIGNING, awaiting GV001\n");
        assertThat(log).containsExactly("POST /api/v1/documents/" + A + "/signatures/pending",
                "POST /api/v1/documents/" + A + "/signatures/pending/p0",
                "POST /api/v1/documents/" + B + "/signatures/pending",
                "POST /api/v1/documents/" + B + "/signatures/pending/p1");
        assertThat(authorizations).allMatch(h -> h.equals("Basic " + Base64.getEncoder()
                .encodeToString("GV011@THCS-MK2:demo".getBytes(StandardCharsets.UTF_8))));
        assertThat(pendingCertificate.get("p0")).isEqualTo(teacher.certificate());
    }

    @Test
    void aTeacherWithTwoTurnsOnOneDocumentSignsBoth() {
        behaviour.put(A, "two-turns");
        Run run = agent(teacher.token(), "sign", A);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(A + "  SIGNED  2 turns; status SIGNING, awaiting GV001\n");
    }

    @Test
    void aSecondTurnThatFailsIsReportedAsAFailureNamingTheTurnSigned() {
        behaviour.put(A, "two-turns-second-rejected");
        Run run = agent(teacher.token(), "sign", A);
        assertThat(run.exit()).isEqualTo(SigningAgent.SOME_FAILED);
        assertThat(run.out()).isEqualTo(A + "  FAILED  signed 1 turn(s), then: HTTP 422: "
                + "The signature value does not verify.\n");
    }

    @Test
    void aRefusalIsReportedWithTheProblemsDetailOnOneLineAndTheOthersStillSigned() {
        behaviour.put(A, "out-of-turn");
        behaviour.put(C, "reject");
        Run run = agent(teacher.token(), "sign", A, B, C);
        assertThat(run.exit()).isEqualTo(SigningAgent.SOME_FAILED);
        assertThat(run.out().lines()).containsExactly(
                A + "  FAILED  HTTP 409: Chưa đến lượt GV011 ký hồ sơ này. Đang chờ: GV001",
                B + "  SIGNED  1 turn; status SIGNING, awaiting GV001",
                C + "  FAILED  HTTP 422: The signature value does not verify.");
    }

    @Test
    void anAnswerThatIsNoProblemJsonStillGivesAReason() {
        behaviour.put(A, "proxy-error");
        behaviour.put(B, "garbage");
        Run run = agent(teacher.token(), "sign", A, B, "44444444-4444-4444-8444-444444444444");
        assertThat(run.exit()).isEqualTo(SigningAgent.SOME_FAILED);
        assertThat(run.out().lines()).containsExactly(
                A + "  FAILED  HTTP 502",
                B + "  FAILED  the service's answer has no id or dataToSign: {\"id\":\"p1\"}",
                "44444444-4444-4444-8444-444444444444  SIGNED  1 turn; status SIGNING, awaiting GV001");
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsCaughtBeforeTheServiceSeesAValue() throws Exception {
        IssuedCredential other = ca.issue("Someone Else", "THCS-MK2", "GV099");
        Path file = dir.resolve("cert.pem");
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(other.certificate());
        }
        Files.writeString(file, pem.toString());
        Run run = agent(teacher.token(), "--certificate", file.toString(), "sign", A);
        assertThat(run.exit()).isEqualTo(SigningAgent.CANNOT_RUN);
        assertThat(run.out()).startsWith("ERROR  " + file + " is not the certificate of the key 'gv011'");
        assertThat(log).isEmpty();
    }

    @Test
    void enrolmentSendsARequestSignedByTheKeyAndSignsWithTheCertificateIssuedThenSavesIt() throws Exception {
        Path saved = dir.resolve("sub/gv011.pem");
        Run run = agent(teacher.token(), "--enroll", "--certificate", saved.toString(), "sign", A);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("ENROLLED  SERIALNUMBER=GV011@THCS-MK2,CN=Enrolled GV011@THCS-MK2")
                .endsWith("saved to " + saved);
        assertThat(pendingCertificate.get("p0")).isEqualTo(issuedOnEnrolment.get(0));
        assertThat(ServiceClient.certificates(Files.readAllBytes(saved))).isEqualTo(issuedOnEnrolment);
        // the next run signs with the saved certificate
        Run again = agent(teacher.token(), "--certificate", saved.toString(), "sign", B);
        assertThat(again.exit()).isZero();
        assertThat(pendingCertificate.get("p1")).isEqualTo(issuedOnEnrolment.get(0));
    }

    @Test
    void registeringSendsTheTokensCertificateAndItsIssuers() throws Exception {
        Run run = agent(teacher.token(), "--register", "sign", A);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out().lines()).containsExactly("REGISTERED  SERIALNUMBER=GV011,CN=Nguyễn Văn Toán,O=THCS-MK2,C=VN",
                A + "  SIGNED  1 turn; status SIGNING, awaiting GV001");
        assertThat(log.get(0)).isEqualTo("PUT /api/v1/accounts/me/certificate");
        assertThat(registered.get("certificate").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(teacher.certificate().getEncoded()));
        assertThat(registered.get("chain")).hasSize(teacher.chain().size() - 1);
    }

    @Test
    void aClassSignsOnlyTheDocumentsAwaitingTheCaller() {
        Run run = agent(teacher.token(), "--class", "2024-2025/6A", "sign");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).containsExactly("class 2024-2025/6A: 1 document(s) await GV011",
                A + "  SIGNED  1 turn; status SIGNING, awaiting GV001");
    }

    @Test
    void lookupCodesComeFromAFileWithCommentsEachSignedOnce() throws IOException {
        Path file = dir.resolve("codes.txt");
        Files.writeString(file, "# hồ sơ lớp 6A\n" + A + "\n\n  " + B + "  # đợt 2\n" + A + "\n");
        Run run = agent(teacher.token(), "--lookup-codes", file.toString(), "sign");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).hasSize(2);
    }

    @Test
    void anUnreachableServiceIsAFailurePerDocumentNamingTheServer() {
        int port = server.getAddress().getPort();
        server.stop(0);
        Run run = agent(teacher.token(), "sign", A);
        assertThat(run.exit()).isEqualTo(SigningAgent.SOME_FAILED);
        assertThat(run.out()).startsWith(A + "  FAILED  cannot reach http://127.0.0.1:" + port);
    }
}
