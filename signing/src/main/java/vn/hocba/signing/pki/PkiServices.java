package vn.hocba.signing.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import vn.hocba.signing.SigningException;

/**
 * The services of one or more {@link CertificateAuthority CAs} (typically a root and the issuing CA under it) over
 * plain HTTP on one loopback port, for the embedded demo and for tests. The CAs are numbered in the order given, from
 * 0:
 * <ul>
 * <li>{@code POST /tsa}: an RFC 3161 time-stamping authority ({@code application/timestamp-query} in,
 * {@code application/timestamp-reply} out), SHA-256, with its own certificate issued by the LAST CA given (the
 * issuing CA of a root-then-issuing list, as real TSAs sit under an issuing CA; see
 * {@link CertificateAuthority#issueTimestamping}) and that certificate's whole chain in every token;</li>
 * <li>{@code POST /ocsp} and {@code GET /ocsp/{base64 request}} (RFC 6960 A.1): one OCSP responder for every CA
 * served. It finds the CA by the request's CertID (issuer name and key hashes) and signs the answer with that CA's
 * own key (RFC 6960 4.2.2.2: the issuer may sign its own responses; no delegated responder certificate, so nothing
 * more to check or to revoke), answering good, revoked or unknown from that CA's records, with the request's nonce
 * echoed. A request for a CA not served is answered "unknown", signed by CA 0;</li>
 * <li>{@code GET /crl/{n}}: a fresh CRL of CA {@code n}, DER ({@code application/pkix-crl});</li>
 * <li>{@code GET /ca/{n}.crt}: CA {@code n}'s certificate, DER ({@code application/pkix-cert}), for AIA
 * caIssuers;</li>
 * <li>{@code GET /crl} and {@code GET /ca.crt}: the same for CA 0, the paths of the single-CA services, kept so
 * that certificates issued with them stay checkable.</li>
 * </ul>
 * {@link #serve} adds a CA to running services. {@link #endpoints(CertificateAuthority)} gives the URLs to write into the certificates a CA issues. The first CA's
 * clock gives the time of tokens; each CA's clock the time of its answers and CRLs. {@link #close()} stops the
 * server. Thread-safe.
 */
public final class PkiServices implements AutoCloseable {

    /** How long an OCSP answer or a CRL is fresh (RFC 6960 nextUpdate, RFC 5280 nextUpdate). */
    private static final Duration FRESHNESS = Duration.ofDays(7);
    static {
        // The JDK's HttpServer leaves Nagle's algorithm on unless told otherwise (read once, when its configuration
        // class loads): a small answer written after its headers then waits for the client's delayed ACK, ~40 ms per
        // OCSP answer or timestamp on loopback, which made every B-T signature and every B-LT extension wait.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The TSA's policy: an OID of the ITU-T/ISO "example" arc (2.999), as this is a test TSA, not a real one. */
    private static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("2.999.1.1");
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final String TSA_NAME = "Hocba Test TSA";

    /** A CA served, its number in the paths and the URLs of its services. */
    private record Served(int number, CertificateAuthority ca, X509CertificateHolder holder,
                          RevocationEndpoints endpoints) {
    }

    /** Copy-on-write: {@link #serve} adds to it while requests read it. */
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private final String base;
    private final URI tsa;
    private volatile IssuedCredential tsaCredential;
    private final Clock tsaClock;
    private final AtomicLong tsaSerial = new AtomicLong();
    private final DigestCalculatorProvider digests;

    private PkiServices(List<CertificateAuthority> cas, HttpServer server) throws GeneralSecurityException,
            OperatorCreationException {
        this.server = server;
        InetSocketAddress address = server.getAddress();
        this.base = "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
        for (CertificateAuthority ca : cas) {
            add(ca);
        }
        this.tsa = URI.create(base + "/tsa");
        Served issuing = served.get(served.size() - 1);
        this.tsaCredential = issuing.ca().issueTimestamping(TSA_NAME, issuing.endpoints());
        this.tsaClock = served.get(0).ca().clock();
        this.digests = new JcaDigestCalculatorProviderBuilder().build();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "pki-services");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/tsa", exchange -> handle(exchange, "POST", this::timestamp));
        server.createContext("/ocsp", exchange -> handle(exchange, null, this::ocsp));
        server.createContext("/crl", exchange -> handle(exchange, "GET", this::crl));
        server.createContext("/ca.crt", exchange -> handle(exchange, "GET", this::caCertificate));
        server.createContext("/ca/", exchange -> handle(exchange, "GET", this::caCertificate));
    }

    /**
     * Starts the services of one CA on the loopback interface; its TSA certificate is issued by that CA.
     *
     * @param ca   the CA whose records the services serve
     * @param port the port, or 0 for any free one
     * @return the running services
     */
    public static PkiServices start(CertificateAuthority ca, int port) {
        Objects.requireNonNull(ca, "ca");
        return start(List.of(ca), port);
    }

    /**
     * Starts the services of several CAs on one loopback port, e.g. {@code List.of(root, issuing)}: one OCSP
     * responder for all, a CRL and a certificate URL per CA, and a TSA whose certificate the last CA issues.
     *
     * @param cas  the CAs served, at least one, each once; numbered from 0 in this order in the URLs
     * @param port the port, or 0 for any free one
     * @return the running services
     */
    public static PkiServices start(List<CertificateAuthority> cas, int port) {
        Objects.requireNonNull(cas, "cas");
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("no CA to serve");
        }
        if (new HashSet<>(cas).size() != cas.size()) {
            throw new IllegalArgumentException("a CA is listed twice");
        }
        cas.forEach(ca -> Objects.requireNonNull(ca, "ca"));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new SigningException("cannot listen on loopback port " + port, e);
        }
        try {
            PkiServices services = new PkiServices(List.copyOf(cas), server);
            server.start();
            return services;
        } catch (GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            server.stop(0);
            throw new SigningException("cannot start the PKI services", e);
        }
    }

    private Served add(CertificateAuthority ca) throws CertificateEncodingException {
        int n = served.size();
        Served one = new Served(n, ca, new JcaX509CertificateHolder(ca.certificate()),
                new RevocationEndpoints(URI.create(base + "/ocsp"), URI.create(base + "/ca/" + n + ".crt"),
                        URI.create(base + "/crl/" + n)));
        served.add(one);
        return one;
    }

    /**
     * Serves one more CA on the running server, numbered next, and re-issues the TSA certificate under it (the TSA
     * stays under the last CA served; tokens already made keep their certificate, which stays valid). This is how a
     * hierarchy starts when the port is only known once bound: start with the root, create the issuing CA with
     * {@code endpoints(root)}, then serve it:
     * <pre>{@code
     * PkiServices services = PkiServices.start(root, 0);
     * CertificateAuthority issuing = root.issueSubordinate("Issuing CA", org, services.endpoints(root));
     * RevocationEndpoints forLeaves = services.serve(issuing);
     * }</pre>
     *
     * @param ca a CA not yet served here
     * @return the OCSP, caIssuers and CRL URLs to put in the certificates {@code ca} issues
     */
    public synchronized RevocationEndpoints serve(CertificateAuthority ca) {
        Objects.requireNonNull(ca, "ca");
        for (Served one : served) {
            if (one.ca() == ca) {
                throw new IllegalArgumentException("already served here: " + ca);
            }
        }
        try {
            Served added = add(ca);
            tsaCredential = ca.issueTimestamping(TSA_NAME, added.endpoints());
            return added.endpoints();
        } catch (CertificateEncodingException e) {
            throw new SigningException("cannot serve " + ca, e);
        }
    }

    /** @return the OCSP, caIssuers and CRL URLs to put in certificates that the first CA served issues */
    public RevocationEndpoints endpoints() {
        return served.get(0).endpoints();
    }

    /**
     * @param ca a CA these services serve
     * @return the OCSP, caIssuers and CRL URLs to put in the certificates {@code ca} issues
     * @throws IllegalArgumentException if {@code ca} is not served here
     */
    public RevocationEndpoints endpoints(CertificateAuthority ca) {
        return servedAs(ca).endpoints();
    }

    private Served servedAs(CertificateAuthority ca) {
        for (Served one : served) {
            if (one.ca() == ca) {
                return one;
            }
        }
        throw new IllegalArgumentException("not served here: " + ca);
    }

    /** @return the RFC 3161 time-stamping URL */
    public URI timestampUrl() {
        return tsa;
    }

    /** @return the TSA's certificate, issued by the last CA served */
    public X509Certificate timestampingCertificate() {
        return tsaCredential.certificate();
    }

    /** @return the TSA's certificate, then its issuers' up to the root, as every token carries them */
    public List<X509Certificate> timestampingChain() {
        return tsaCredential.chain();
    }

    /** Stops the server at once; requests in progress are dropped. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private record Reply(int status, String contentType, byte[] body) {
    }

    @FunctionalInterface
    private interface Handler {
        Reply answer(HttpExchange exchange, byte[] body) throws Exception;
    }

    private static void handle(HttpExchange exchange, String method, Handler handler) throws IOException {
        try (exchange) {
            Reply reply;
            if (method != null && !method.equals(exchange.getRequestMethod())) {
                reply = new Reply(405, "text/plain", ("use " + method).getBytes(StandardCharsets.UTF_8));
                exchange.getResponseHeaders().add("Allow", method);
            } else {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                try {
                    reply = handler.answer(exchange, body);
                } catch (Exception e) {
                    reply = new Reply(500, "text/plain",
                            String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
                }
            }
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private Reply timestamp(HttpExchange exchange, byte[] body) throws Exception {
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(body);
        } catch (IOException | RuntimeException e) {
            return new Reply(400, "text/plain", "not a timestamp query".getBytes(StandardCharsets.UTF_8));
        }
        // ESSCertIDv2 with SHA-256 identifies the TSA certificate (RFC 5816)
        IssuedCredential tsaCredential = this.tsaCredential;
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build(SIGNATURE_ALGORITHM, tsaCredential.privateKey(),
                        tsaCredential.certificate()),
                digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), TSA_POLICY);
        tokens.addCertificates(new JcaCertStore(tsaCredential.chain()));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        // generate() answers a rejection (not an exception) for a request with an unsupported digest or policy
        TimeStampResponse response = responses.generate(request,
                BigInteger.valueOf(tsaSerial.incrementAndGet()), Date.from(tsaClock.instant()));
        return new Reply(200, "application/timestamp-reply", response.getEncoded());
    }

    private Reply ocsp(HttpExchange exchange, byte[] body) throws Exception {
        byte[] encoded;
        if ("POST".equals(exchange.getRequestMethod())) {
            encoded = body;
        } else if ("GET".equals(exchange.getRequestMethod())) {
            // RFC 6960 A.1: GET {url}/{url-encoding of base-64 encoding of the DER encoding of the OCSPRequest}
            String path = exchange.getRequestURI().getRawPath();
            String tail = path.length() > "/ocsp/".length() ? path.substring("/ocsp/".length()) : "";
            try {
                encoded = Base64.getDecoder().decode(URLDecoder.decode(tail, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                return ocspError(OCSPRespBuilder.MALFORMED_REQUEST);
            }
        } else {
            return new Reply(405, "text/plain", "use POST or GET".getBytes(StandardCharsets.UTF_8));
        }
        OCSPReq request;
        try {
            request = new OCSPReq(encoded);
        } catch (IOException | RuntimeException e) {
            return ocspError(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        return new Reply(200, "application/ocsp-response", answer(request).getEncoded());
    }

    private OCSPResp answer(OCSPReq request) throws OCSPException, OperatorCreationException,
            CertificateEncodingException {
        Req[] requests = request.getRequestList();
        if (requests.length == 0) {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null);
        }
        // one signer per answer: the CA of the first CertID; CertIDs of another CA in the same request are "unknown"
        Served responder = issuerOf(requests[0].getCertID()).orElse(served.get(0));
        CertificateAuthority ca = responder.ca();
        Instant now = ca.clock().instant();
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responder.holder().getSubject()));
        for (Req one : requests) {
            CertificateID id = one.getCertID();
            builder.addResponse(id, status(responder, id), Date.from(now), Date.from(now.plus(FRESHNESS)), null);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            // RFC 8954: echo the client's nonce so it can tell this answer is not a replay
            builder.setResponseExtensions(new Extensions(nonce));
        }
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(ca.privateKey());
        BasicOCSPResp basic = builder.build(signer, new X509CertificateHolder[] {responder.holder()}, Date.from(now));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
    }

    private Optional<Served> issuerOf(CertificateID id) throws OCSPException {
        for (Served one : served) {
            if (id.matchesIssuer(one.holder(), digests)) {
                return Optional.of(one);
            }
        }
        return Optional.empty();
    }

    private CertificateStatus status(Served responder, CertificateID id) throws OCSPException {
        CertificateAuthority ca = responder.ca();
        if (!id.matchesIssuer(responder.holder(), digests) || !ca.issued(id.getSerialNumber())) {
            return new UnknownStatus();
        }
        Optional<Revocation> revocation = ca.revocation(id.getSerialNumber());
        if (revocation.isPresent()) {
            return new RevokedStatus(Date.from(revocation.get().time()), revocation.get().reasonCode());
        }
        return CertificateStatus.GOOD;
    }

    private static Reply ocspError(int status) throws OCSPException, IOException {
        return new Reply(200, "application/ocsp-response", new OCSPRespBuilder().build(status, null).getEncoded());
    }

    private Reply crl(HttpExchange exchange, byte[] body) throws Exception {
        Optional<Served> ca = numbered(exchange.getRequestURI().getPath(), "/crl", "");
        if (ca.isEmpty()) {
            return notFound();
        }
        return new Reply(200, "application/pkix-crl", ca.get().ca().crl(FRESHNESS).getEncoded());
    }

    private Reply caCertificate(HttpExchange exchange, byte[] body) throws Exception {
        String path = exchange.getRequestURI().getPath();
        Optional<Served> ca = path.equals("/ca.crt") ? Optional.of(served.get(0)) : numbered(path, "/ca", ".crt");
        if (ca.isEmpty()) {
            return notFound();
        }
        return new Reply(200, "application/pkix-cert", ca.get().ca().certificate().getEncoded());
    }

    /** The CA named by {@code prefix/{n}suffix}, or CA 0 for {@code prefix} alone. */
    private Optional<Served> numbered(String path, String prefix, String suffix) {
        if (path.equals(prefix)) {
            return Optional.of(served.get(0));
        }
        if (!path.startsWith(prefix + "/") || !path.endsWith(suffix)) {
            return Optional.empty();
        }
        String number = path.substring(prefix.length() + 1, path.length() - suffix.length());
        if (number.isEmpty() || number.length() > 4 || !number.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int n = Integer.parseInt(number);
        return n < served.size() ? Optional.of(served.get(n)) : Optional.empty();
    }

    private static Reply notFound() {
        return new Reply(404, "text/plain", "no such CA".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PkiServices[" + server.getAddress() + "]";
    }
}
