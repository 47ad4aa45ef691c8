package vn.hocba.signing.csc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
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
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.hocba.signing.SigningException;

/**
 * A client of a remote signing service speaking the Cloud Signature Consortium API, v1.0.4.0 or v2.0.0.2 (chosen by
 * {@link CscApiVersion}), over {@link HttpClient} with JSON bodies. Every method is {@code POST
 * {serviceUri}/csc/{v1|v2}/{method}}; all but {@code info} send {@code Authorization: Bearer {accessToken}} (the access
 * token is obtained elsewhere: OAuth2 flows are out of scope).
 *
 * <p>The service signs hashes, not data: the caller sends SHA-256 hashes (32 bytes each, base64 in JSON) with
 * {@code hashAlgo} / {@code hashAlgorithmOID} = {@value #SHA256} and {@code signAlgo} = {@value #SHA256_WITH_RSA}
 * (sha256WithRSAEncryption); for RSA PKCS#1 v1.5 the service wraps each hash in a DER DigestInfo and the signature
 * value equals what {@code SHA256withRSA} over the data gives. RSA credentials only.
 *
 * <p>Signing is two calls: {@link #authorize} (PIN or OTP, the list of hashes and {@code numSignatures}) returns a SAD
 * bound to those hashes; {@link #signHash} signs them with it. {@link #signHashes} does both for a batch, authorizing
 * once for the whole list.
 *
 * <p>Errors from the service ({@code error}, {@code error_description}) become {@link CscException}s; transport
 * failures and malformed answers {@link SigningException}s. Nothing logged or thrown contains the PIN, the SAD or the
 * access token. Thread-safe and stateless apart from the shared {@link HttpClient}.
 */
public final class CscClient {

    /** id-sha256 (NIST), the hash algorithm OID. */
    public static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    /** sha256WithRSAEncryption (PKCS #1), the signature algorithm OID sent as {@code signAlgo}. */
    public static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    /** rsaEncryption (PKCS #1), the key algorithm OID of an RSA credential. */
    public static final String RSA = "1.2.840.113549.1.1.1";
    /** How many hashes one {@code signHash} request carries at most, unless configured otherwise. */
    public static final int DEFAULT_MAX_HASHES_PER_REQUEST = 50;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final URI serviceUri;
    private final CscApiVersion version;
    private final String accessToken;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxHashesPerRequest;

    /**
     * A client with its own {@link HttpClient}, a 30 s request timeout and at most
     * {@value #DEFAULT_MAX_HASHES_PER_REQUEST} hashes per {@code signHash} request.
     *
     * @param serviceUri  the service's base URI, the part before {@code /csc/v1/}, e.g. {@code https://host/api}
     * @param version     the API version it speaks
     * @param accessToken the OAuth2 bearer token for the user's account at the service
     */
    public CscClient(URI serviceUri, CscApiVersion version, String accessToken) {
        this(serviceUri, version, accessToken, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Duration.ofSeconds(30), DEFAULT_MAX_HASHES_PER_REQUEST);
    }

    /**
     * @param serviceUri          the service's base URI, the part before {@code /csc/v1/}
     * @param version             the API version it speaks
     * @param accessToken         the OAuth2 bearer token
     * @param http                the HTTP client to use (shared, thread-safe)
     * @param timeout             the timeout of each request
     * @param maxHashesPerRequest how many hashes one {@code signHash} request carries at most (at least 1)
     */
    public CscClient(URI serviceUri, CscApiVersion version, String accessToken, HttpClient http, Duration timeout,
                     int maxHashesPerRequest) {
        Objects.requireNonNull(serviceUri, "serviceUri");
        this.serviceUri = URI.create(serviceUri.toString().replaceAll("/+$", "") + "/");
        this.version = Objects.requireNonNull(version, "version");
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (maxHashesPerRequest < 1) {
            throw new IllegalArgumentException("maxHashesPerRequest must be at least 1");
        }
        this.maxHashesPerRequest = maxHashesPerRequest;
    }

    /** @return the API version this client speaks */
    public CscApiVersion version() {
        return version;
    }

    /**
     * {@code info}: the service's name, API version and methods. Sent without the access token, as the API allows.
     *
     * @return what the service says about itself
     */
    public CscServiceInfo info() {
        JsonNode answer = call("info", JSON.createObjectNode(), false);
        List<String> methods = new ArrayList<>();
        answer.path("methods").forEach(m -> methods.add(m.asText()));
        return new CscServiceInfo(answer.path("specs").asText(null), answer.path("name").asText(null), methods);
    }

    /**
     * {@code credentials/list}: the IDs of the user's credentials.
     *
     * @return the credential IDs, in the service's order
     */
    public List<String> credentialIds() {
        JsonNode answer = call("credentials/list", JSON.createObjectNode(), true);
        List<String> ids = new ArrayList<>();
        answer.path("credentialIDs").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /**
     * {@code credentials/info} with {@code certificates: "chain"}: the credential's certificate chain and key.
     *
     * @param credentialId the credential
     * @return its description
     * @throws SigningException if the service sends no certificate or an unreadable one
     */
    public CscCredentialInfo credentialInfo(String credentialId) {
        Objects.requireNonNull(credentialId, "credentialId");
        ObjectNode request = JSON.createObjectNode()
                .put("credentialID", credentialId)
                .put("certificates", "chain")
                .put("certInfo", false)
                .put("authInfo", true);
        JsonNode answer = call("credentials/info", request, true);
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode certificate : answer.path("cert").path("certificates")) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(B64_DECODER.decode(certificate.asText()))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SigningException("CSC credentials/info sent an unreadable certificate for " + credentialId, e);
        }
        if (chain.isEmpty()) {
            throw new SigningException("CSC credentials/info sent no certificate for " + credentialId);
        }
        List<String> algorithms = new ArrayList<>();
        answer.path("key").path("algo").forEach(a -> algorithms.add(a.asText()));
        return new CscCredentialInfo(credentialId, chain, algorithms, answer.path("key").path("len").asInt(0),
                answer.path("multisign").asInt(1));
    }

    /**
     * {@code credentials/authorize}: asks for a SAD covering exactly these hashes ({@code numSignatures} = their
     * number), authenticated by the credential's PIN (v1: {@code PIN}; v2: {@code authData [{id: "PIN"}]}).
     *
     * @param credentialId the credential
     * @param sha256Hashes the SHA-256 hashes to be signed, 32 bytes each, at least one
     * @param pin          the PIN or OTP; not kept
     * @return the authorization
     * @throws CscException if the service refuses (e.g. a wrong PIN)
     */
    public CscAuthorization authorize(String credentialId, List<byte[]> sha256Hashes, char[] pin) {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(pin, "pin");
        ArrayNode hashes = hashes(sha256Hashes);
        ObjectNode request = JSON.createObjectNode()
                .put("credentialID", credentialId)
                .put("numSignatures", sha256Hashes.size());
        if (version == CscApiVersion.V1) {
            request.set("hash", hashes);
            request.put("PIN", new String(pin));
        } else {
            request.set("hashes", hashes);
            request.put("hashAlgorithmOID", SHA256);
            request.putArray("authData").addObject().put("id", "PIN").put("value", new String(pin));
        }
        JsonNode answer = call("credentials/authorize", request, true);
        String sad = answer.path("SAD").asText(null);
        if (sad == null || sad.isEmpty()) {
            throw new SigningException("CSC credentials/authorize sent no SAD for " + credentialId);
        }
        long expiresIn = answer.path("expiresIn").asLong(3600);
        return new CscAuthorization(credentialId, sad, sha256Hashes.size(), Duration.ofSeconds(expiresIn));
    }

    /**
     * {@code signatures/signHash}: signs hashes with a SAD in one request ({@code signAlgo} {@value #SHA256_WITH_RSA},
     * hash algorithm {@value #SHA256}).
     *
     * @param authorization a SAD that covers these hashes
     * @param sha256Hashes  the hashes, 32 bytes each; a subset of those authorized
     * @return one signature value per hash, in the same order (for RSA: as long as the modulus)
     * @throws CscException     if the service refuses (e.g. a SAD used up or not covering a hash)
     * @throws SigningException if the service answers a different number of signatures
     */
    public List<byte[]> signHash(CscAuthorization authorization, List<byte[]> sha256Hashes) {
        Objects.requireNonNull(authorization, "authorization");
        ArrayNode hashes = hashes(sha256Hashes);
        ObjectNode request = JSON.createObjectNode()
                .put("credentialID", authorization.credentialId())
                .put("SAD", authorization.sad());
        if (version == CscApiVersion.V1) {
            request.set("hash", hashes);
            request.put("hashAlgo", SHA256);
            request.put("signAlgo", SHA256_WITH_RSA);
        } else {
            request.set("hashes", hashes);
            request.put("hashAlgorithmOID", SHA256);
            request.put("signAlgo", SHA256_WITH_RSA);
            request.put("operationMode", "S");
        }
        JsonNode answer = call("signatures/signHash", request, true);
        List<byte[]> signatures = new ArrayList<>();
        try {
            answer.path("signatures").forEach(s -> signatures.add(B64_DECODER.decode(s.asText())));
        } catch (IllegalArgumentException e) {
            throw new SigningException("CSC signatures/signHash sent a signature that is not base64", e);
        }
        if (signatures.size() != sha256Hashes.size()) {
            throw new SigningException("CSC signatures/signHash sent " + signatures.size() + " signatures for "
                    + sha256Hashes.size() + " hashes");
        }
        return signatures;
    }

    /**
     * Signs a batch of hashes with one authorization: {@code credentials/authorize} once with all of them
     * ({@code numSignatures} = n, so the PIN is asked once), then {@code signatures/signHash} in requests of at most
     * {@code maxHashesPerRequest} hashes.
     *
     * @param credentialId the credential
     * @param sha256Hashes the SHA-256 hashes, 32 bytes each, at least one and at most the credential's
     *                     {@code multisign}
     * @param pin          the PIN or OTP; not kept
     * @return one signature value per hash, in the same order
     * @throws CscException if the service refuses
     */
    public List<byte[]> signHashes(String credentialId, List<byte[]> sha256Hashes, char[] pin) {
        CscAuthorization authorization = authorize(credentialId, sha256Hashes, pin);
        List<byte[]> signatures = new ArrayList<>(sha256Hashes.size());
        for (int from = 0; from < sha256Hashes.size(); from += maxHashesPerRequest) {
            List<byte[]> part = sha256Hashes.subList(from, Math.min(sha256Hashes.size(), from + maxHashesPerRequest));
            signatures.addAll(signHash(authorization, part));
        }
        return signatures;
    }

    /**
     * Signs any number of hashes with as few authorizations as the credential allows: {@link #signHashes} for each run
     * of at most {@code multisign} hashes (CSC API {@code credentials/info} {@code multisign}: how many signatures one
     * authorization may cover). Each run asks the same PIN again; an OTP that is good for one authorization signs the
     * first run only, and the next one is refused as {@link #signHashes} refuses.
     *
     * @param multisign the credential's {@code multisign}, at least 1
     * @return one signature value per hash, in the same order
     * @throws CscException if the service refuses a run (the runs before it are signed, and lost to the caller)
     */
    public List<byte[]> signHashes(String credentialId, List<byte[]> sha256Hashes, char[] pin, int multisign) {
        if (multisign < 1) {
            throw new IllegalArgumentException("multisign must be at least 1");
        }
        List<byte[]> signatures = new ArrayList<>(sha256Hashes.size());
        for (int from = 0; from < sha256Hashes.size(); from += multisign) {
            signatures.addAll(signHashes(credentialId,
                    sha256Hashes.subList(from, Math.min(sha256Hashes.size(), from + multisign)), pin));
        }
        return signatures;
    }

    private static ArrayNode hashes(List<byte[]> sha256Hashes) {
        Objects.requireNonNull(sha256Hashes, "sha256Hashes");
        if (sha256Hashes.isEmpty()) {
            throw new IllegalArgumentException("no hashes to sign");
        }
        ArrayNode array = JSON.createArrayNode();
        for (byte[] hash : sha256Hashes) {
            if (hash == null || hash.length != 32) {
                throw new IllegalArgumentException("a SHA-256 hash has 32 bytes");
            }
            array.add(B64.encodeToString(hash));
        }
        return array;
    }

    private JsonNode call(String method, ObjectNode body, boolean authenticated) {
        URI uri = serviceUri.resolve("csc/" + version.pathSegment() + "/" + method);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (authenticated) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        HttpResponse<String> response;
        try {
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException firstTry) {
                // a pooled connection the server closed meanwhile fails before anything was sent ("received no
                // bytes"); a new connection is tried once (a CSC server refuses a SAD used twice, so nothing doubles)
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new SigningException("CSC " + method + " at " + uri.getHost() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("CSC " + method + " interrupted", e);
        }
        JsonNode answer = parse(method, response);
        if (response.statusCode() / 100 != 2) {
            throw new CscException(method, response.statusCode(),
                    answer != null ? answer.path("error").asText(null) : null,
                    answer != null ? answer.path("error_description").asText(null) : null);
        }
        if (answer == null || !answer.isObject()) {
            throw new SigningException("CSC " + method + " answered HTTP " + response.statusCode()
                    + " without a JSON object");
        }
        return answer;
    }

    private static JsonNode parse(String method, HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            if (response.statusCode() / 100 != 2) {
                return null;
            }
            throw new SigningException("CSC " + method + " answered malformed JSON", e);
        }
    }

    @Override
    public String toString() {
        // never the access token
        return "CscClient[" + serviceUri + "csc/" + version.pathSegment() + "]";
    }
}
