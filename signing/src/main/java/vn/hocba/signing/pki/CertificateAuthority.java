package vn.hocba.signing.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.hocba.signing.SigningException;

/**
 * A certificate authority kept in memory: a root ({@link #createRoot}: RSA 3072, SHA256withRSA, valid 20 years) or an
 * issuing CA under another CA ({@link #issueSubordinate}), as real hierarchies are: the root certifies issuing CAs,
 * an issuing CA certifies end entities, and relying parties trust the root alone. It issues end-entity
 * document-signing certificates (RSA 2048, valid 5 years). Meant for the embedded demo and tests, not for production
 * trust. Thread-safe: {@link #issue} may be called concurrently.
 *
 * <p>Certificates from {@link #issue(String, String, String)} carry the {@code noRevAvail} extension (RFC 9608):
 * nothing publishes their status, and saying so lets an offline validator (ETSI EN 319 102-1 with the DSS default
 * policy) skip the revocation check instead of failing it. Certificates from
 * {@link #issue(String, String, String, RevocationEndpoints)} instead point at an OCSP responder and a CRL (served
 * by {@link PkiServices}); the CA keeps the revocations ({@link #revoke}) and signs the CRLs and OCSP answers.
 *
 * <p>End-entity profile (RFC 5280 4.2.1): basicConstraints {@code cA=FALSE} (critical), keyUsage
 * {@code digitalSignature, nonRepudiation} (critical), extendedKeyUsage {@code id-kp-documentSigning} (RFC 9336) and
 * {@code id-kp-emailProtection} (RFC 5280), subject and authority key identifiers. Document signing alone is what the
 * certificate is for, but NSS (and so every poppler-based viewer: Evince, Okular, {@code pdfsig}) verifies a PDF
 * signer for {@code certificateUsageEmailSigner}, and NSS only accepts a leaf whose extendedKeyUsage, when present,
 * includes emailProtection; with documentSigning alone it answers "Certificate type not approved for application" and
 * the viewer shows the signature as of unknown validity. Adobe Acrobat accepts emailProtection as well, so Adobe's
 * Authentic Documents Trust purpose (1.2.840.113583.1.1.5) adds nothing. EU DSS's default policy does not restrict
 * the extended key usage and checks nonRepudiation, which is set.
 *
 * <p>Root profile: basicConstraints {@code cA=TRUE} (critical), keyUsage {@code keyCertSign, cRLSign} (critical), no
 * extendedKeyUsage (an EKU on a CA would, for NSS, narrow every certificate under it). Issuing CA profile: the same
 * with {@code pathLenConstraint=0} and revocation pointers to its parent (see {@link #issueSubordinate}).
 */
public final class CertificateAuthority {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final Duration CA_VALIDITY = Duration.ofDays(20L * 365 + 5);
    private static final Duration SUBORDINATE_VALIDITY = Duration.ofDays(10L * 365 + 2);
    private static final Duration END_ENTITY_VALIDITY = Duration.ofDays(5L * 365 + 1);
    /** Back-date notBefore a little so that a certificate is usable at once on machines with a slightly slow clock. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** RFC 9336 id-kp-documentSigning: what the key is for. */
    private static final KeyPurposeId DOCUMENT_SIGNING =
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));
    /** RFC 9608 id-ce-noRevAvail. */
    private static final ASN1ObjectIdentifier NO_REV_AVAIL = new ASN1ObjectIdentifier("2.5.29.56");
    private static final String CA_ALIAS = "ca";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    /** This CA's certificate, then its issuers' up to the root (for a root: its certificate alone). */
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;
    private final Clock clock;
    /** Serials issued since this instance was created or loaded: what the OCSP responder can vouch for. */
    private final Set<BigInteger> issued = ConcurrentHashMap.newKeySet();
    private final Map<BigInteger, Revocation> revocations = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber = new AtomicLong();
    /** Where issued serials and revocations are appended, or null to keep them in memory only. */
    private volatile Path records;

    private CertificateAuthority(List<X509Certificate> chain, PrivateKey privateKey, Clock clock) {
        this.chain = List.copyOf(chain);
        this.certificate = this.chain.get(0);
        this.privateKey = privateKey;
        this.clock = clock;
    }

    /**
     * Creates a self-signed root CA.
     *
     * @param commonName   the CA's CN, e.g. "Hocba Demo Root CA"
     * @param organisation the CA's O
     * @param clock        the source of "now" for validity periods
     * @return the new CA
     */
    public static CertificateAuthority createRoot(String commonName, String organisation, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        try {
            KeyPair keyPair = generateRsa(3072);
            X500Name subject = name(commonName, organisation, null);
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(CA_VALIDITY)), subject, keyPair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(keyPair.getPublic()));
            X509Certificate cert = sign(builder, keyPair.getPrivate());
            return new CertificateAuthority(List.of(cert), keyPair.getPrivate(), clock);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new SigningException("cannot create root CA", e);
        }
    }

    /**
     * Creates an issuing CA under this one, as real hierarchies are (a root kept offline that only certifies issuing
     * CAs, which certify end entities): a fresh RSA 3072 key and a certificate this CA signs, valid 10 years (never
     * beyond this CA's own certificate). The subordinate keeps this CA's clock, has its own serials, revocations and
     * CRLs, and the chains it issues run leaf, subordinate, then this CA's chain up to the root.
     *
     * <p>Profile (RFC 5280 4.2.1.9, 4.2.1.3): basicConstraints {@code cA=TRUE, pathLenConstraint=0} (critical: it
     * may certify end entities, not further CAs), keyUsage {@code keyCertSign, cRLSign} (critical), subject and
     * authority key identifiers, Authority Information Access (OCSP, caIssuers) and a CRL distribution point pointing
     * at THIS CA's services, so that a relying party can check the subordinate's own status; no extendedKeyUsage (NSS
     * would narrow every certificate under it to that usage).
     *
     * @param commonName      the issuing CA's CN, e.g. "Hocba Test Issuing CA"
     * @param organisation    its O
     * @param parentEndpoints where this (the parent) CA's OCSP responder, certificate and CRL are served
     * @return the new issuing CA
     */
    public CertificateAuthority issueSubordinate(String commonName, String organisation,
                                                 RevocationEndpoints parentEndpoints) {
        Objects.requireNonNull(parentEndpoints, "parentEndpoints");
        try {
            KeyPair keyPair = generateRsa(3072);
            Instant now = clock.instant();
            Instant notAfter = now.plus(SUBORDINATE_VALIDITY);
            if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
                notAfter = certificate.getNotAfter().toInstant();
            }
            BigInteger serial = serial();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial,
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(notAfter), name(commonName, organisation, null),
                    keyPair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(keyPair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(certificate));
            addRevocationPointers(builder, parentEndpoints);
            X509Certificate cert = sign(builder, privateKey);
            append("I " + serial.toString(16));
            issued.add(serial);
            List<X509Certificate> subordinateChain = new java.util.ArrayList<>();
            subordinateChain.add(cert);
            subordinateChain.addAll(chain);
            return new CertificateAuthority(subordinateChain, keyPair.getPrivate(), clock);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new SigningException("cannot create subordinate CA", e);
        }
    }

    /**
     * Reloads a CA written by {@link #writePkcs12}, using the system UTC clock for certificates it issues.
     *
     * @param file     the PKCS#12 file
     * @param password its password
     * @return the CA
     */
    public static CertificateAuthority loadPkcs12(Path file, char[] password) {
        return loadPkcs12(file, password, Clock.systemUTC());
    }

    /**
     * Reloads a CA written by {@link #writePkcs12}.
     *
     * @param file     the PKCS#12 file
     * @param password its password
     * @param clock    the source of "now" for certificates it issues
     * @return the CA
     */
    public static CertificateAuthority loadPkcs12(Path file, char[] password, Clock clock) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = vn.hocba.signing.Pkcs12.newKeyStore();
            store.load(in, password);
            PrivateKey key = (PrivateKey) store.getKey(CA_ALIAS, password);
            if (key == null) {
                throw new SigningException("no CA key entry in " + file.getFileName());
            }
            Certificate[] stored = store.getCertificateChain(CA_ALIAS);
            if (stored == null || stored.length == 0) {
                throw new SigningException("no CA certificate chain in " + file.getFileName());
            }
            List<X509Certificate> loaded = new java.util.ArrayList<>();
            for (Certificate one : stored) {
                loaded.add((X509Certificate) one);
            }
            return new CertificateAuthority(loaded, key, clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningException("cannot load CA key store " + file.getFileName(), e);
        }
    }

    /** @return the CA's own certificate: self-signed (the trust anchor) for a root, signed by its parent otherwise */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return this CA's certificate, then its issuers' up to and including the root; a root's is its certificate */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** @return the self-signed certificate at the end of {@link #chain()}: what relying parties trust */
    public X509Certificate root() {
        return chain.get(chain.size() - 1);
    }

    /** @return the CA's private key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Issues an end-entity document-signing certificate with a fresh RSA 2048 key, with the profile described in the
     * class comment (trusted by EU DSS and by NSS-based PDF viewers once this CA is their anchor). The subject is
     * {@code CN=commonName, O=organisation, C=VN, SERIALNUMBER=serialOrStaffId} with UTF-8 strings, so Vietnamese
     * names keep their diacritics. The certificate says {@code noRevAvail}.
     *
     * @param commonName      the holder's full name, e.g. "Nguyễn Thị Hồng Nhung"
     * @param organisation    the holder's school
     * @param serialOrStaffId the staff identifier put in the subject's serialNumber; may be null
     * @return the key and its chain (end entity, then this CA's {@link #chain()} up to the root)
     */
    public IssuedCredential issue(String commonName, String organisation, String serialOrStaffId) {
        return issue(name(commonName, organisation, serialOrStaffId), (builder, key) -> {
            addDocumentSigningExtensions(builder, key);
            builder.addExtension(NO_REV_AVAIL, false, DERNull.INSTANCE);
        });
    }

    /**
     * Issues a document-signing certificate like {@link #issue(String, String, String)}, but one whose revocation
     * status can be checked: instead of {@code noRevAvail} it carries Authority Information Access (OCSP responder
     * and caIssuers) and a CRL distribution point, so that a signature can be extended to PAdES-BASELINE-LT with the
     * revocation data embedded (ETSI EN 319 142-1 5.4).
     *
     * @param commonName      the holder's full name
     * @param organisation    the holder's school
     * @param serialOrStaffId the staff identifier put in the subject's serialNumber; may be null
     * @param endpoints       where this CA's OCSP responder, certificate and CRL are served
     * @return the key and its chain (end entity, then this CA's {@link #chain()} up to the root)
     */
    public IssuedCredential issue(String commonName, String organisation, String serialOrStaffId,
                                  RevocationEndpoints endpoints) {
        Objects.requireNonNull(endpoints, "endpoints");
        return issue(name(commonName, organisation, serialOrStaffId), (builder, key) -> {
            addDocumentSigningExtensions(builder, key);
            addRevocationPointers(builder, endpoints);
        });
    }

    /**
     * Certifies a public key whose private key lives elsewhere (a PKCS#11 token, a remote signing service), with the
     * same document-signing profile and subject as {@link #issue(String, String, String)}, including
     * {@code noRevAvail}.
     *
     * @param publicKey       the holder's public key (RSA or EC), e.g. read from the token
     * @param commonName      the holder's full name
     * @param organisation    the holder's school
     * @param serialOrStaffId the staff identifier put in the subject's serialNumber; may be null
     * @return the chain: the new end-entity certificate, then this CA's {@link #chain()} up to the root
     */
    public List<X509Certificate> issueFor(PublicKey publicKey, String commonName, String organisation,
                                          String serialOrStaffId) {
        Objects.requireNonNull(publicKey, "publicKey");
        return certify(publicKey, name(commonName, organisation, serialOrStaffId), (builder, key) -> {
            addDocumentSigningExtensions(builder, key);
            builder.addExtension(NO_REV_AVAIL, false, DERNull.INSTANCE);
        });
    }

    /**
     * Certifies a public key whose private key lives elsewhere, like
     * {@link #issue(String, String, String, RevocationEndpoints)}: with OCSP, caIssuers and CRL pointers.
     *
     * @param publicKey       the holder's public key
     * @param commonName      the holder's full name
     * @param organisation    the holder's school
     * @param serialOrStaffId the staff identifier put in the subject's serialNumber; may be null
     * @param endpoints       where this CA's OCSP responder, certificate and CRL are served
     * @return the chain: the new end-entity certificate, then this CA's {@link #chain()} up to the root
     */
    public List<X509Certificate> issueFor(PublicKey publicKey, String commonName, String organisation,
                                          String serialOrStaffId, RevocationEndpoints endpoints) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(endpoints, "endpoints");
        return certify(publicKey, name(commonName, organisation, serialOrStaffId), (builder, key) -> {
            addDocumentSigningExtensions(builder, key);
            addRevocationPointers(builder, endpoints);
        });
    }

    /**
     * Issues a time-stamping unit's certificate (RFC 3161 2.3): keyUsage digitalSignature (critical), the single
     * extendedKeyUsage id-kp-timeStamping, critical as RFC 3161 requires, and the revocation pointers, so that a
     * validator can check the TSA certificate as well as the signer's.
     *
     * @param commonName the TSA's CN
     * @param endpoints  where this CA's OCSP responder, certificate and CRL are served
     * @return the key and its chain (TSA certificate, then this CA's {@link #chain()} up to the root)
     */
    public IssuedCredential issueTimestamping(String commonName, RevocationEndpoints endpoints) {
        Objects.requireNonNull(endpoints, "endpoints");
        return issue(name(commonName, null, null), (builder, key) -> {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(certificate));
            addRevocationPointers(builder, endpoints);
        });
    }

    /**
     * Revokes a certificate this CA issued. The OCSP responder answers "revoked" from now on, and every CRL made
     * after this call lists it. Revoking again keeps the first revocation (RFC 5280: revocation is final).
     *
     * @param serial the certificate's serial number
     * @param reason why (RFC 5280 5.3.1)
     * @param time   when the certificate was revoked
     * @throws IllegalArgumentException if this CA (since it was created or loaded) did not issue that serial
     */
    public void revoke(BigInteger serial, CRLReason reason, Instant time) {
        Revocation revocation = new Revocation(serial, reason, time);
        if (!issued.contains(serial)) {
            throw new IllegalArgumentException("not issued by this CA: serial " + serial.toString(16));
        }
        if (revocations.putIfAbsent(serial, revocation) == null) {
            append("R " + serial.toString(16) + " " + reason.ordinal() + " " + time.toEpochMilli());
        }
    }

    /**
     * @param serial a certificate serial number
     * @return whether this CA issued it since it was created or loaded (an OCSP responder answers "unknown" if not)
     */
    public boolean issued(BigInteger serial) {
        return issued.contains(serial);
    }

    /**
     * @param serial a certificate serial number
     * @return its revocation, if it was revoked
     */
    public Optional<Revocation> revocation(BigInteger serial) {
        return Optional.ofNullable(revocations.get(serial));
    }

    /**
     * Makes and signs a CRL (RFC 5280 5) listing every revocation so far, with a fresh CRL number and this CA's
     * authority key identifier.
     *
     * @param validity how long until nextUpdate
     * @return the CRL
     */
    public X509CRL crl(Duration validity) {
        Instant now = clock.instant();
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate, Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(validity)));
            for (Revocation revocation : revocations.values()) {
                builder.addCRLEntry(revocation.serial(), Date.from(revocation.time()), revocation.reasonCode());
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(privateKey);
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new SigningException("cannot make CRL", e);
        }
    }

    Clock clock() {
        return clock;
    }

    /**
     * Keeps this CA's records (issued serials and revocations) in {@code file}: reads what is there, then appends
     * every later issue and revocation, forced to disk before the certificate or revocation is returned, so that the
     * OCSP responder and the CRLs still know them after a restart. One line per record: {@code I <serial hex>} or
     * {@code R <serial hex> <reason code> <epoch millis>}.
     *
     * @param file the records file (created if absent)
     * @return this CA
     */
    public CertificateAuthority keepRecordsIn(Path file) {
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.US_ASCII)) {
                    String[] parts = line.strip().split(" ");
                    try {
                        if (parts.length == 2 && parts[0].equals("I")) {
                            issued.add(new BigInteger(parts[1], 16));
                        } else if (parts.length == 4 && parts[0].equals("R")) {
                            BigInteger serial = new BigInteger(parts[1], 16);
                            revocations.putIfAbsent(serial, new Revocation(serial,
                                    CRLReason.values()[Integer.parseInt(parts[2])],
                                    Instant.ofEpochMilli(Long.parseLong(parts[3]))));
                        }
                    } catch (RuntimeException torn) {
                        // a line cut short by a crash or an interrupt mid-append: its certificate was never handed
                        // out (the record is written before issue returns), so there is nothing to vouch for
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new SigningException("cannot read the CA records " + file.getFileName(), e);
        }
        this.records = file;
        return this;
    }

    private void append(String line) {
        Path file = records;
        if (file == null) {
            return;
        }
        synchronized (this) {
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)) {
                // a line torn by an earlier crash gets ended first, so that this record stands on a line of its own
                String prefix = channel.size() > 0 && !endsWithNewline(file, channel.size()) ? "\n" : "";
                channel.write(java.nio.ByteBuffer.wrap((prefix + line + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                channel.force(true);
            } catch (IOException e) {
                throw new SigningException("cannot write the CA records " + file.getFileName(), e);
            }
        }
    }

    private static boolean endsWithNewline(Path file, long size) throws IOException {
        try (var in = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            in.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    @FunctionalInterface
    private interface Profile {
        void addExtensions(X509v3CertificateBuilder builder, PublicKey publicKey)
                throws GeneralSecurityException, IOException;
    }

    private IssuedCredential issue(X500Name subject, Profile profile) {
        KeyPair keyPair;
        try {
            keyPair = generateRsa(2048);
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot issue certificate", e);
        }
        return new IssuedCredential(keyPair.getPrivate(), certify(keyPair.getPublic(), subject, profile));
    }

    private List<X509Certificate> certify(PublicKey publicKey, X500Name subject, Profile profile) {
        try {
            Instant now = clock.instant();
            BigInteger serial = serial();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial,
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(END_ENTITY_VALIDITY)),
                    subject, publicKey);
            profile.addExtensions(builder, publicKey);
            X509Certificate cert = sign(builder, privateKey);
            append("I " + serial.toString(16));
            issued.add(serial);
            List<X509Certificate> issuedChain = new java.util.ArrayList<>(chain.size() + 1);
            issuedChain.add(cert);
            issuedChain.addAll(chain);
            return List.copyOf(issuedChain);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new SigningException("cannot issue certificate", e);
        }
    }

    private void addDocumentSigningExtensions(X509v3CertificateBuilder builder, PublicKey publicKey)
            throws GeneralSecurityException, IOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        // emailProtection beside documentSigning: NSS verifies PDF signers as S/MIME signers (see the class comment)
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {DOCUMENT_SIGNING, KeyPurposeId.id_kp_emailProtection}));
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
    }

    private static void addRevocationPointers(X509v3CertificateBuilder builder, RevocationEndpoints endpoints)
            throws IOException {
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                new AccessDescription(AccessDescription.id_ad_ocsp, uri(endpoints.ocsp().toString())),
                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(endpoints.caIssuers().toString()))}));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(endpoints.crl().toString()))),
                        null, null)}));
    }

    private static GeneralName uri(String uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
    }

    /**
     * Writes the CA's key and certificate chain (its certificate, then its issuers' up to the root) to a PKCS#12 file
     * (alias {@code ca}) so that it can be reloaded on restart with {@link #loadPkcs12}. A subordinate's file holds
     * its key only, never the parent's.
     *
     * @param file     the file to create or replace
     * @param password the store and key password
     */
    public void writePkcs12(Path file, char[] password) {
        writeKeyStore(file, password, CA_ALIAS, privateKey, chain.toArray(new Certificate[0]));
    }

    /**
     * Writes the key store crash-safely: to a temporary file beside the target, forced to disk, then moved over the
     * target in one atomic rename, so that a process killed mid-write leaves the old file or the new one, never a
     * truncated key store. The file is readable by its owner only where the file system has POSIX permissions.
     */
    static void writeKeyStore(Path file, char[] password, String alias, PrivateKey key, Certificate[] chain) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            KeyStore store = vn.hocba.signing.Pkcs12.newKeyStore();
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain);
            Path parent = target.getParent();
            Files.createDirectories(parent);
            temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            try {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // permissions as the platform gives them
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                store.store(out, password);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningException("cannot write PKCS#12 key store " + file.getFileName(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless: it is never read
                }
            }
        }
    }

    private static X500Name name(String commonName, String organisation, String serialNumber) {
        Objects.requireNonNull(commonName, "commonName");
        // BCStyle encodes CN and O as UTF8String (RFC 5280 DirectoryString) and C as PrintableString.
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN");
        if (organisation != null && !organisation.isBlank()) {
            builder.addRDN(BCStyle.O, organisation);
        }
        builder.addRDN(BCStyle.CN, commonName);
        if (serialNumber != null && !serialNumber.isBlank()) {
            builder.addRDN(BCStyle.SERIALNUMBER, serialNumber);
        }
        return builder.build();
    }

    private static KeyPair generateRsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits, RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        // RFC 5280 4.1.2.2: positive, at most 20 octets; 127 random bits are unique enough
        return new BigInteger(127, RANDOM).setBit(126);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + ", valid until "
                + certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate() + "]";
    }
}
