package vn.hocba.signing.csc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

import vn.hocba.signing.token.Pkcs11SigningToken;

/**
 * Test fixture: a Cloud Signature Consortium remote-signing service on {@code 127.0.0.1} (random port), speaking both
 * API v1.0.4.0 ({@code /csc/v1/...}) and v2.0.0.2 ({@code /csc/v2/...}) with the request shapes {@link CscClient}
 * sends. It implements {@code info}, {@code credentials/list}, {@code credentials/info},
 * {@code credentials/authorize} and {@code signatures/signHash} (RSA PKCS#1 v1.5 over SHA-256: the hash is wrapped in
 * a DER DigestInfo and signed raw, {@code NONEwithRSA}).
 *
 * <p>What it enforces, as a real service would: the bearer token on every method but {@code info}
 * ({@code 401 invalid_token}); the PIN at authorize ({@code 400 invalid_pin}); {@code numSignatures} equal to the
 * number of hashes and at most the credential's {@code multisign}; a SAD bound to its credential and to exactly the
 * hashes it was issued for, each usable once, so a SAD is spent after {@code numSignatures} signatures and a hash it
 * does not cover is refused ({@code 400 invalid_request}); a SAD expires after {@link #SAD_LIFETIME}. Errors are
 * JSON {@code {"error", "error_description"}}.
 *
 * <p>Credentials are backed by anything that can sign a SHA-256 hash: a key on a SoftHSM2 token through
 * {@link Pkcs11SigningToken#signSha256Digest}, or a software key. A credential may pair a chain with a different
 * key's signer, to test that clients check what comes back. Counts of authorize and signHash calls let tests prove
 * how many round trips a batch took. Close it to stop the server.
 */
public final class CscTestServer implements AutoCloseable {

    /** How long a SAD stays valid. */
    public static final Duration SAD_LIFETIME = Duration.ofMinutes(5);
    /** The most hashes one SAD may cover ({@code multisign}). */
    public static final int MULTISIGN = 100;

    /** Signs a SHA-256 hash with RSA PKCS#1 v1.5. */
    @FunctionalInterface
    public interface HashSigner {
        /**
         * @param sha256 32 bytes
         * @return the signature value
         */
        byte[] signSha256(byte[] sha256);
    }

    /**
     * @param id     the credential ID
     * @param chain  the certificate chain the service reports, signer first
     * @param signer what signs for it
     */
    public record Credential(String id, List<X509Certificate> chain, HashSigner signer) {
        /** Copies the chain. */
        public Credential {
            Objects.requireNonNull(id, "id");
            chain = List.copyOf(chain);
            Objects.requireNonNull(signer, "signer");
        }

        /**
         * @param id    the credential ID
         * @param token an open token on a PKCS#11 device (the server does not close it)
         * @return a credential whose key stays on the device
         */
        public static Credential pkcs11(String id, Pkcs11SigningToken token) {
            return new Credential(id, token.chain(), token::signSha256Digest);
        }

        /**
         * @param id    the credential ID
         * @param key   an RSA private key in memory
         * @param chain its chain (or, to simulate a broken service, another key's chain)
         * @return a credential signing with {@code NONEwithRSA} over the DigestInfo
         */
        public static Credential software(String id, PrivateKey key, List<X509Certificate> chain) {
            return new Credential(id, chain, hash -> {
                try {
                    Signature signature = Signature.getInstance("NONEwithRSA");
                    signature.initSign(key);
                    signature.update(digestInfo(hash));
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String accessToken;
    private final String pin;
    private final Map<String, Credential> credentials = new LinkedHashMap<>();
    private final Map<String, Sad> sads = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicInteger authorizeCalls = new AtomicInteger();
    private final AtomicInteger signHashCalls = new AtomicInteger();
    private final AtomicInteger credentialInfoCalls = new AtomicInteger();

    /** An issued SAD: its credential, the hashes (base64) not yet signed, and its expiry. */
    private static final class Sad {
        final String credentialId;
        final List<String> remaining;
        final Instant expires;

        Sad(String credentialId, List<String> hashes, Instant expires) {
            this.credentialId = credentialId;
            this.remaining = new ArrayList<>(hashes);
            this.expires = expires;
        }
    }

    /** A CSC-style refusal. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;

        Refusal(int status, String error, String description) {
            super(description);
            this.status = status;
            this.error = error;
        }
    }

    private CscTestServer(String accessToken, String pin, List<Credential> credentials, Clock clock)
            throws IOException {
        this.accessToken = accessToken;
        this.pin = pin;
        this.clock = clock;
        for (Credential c : credentials) {
            this.credentials.put(c.id(), c);
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/csc/", this::handle);
        server.start();
    }

    /**
     * Starts the server.
     *
     * @param accessToken the bearer token clients must send
     * @param pin         the PIN of every credential
     * @param credentials the credentials it holds
     * @return the running server
     */
    public static CscTestServer start(String accessToken, char[] pin, List<Credential> credentials) {
        try {
            return new CscTestServer(accessToken, new String(pin), credentials, Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the CSC test server", e);
        }
    }

    /** @return a fresh random bearer token, for tests */
    public static String randomAccessToken() {
        return HexFormat.of().formatHex(RANDOM.generateSeed(16));
    }

    /** @return the base URI to give to {@link CscClient} (without {@code /csc/v1}) */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** @return how many {@code credentials/authorize} requests it has answered with a SAD */
    public int authorizations() {
        return authorizeCalls.get();
    }

    /** @return how many {@code credentials/info} requests it has answered */
    public int credentialInfoRequests() {
        return credentialInfoCalls.get();
    }

    /** @return how many {@code signatures/signHash} requests it has answered with signatures */
    public int signHashRequests() {
        return signHashCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String version;
            String method;
            if (path.startsWith("/csc/v1/")) {
                version = "v1";
                method = path.substring("/csc/v1/".length());
            } else if (path.startsWith("/csc/v2/")) {
                version = "v2";
                method = path.substring("/csc/v2/".length());
            } else {
                respond(exchange, 404, error("invalid_request", "Unknown API version in " + path));
                return;
            }
            try {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    throw new Refusal(405, "invalid_request", "Only POST is supported");
                }
                JsonNode request;
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
                } catch (IOException e) {
                    throw new Refusal(400, "invalid_request", "Malformed JSON");
                }
                if (!"info".equals(method)) {
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    if (!("Bearer " + accessToken).equals(authorization)) {
                        throw new Refusal(401, "invalid_token", "The access token is not valid");
                    }
                }
                ObjectNode answer = switch (method) {
                    case "info" -> info(version);
                    case "credentials/list" -> list();
                    case "credentials/info" -> credentialInfo(request);
                    case "credentials/authorize" -> authorize(version, request);
                    case "signatures/signHash" -> signHash(version, request);
                    default -> throw new Refusal(404, "invalid_request", "Unknown method " + method);
                };
                respond(exchange, 200, answer);
            } catch (Refusal r) {
                respond(exchange, r.status, error(r.error, r.getMessage()));
            } catch (RuntimeException e) {
                respond(exchange, 500, error("server_error", "Internal error"));
            }
        }
    }

    private ObjectNode info(String version) {
        ObjectNode answer = JSON.createObjectNode()
                .put("specs", "v1".equals(version) ? "1.0.4.0" : "2.0.0.2")
                .put("name", "Hocba CSC test service")
                .put("logo", "http://127.0.0.1/logo.png")
                .put("region", "VN")
                .put("lang", "vi-VN")
                .put("description", "Remote signing for tests");
        answer.putArray("authType").add("oauth2code");
        answer.putArray("methods").add("info").add("credentials/list").add("credentials/info")
                .add("credentials/authorize").add("signatures/signHash");
        return answer;
    }

    private ObjectNode list() {
        ObjectNode answer = JSON.createObjectNode();
        credentials.keySet().forEach(answer.putArray("credentialIDs")::add);
        return answer;
    }

    private ObjectNode credentialInfo(JsonNode request) throws Refusal {
        Credential credential = credential(request);
        credentialInfoCalls.incrementAndGet();
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode key = answer.putObject("key").put("status", "enabled");
        key.putArray("algo").add(CscClient.RSA);
        key.put("len", ((java.security.interfaces.RSAPublicKey) credential.chain().get(0).getPublicKey())
                .getModulus().bitLength());
        ObjectNode cert = answer.putObject("cert").put("status", "valid");
        var certificates = cert.putArray("certificates");
        String wanted = request.path("certificates").asText("single");
        List<X509Certificate> sent = switch (wanted) {
            case "none" -> List.of();
            case "chain" -> credential.chain();
            default -> credential.chain().subList(0, 1);
        };
        for (X509Certificate c : sent) {
            try {
                certificates.add(Base64.getEncoder().encodeToString(c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        answer.put("authMode", "explicit");
        answer.putObject("PIN").put("presence", "true").put("format", "N").put("label", "PIN");
        answer.put("multisign", MULTISIGN);
        return answer;
    }

    private ObjectNode authorize(String version, JsonNode request) throws Refusal {
        Credential credential = credential(request);
        String givenPin = "v1".equals(version) ? request.path("PIN").asText(null) : v2Pin(request);
        if (givenPin == null) {
            throw new Refusal(400, "invalid_request", "Missing PIN");
        }
        if (!MessageDigest.isEqual(givenPin.getBytes(StandardCharsets.UTF_8), pin.getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(400, "invalid_pin", "The PIN is invalid");
        }
        List<String> hashes = hashes(request, "v1".equals(version) ? "hash" : "hashes");
        if ("v2".equals(version)) {
            checkHashAlgorithm(request.path("hashAlgorithmOID").asText(null));
        }
        int numSignatures = request.path("numSignatures").asInt(0);
        if (numSignatures < 1 || numSignatures > MULTISIGN) {
            throw new Refusal(400, "invalid_request", "numSignatures must be between 1 and " + MULTISIGN);
        }
        if (numSignatures != hashes.size()) {
            throw new Refusal(400, "invalid_request", "numSignatures (" + numSignatures
                    + ") does not match the number of hashes (" + hashes.size() + ")");
        }
        String sad = HexFormat.of().formatHex(RANDOM.generateSeed(24));
        sads.put(sad, new Sad(credential.id(), hashes, clock.instant().plus(SAD_LIFETIME)));
        authorizeCalls.incrementAndGet();
        return JSON.createObjectNode().put("SAD", sad).put("expiresIn", SAD_LIFETIME.toSeconds());
    }

    private static String v2Pin(JsonNode request) {
        for (JsonNode object : request.path("authData")) {
            if ("PIN".equals(object.path("id").asText())) {
                return object.path("value").asText(null);
            }
        }
        return null;
    }

    private ObjectNode signHash(String version, JsonNode request) throws Refusal {
        Credential credential = credential(request);
        List<String> hashes = hashes(request, "v1".equals(version) ? "hash" : "hashes");
        String signAlgo = request.path("signAlgo").asText(null);
        String hashAlgo = request.path("v1".equals(version) ? "hashAlgo" : "hashAlgorithmOID").asText(null);
        if (CscClient.RSA.equals(signAlgo)) {
            checkHashAlgorithm(hashAlgo);
        } else if (!CscClient.SHA256_WITH_RSA.equals(signAlgo)) {
            throw new Refusal(400, "invalid_request", "Unsupported signAlgo " + signAlgo);
        } else if (hashAlgo != null) {
            checkHashAlgorithm(hashAlgo);
        }
        String sadValue = request.path("SAD").asText(null);
        Sad sad = sadValue == null ? null : sads.get(sadValue);
        if (sad == null) {
            throw new Refusal(400, "invalid_request", "Invalid SAD: unknown, expired or used up");
        }
        synchronized (sad) {
            if (clock.instant().isAfter(sad.expires)) {
                sads.remove(sadValue);
                throw new Refusal(400, "invalid_request", "Invalid SAD: expired");
            }
            if (!sad.credentialId.equals(credential.id())) {
                throw new Refusal(400, "invalid_request", "Invalid SAD: issued for another credential");
            }
            if (hashes.size() > sad.remaining.size()) {
                throw new Refusal(400, "invalid_request", "Invalid SAD: it covers " + sad.remaining.size()
                        + " more signatures, " + hashes.size() + " requested");
            }
            List<String> left = new ArrayList<>(sad.remaining);
            for (String hash : hashes) {
                if (!left.remove(hash)) {
                    throw new Refusal(400, "invalid_request", "Invalid SAD: a hash was not authorized");
                }
            }
            sad.remaining.clear();
            sad.remaining.addAll(left);
            if (left.isEmpty()) {
                sads.remove(sadValue);
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        var signatures = answer.putArray("signatures");
        for (String hash : hashes) {
            signatures.add(Base64.getEncoder().encodeToString(
                    credential.signer().signSha256(Base64.getDecoder().decode(hash))));
        }
        signHashCalls.incrementAndGet();
        return answer;
    }

    private Credential credential(JsonNode request) throws Refusal {
        String id = request.path("credentialID").asText(null);
        Credential credential = id == null ? null : credentials.get(id);
        if (credential == null) {
            throw new Refusal(400, "invalid_request", "Invalid parameter credentialID");
        }
        return credential;
    }

    private static void checkHashAlgorithm(String oid) throws Refusal {
        if (!CscClient.SHA256.equals(oid)) {
            throw new Refusal(400, "invalid_request", "Unsupported hash algorithm " + oid);
        }
    }

    private static List<String> hashes(JsonNode request, String field) throws Refusal {
        List<String> hashes = new ArrayList<>();
        for (JsonNode hash : request.path(field)) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(hash.asText());
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "invalid_request", "Invalid parameter " + field + ": not base64");
            }
            if (bytes.length != 32) {
                throw new Refusal(400, "invalid_request", "Invalid parameter " + field + ": not a SHA-256 hash");
            }
            // canonical base64, so that the same hash matches however the client padded it
            hashes.add(Base64.getEncoder().encodeToString(bytes));
        }
        if (hashes.isEmpty()) {
            throw new Refusal(400, "invalid_request", "Missing parameter " + field);
        }
        return hashes;
    }

    static byte[] digestInfo(byte[] sha256) {
        try {
            return new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), sha256)
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode error(String error, String description) {
        return JSON.createObjectNode().put("error", error).put("error_description", description);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
