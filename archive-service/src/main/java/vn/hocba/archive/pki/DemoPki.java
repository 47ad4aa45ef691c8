package vn.hocba.archive.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TimestampSource;
import vn.hocba.signing.http.HttpTimestampSource;
import vn.hocba.signing.pki.PkiServices;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;

/**
 * The embedded default's demo PKI: a root CA, an issuing CA under it, and one certificate per staff member, created on first use under
 * {@code <data-dir>/pki} (never in the repository), and the CA's services as real HTTP servers on loopback: an
 * RFC 3161 time-stamping authority, an OCSP responder and the CRL ({@link PkiServices}). Staff certificates name the
 * OCSP responder and the CRL, so signatures reach B-LT with real revocation data; the port is chosen once and kept in
 * {@code pki/services-port}, and the CA's issued serials and revocations in {@code pki/ca-records}, so that both
 * still answer for old certificates after a restart. The keystore password is generated once and kept beside them,
 * readable by the owner only.
 */
class DemoPki implements SigningKeys, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoPki.class);
    private static final String ALIAS = "signer";
    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Path dir;
    private final char[] password;
    private final CertificateAuthority root;
    /** Issues the staff certificates (and the TSA's), under the root; older demo data has staff issued by the root. */
    private final CertificateAuthority issuing;
    private final Map<String, SigningToken> tokens = new ConcurrentHashMap<>();
    private final PkiServices services;
    private final TimestampSource timestamps;

    DemoPki(Path dataDir, Clock clock, int servicesPort, Duration timeout) {
        this.dir = dataDir.resolve("pki");
        try {
            Files.createDirectories(dir);
            this.password = password(dir.resolve("keystore-password"));
            Path rootFile = dir.resolve("demo-root-ca.p12");
            if (Files.exists(rootFile)) {
                root = CertificateAuthority.loadPkcs12(rootFile, password, clock);
            } else {
                root = CertificateAuthority.createRoot("Hocba Demo Root CA", "Hocba (demo)", clock);
                root.writePkcs12(rootFile, password);
                Files.writeString(dir.resolve("demo-root-ca.pem"), Pem.encode(List.of(root.certificate())));
                log.info("created the demo root CA in {}", dir);
            }
            root.keepRecordsIn(dir.resolve("ca-records"));
            Path issuingFile = dir.resolve("demo-issuing-ca.p12");
            CertificateAuthority loaded = null;
            if (Files.exists(issuingFile)) {
                loaded = CertificateAuthority.loadPkcs12(issuingFile, password, clock)
                        .keepRecordsIn(dir.resolve("issuing-ca-records"));
            }
            this.services = startServices(dir.resolve("services-port"), servicesPort,
                    loaded == null ? List.of(root) : List.of(root, loaded));
            if (loaded == null) {
                // its certificate names the root's OCSP responder and CRL, which only exist once the services listen
                loaded = root.issueSubordinate("Hocba Demo Issuing CA", "Hocba (demo)", services.endpoints(root));
                loaded.writePkcs12(issuingFile, password);
                loaded.keepRecordsIn(dir.resolve("issuing-ca-records"));
                services.serve(loaded);
                log.info("created the demo issuing CA under the demo root in {}", dir);
            }
            this.issuing = loaded;
            this.timestamps = new HttpTimestampSource(services.timestampUrl(), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PkiServices startServices(Path portFile, int configured, List<CertificateAuthority> cas) throws IOException {
        int port = configured;
        if (port == 0 && Files.exists(portFile)) {
            port = Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
        }
        PkiServices started;
        try {
            started = PkiServices.start(cas, port);
        } catch (vn.hocba.signing.SigningException busy) {
            log.warn("demo PKI: port {} is taken; the services start on another port, and certificates issued before "
                    + "(which name the old port) cannot be checked for revocation until it is free again", port);
            started = PkiServices.start(cas, 0);
        }
        Files.writeString(portFile, Integer.toString(started.endpoints().ocsp().getPort()), StandardCharsets.US_ASCII);
        log.info("demo PKI: TSA, OCSP and CRL on {}", started.timestampUrl().resolve("/"));
        return started;
    }

    /** @return the demo time-stamping authority */
    TimestampSource timestamps() {
        return timestamps;
    }

    @Override
    public void close() {
        services.close();
    }

    @Override
    public SigningToken tokenFor(String school, String schoolName, String staffId, String fullName) {
        return tokens.computeIfAbsent(school + "/" + staffId, k -> load(school, schoolName, staffId, fullName));
    }

    private SigningToken load(String school, String schoolName, String staffId, String fullName) {
        Path file = keyStore(school, staffId);
        try {
            if (Files.exists(file)) {
                try {
                    return vn.hocba.signing.KeyStoreSigningToken.fromPkcs12(file, password, ALIAS);
                } catch (vn.hocba.signing.SigningException unreadable) {
                    // a demo key store cut short by a crash of an older version (writes are atomic now): the demo
                    // issues the staff member a new key, as a CA would after a lost token
                    log.warn("demo PKI: the key store of {}/{} is unreadable; issuing a new demo certificate", school,
                            staffId);
                }
            }
            Files.createDirectories(file.getParent());
            IssuedCredential credential = issuing.issue(fullName, schoolName, staffId + "@" + school,
                    services.endpoints(issuing));
            credential.writePkcs12(file, password, ALIAS);
            return credential.token();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Revokes a staff member's current demo certificate (reason key compromise, now): the OCSP responder and CRL say
     * so at once. The revoked key stays that staff member's key until {@link #reissue}, as a token whose certificate
     * was revoked stays in a teacher's hand until a new one is issued.
     *
     * @return the revoked certificate
     * @throws IllegalArgumentException when that staff member has no demo certificate yet
     */
    X509Certificate revoke(String school, String staffId) {
        Path file = keyStore(school, staffId);
        SigningToken token = tokens.get(school + "/" + staffId);
        if (token == null && Files.exists(file)) {
            token = vn.hocba.signing.KeyStoreSigningToken.fromPkcs12(file, password, ALIAS);
            tokens.put(school + "/" + staffId, token);
        }
        if (token == null) {
            throw new IllegalArgumentException("no demo certificate for " + staffId + "@" + school);
        }
        // certificates of older demo data were issued by the root itself
        CertificateAuthority issuer = token.certificate().getIssuerX500Principal()
                .equals(issuing.certificate().getSubjectX500Principal()) ? issuing : root;
        issuer.revoke(token.certificate().getSerialNumber(), java.security.cert.CRLReason.KEY_COMPROMISE,
                java.time.Instant.now());
        return token.certificate();
    }

    /**
     * Certifies a key the staff member holds elsewhere (a token, a signing agent), as a CA would after checking who
     * asks: a document-signing certificate with the staff member's name and {@code staffId@school}, naming the demo
     * OCSP responder and CRL.
     *
     * @return the chain: the new certificate, then the demo root
     */
    List<X509Certificate> certify(java.security.PublicKey key, String school, String schoolName, String staffId,
                                  String fullName) {
        return issuing.issueFor(key, fullName, schoolName, staffId + "@" + school, services.endpoints(issuing));
    }

    /**
     * Forgets a staff member's demo key, so that the next signature issues a new key and certificate.
     *
     * @return false when that staff member had no demo key
     */
    boolean reissue(String school, String staffId) throws IOException {
        Path file = keyStore(school, staffId);
        boolean cached = tokens.remove(school + "/" + staffId) != null;
        return Files.deleteIfExists(file) || cached;
    }

    /** A staff member's key store; school and staff are codes (letters, digits, '-', '_'), never a path. */
    private Path keyStore(String school, String staffId) {
        if (!SAFE_ID.matcher(school).matches() || !SAFE_ID.matcher(staffId).matches()) {
            throw new IllegalArgumentException("not a school or staff code");
        }
        return dir.resolve("staff").resolve(school).resolve(staffId + ".p12");
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return List.of(root.certificate());
    }

    @Override
    public List<X509Certificate> intermediates() {
        return List.of(issuing.certificate());
    }

    private static char[] password(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            // written whole or not at all (a temporary file renamed), like the key stores it opens
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".keystore-password", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(Base64.getUrlEncoder().withoutPadding().encodeToString(random)
                        .getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }
}
