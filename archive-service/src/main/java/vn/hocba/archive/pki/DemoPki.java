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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hocba.signing.SigningToken;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;

/**
 * The embedded default's demo PKI: a root CA and one certificate per staff member, created on first use under
 * {@code <data-dir>/pki} (never in the repository). The keystore password is generated once and kept beside them,
 * readable by the owner only.
 */
class DemoPki implements SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(DemoPki.class);
    private static final String ALIAS = "signer";

    private final Path dir;
    private final char[] password;
    private final CertificateAuthority root;
    private final Map<String, SigningToken> tokens = new ConcurrentHashMap<>();

    DemoPki(Path dataDir, Clock clock) {
        this.dir = dataDir.resolve("pki");
        try {
            Files.createDirectories(dir);
            this.password = password(dir.resolve("keystore-password"));
            Path rootFile = dir.resolve("demo-root-ca.p12");
            if (Files.exists(rootFile)) {
                root = CertificateAuthority.loadPkcs12(rootFile, password);
            } else {
                root = CertificateAuthority.createRoot("Hocba Demo Root CA", "Hocba (demo)", clock);
                root.writePkcs12(rootFile, password);
                Files.writeString(dir.resolve("demo-root-ca.pem"), Pem.encode(List.of(root.certificate())));
                log.info("created the demo root CA in {}", dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SigningToken tokenFor(String school, String schoolName, String staffId, String fullName) {
        return tokens.computeIfAbsent(school + "/" + staffId, k -> load(school, schoolName, staffId, fullName));
    }

    private SigningToken load(String school, String schoolName, String staffId, String fullName) {
        Path file = dir.resolve("staff").resolve(school).resolve(staffId + ".p12");
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
            IssuedCredential credential = root.issue(fullName, schoolName, staffId + "@" + school);
            credential.writePkcs12(file, password, ALIAS);
            return credential.token();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return List.of(root.certificate());
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
