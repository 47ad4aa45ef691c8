package vn.hocba.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The service's HTTP API as the agent uses it (API.md "Documents": two-step signing, certificates), over the JDK's
 * HTTP client with HTTP Basic. Every answer other than the expected status becomes an {@link ApiException} carrying
 * the problem's {@code detail}.
 */
public final class ServiceClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REASON = 300;

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final String language;

    /** The answer to a prepare request: what the token signs. */
    public record Pending(String id, String digestAlgorithm, byte[] dataToSign, String expiresAt) {
    }

    /** An answer the agent did not expect: status, and the service's reason. */
    public static final class ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ApiException(int status, String reason) {
            super(reason);
            this.status = status;
        }

        /** @return the HTTP status, or 0 when the service could not be reached */
        public int status() {
            return status;
        }
    }

    /**
     * @param base     the service's base URL (no trailing slash)
     * @param user     the account
     * @param password the password; not kept beyond the encoded header
     * @param language {@code vi} or {@code en}
     */
    public ServiceClient(URI base, String user, char[] password, String language) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = base;
        byte[] credentials = (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials);
        java.util.Arrays.fill(credentials, (byte) 0);
        this.language = language;
    }

    /** {@code GET /api/v1/documents/{lookupCode}}: the document body. */
    public JsonNode document(String lookupCode) {
        return json(send(get("/api/v1/documents/" + segment(lookupCode)), 200));
    }

    /**
     * {@code POST /api/v1/documents/{lookupCode}/signatures/pending}: prepares the caller's signature.
     *
     * @param certificate the signer's certificate
     * @param chain       its issuers, possibly empty
     */
    public Pending prepare(String lookupCode, X509Certificate certificate, List<X509Certificate> chain) {
        ObjectNode body = JSON.createObjectNode();
        body.put("certificate", base64(certificate));
        if (!chain.isEmpty()) {
            ArrayNode array = body.putArray("chain");
            chain.forEach(c -> array.add(base64(c)));
        }
        JsonNode answer = json(send(postJson("/api/v1/documents/" + segment(lookupCode) + "/signatures/pending",
                body), 201));
        String id = text(answer, "id");
        String data = text(answer, "dataToSign");
        if (id == null || data == null) {
            throw new ApiException(201, "the service's answer has no id or dataToSign: " + shorten(answer.toString()));
        }
        byte[] dataToSign;
        try {
            dataToSign = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new ApiException(201, "the service's dataToSign is not base64");
        }
        return new Pending(id, text(answer, "digestAlgorithm"), dataToSign, text(answer, "expiresAt"));
    }

    /** {@code POST /api/v1/documents/{lookupCode}/signatures/pending/{id}}: completes it; the document body. */
    public JsonNode complete(String lookupCode, String pendingId, byte[] signatureValue) {
        ObjectNode body = JSON.createObjectNode();
        body.put("signatureValue", Base64.getEncoder().encodeToString(signatureValue));
        return json(send(postJson("/api/v1/documents/" + segment(lookupCode) + "/signatures/pending/"
                + segment(pendingId), body), 201));
    }

    /**
     * {@code PUT /api/v1/accounts/me/certificate}: registers the caller's certificate.
     *
     * @param chain its issuers (an issuing CA the service may not hold), possibly empty
     */
    public void registerCertificate(X509Certificate certificate, List<X509Certificate> chain) {
        ObjectNode body = JSON.createObjectNode();
        body.put("certificate", base64(certificate));
        if (!chain.isEmpty()) {
            ArrayNode array = body.putArray("chain");
            chain.forEach(c -> array.add(base64(c)));
        }
        HttpRequest request = builder("/api/v1/accounts/me/certificate")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build();
        send(request, 200, 201, 204);
    }

    /**
     * {@code POST /api/v1/accounts/me/certificate-requests} (embedded demo only): the demo CA certifies the key of the
     * PKCS#10 request and registers the certificate.
     *
     * @return the certificates of the answer, the caller's first
     */
    public List<X509Certificate> requestCertificate(String csrPem) {
        HttpRequest request = builder("/api/v1/accounts/me/certificate-requests")
                .header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofString(csrPem, StandardCharsets.US_ASCII)).build();
        HttpResponse<byte[]> answer = send(request, 201, 200);
        byte[] body = answer.body();
        if (answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
            // not the documented PEM, but a JSON object naming the certificate (base64 DER or PEM) is read too
            JsonNode json = json(answer);
            String certificate = text(json, "certificate");
            if (certificate == null) {
                throw new ApiException(answer.statusCode(), "the service answered no certificate");
            }
            body = certificate.contains("-----BEGIN") ? certificate.getBytes(StandardCharsets.US_ASCII)
                    : decode(certificate);
        }
        List<X509Certificate> certificates = certificates(body);
        if (certificates.isEmpty()) {
            throw new ApiException(answer.statusCode(), "the service answered no certificate");
        }
        return certificates;
    }

    /** {@code GET …/classes/{class}/gradebooks}: the class's current gradebooks and summary books. */
    public List<JsonNode> gradebooks(String school, String year, String classCode) {
        JsonNode list = json(send(get("/api/v1/schools/" + segment(school) + "/years/" + segment(year) + "/classes/"
                + segment(classCode) + "/gradebooks"), 200));
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    /** {@code GET …/students/{student}/record}: the current version of the student's record. */
    public JsonNode record(String school, String year, String student) {
        return json(send(get("/api/v1/schools/" + segment(school) + "/years/" + segment(year) + "/students/"
                + segment(student) + "/record"), 200));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ApiException(0, "the service's certificate is not base64");
        }
    }

    static List<X509Certificate> certificates(byte[] pemOrDer) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : factory.generateCertificates(new ByteArrayInputStream(pemOrDer))) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (CertificateException e) {
            throw new ApiException(0, "not a certificate (PEM or DER): " + e.getMessage());
        }
    }

    private HttpRequest get(String path) {
        return builder(path).GET().build();
    }

    private HttpRequest postJson(String path, JsonNode body) {
        return builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build();
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json, application/x-pem-file, */*")
                .header("Accept-Language", language)
                .header("User-Agent", "hocba-signing-agent");
    }

    private HttpResponse<byte[]> send(HttpRequest request, int... expected) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiException(0, "cannot reach " + base + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted");
        }
        for (int s : expected) {
            if (response.statusCode() == s) {
                return response;
            }
        }
        throw new ApiException(response.statusCode(), reason(response));
    }

    /** The problem's detail (else its title), else the start of the body, else the status alone. */
    static String reason(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String prefix = "HTTP " + status;
        byte[] body = response.body() == null ? new byte[0] : response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json") && body.length > 0) {
            try {
                JsonNode problem = JSON.readTree(body);
                String detail = text(problem, "detail");
                if (detail == null || detail.isBlank()) {
                    detail = text(problem, "title");
                }
                if (detail != null && !detail.isBlank()) {
                    return prefix + ": " + shorten(oneLine(detail));
                }
            } catch (IOException notJson) {
                // fall through to the raw body
            }
        }
        if (status == 401) {
            return prefix + ": wrong user or password / sai tài khoản hoặc mật khẩu";
        }
        String text = oneLine(new String(body, StandardCharsets.UTF_8)).strip();
        if (text.isEmpty() || contentType.contains("html")) {
            return prefix;
        }
        return prefix + ": " + shorten(text);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    private static String shorten(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "…";
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiException(response.statusCode(), "the service's answer is not JSON");
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
