package vn.hocba.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.signing.KeyStoreSigningToken;
import vn.hocba.signing.SigningToken;

class CertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2025-05-30T01:00:00Z");
    private static final char[] PASSWORD = "mật-khẩu".toCharArray();
    private static final RevocationEndpoints ENDPOINTS = new RevocationEndpoints(
            URI.create("http://127.0.0.1:8080/ocsp"), URI.create("http://127.0.0.1:8080/ca.crt"),
            URI.create("http://127.0.0.1:8080/crl"));
    private static CertificateAuthority ca;

    @BeforeAll
    static void createCa() {
        ca = CertificateAuthority.createRoot("Hocba Demo Root CA", "Sở GD&ĐT Hà Nội", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theRootIsASelfSignedTwentyYearCa() throws Exception {
        X509Certificate root = ca.certificate();
        root.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(root.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(root.getKeyUsage()[0]).as("digitalSignature").isFalse();
        assertThat(root.getExtendedKeyUsage()).as("no EKU on the CA: NSS would narrow every leaf by it").isNull();
        assertThat(root.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.15", "2.5.29.19");
        assertThat(root.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(ChronoUnit.DAYS.between(NOW, root.getNotAfter().toInstant())).isGreaterThanOrEqualTo(20 * 365);
    }

    @Test
    void issuesDocumentSigningCertificatesWithVietnameseNames() throws Exception {
        IssuedCredential credential = ca.issue("Nguyễn Thị Hồng Nhung", "Trường THCS Nguyễn Du", "GV0042");
        X509Certificate cert = credential.certificate();

        cert.verify(ca.certificate().getPublicKey());
        cert.checkValidity(java.util.Date.from(NOW));
        X500Name subject = new JcaX509CertificateHolder(cert).getSubject();
        assertThat(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(subject.getRDNs(BCStyle.C)[0].getFirst().getValue().toString()).isEqualTo("VN");
        assertThat(subject.getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue().toString()).isEqualTo("GV0042");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isFalse();
        // RFC 9336 documentSigning for what it is, emailProtection for NSS (certificateUsageEmailSigner)
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4");
        assertThat(cert.getCriticalExtensionOIDs()).as("EKU non-critical, KU and basicConstraints critical")
                .containsExactlyInAnyOrder("2.5.29.15", "2.5.29.19");
        assertThat(cert.getNonCriticalExtensionOIDs()).contains("2.5.29.56");
        assertThat(ChronoUnit.DAYS.between(NOW, cert.getNotAfter().toInstant())).isBetween(5L * 365, 5L * 365 + 2);
        assertThat(credential.chain()).containsExactly(cert, ca.certificate());
        assertThat(credential.toString()).doesNotContain("PrivateKey");
    }

    @Test
    void certifiesAKeyHeldElsewhereWithTheSameProfile() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair onTheToken = generator.generateKeyPair();

        java.util.List<X509Certificate> chain = ca.issueFor(onTheToken.getPublic(), "Trần Văn Đức",
                "Trường THCS Nguyễn Du", "GV0043");
        java.util.List<X509Certificate> withEndpoints = ca.issueFor(onTheToken.getPublic(), "Trần Văn Đức",
                "Trường THCS Nguyễn Du", "GV0043", ENDPOINTS);

        X509Certificate cert = chain.get(0);
        cert.verify(ca.certificate().getPublicKey());
        assertThat(chain).containsExactly(cert, ca.certificate());
        assertThat(cert.getPublicKey()).isEqualTo(onTheToken.getPublic());
        X500Name subject = new JcaX509CertificateHolder(cert).getSubject();
        assertThat(subject.getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue().toString()).isEqualTo("GV0043");
        assertThat(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo("Trần Văn Đức");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4");
        assertThat(cert.getNonCriticalExtensionOIDs()).contains("2.5.29.56").doesNotContain("1.3.6.1.5.5.7.1.1");
        assertThat(ca.issued(cert.getSerialNumber())).isTrue();
        X509Certificate pointed = withEndpoints.get(0);
        assertThat(pointed.getPublicKey()).isEqualTo(onTheToken.getPublic());
        assertThat(pointed.getNonCriticalExtensionOIDs()).contains("1.3.6.1.5.5.7.1.1", "2.5.29.31")
                .doesNotContain("2.5.29.56");
        assertThat(pointed.getSerialNumber()).isNotEqualTo(cert.getSerialNumber());
    }

    @Test
    void theCaSurvivesARestartThroughPkcs12(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ca.p12");
        ca.writePkcs12(file, PASSWORD);

        CertificateAuthority reloaded = CertificateAuthority.loadPkcs12(file, PASSWORD,
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(reloaded.certificate()).isEqualTo(ca.certificate());
        assertThat(reloaded.privateKey().getEncoded()).isEqualTo(ca.privateKey().getEncoded());
        reloaded.issue("Trần Văn Đức", "Trường THCS Nguyễn Du", null).certificate()
                .verify(ca.certificate().getPublicKey());
    }

    @Test
    void anIssuedCredentialReloadsAsASigningToken(@TempDir Path dir) throws Exception {
        IssuedCredential credential = ca.issue("Lê Thị Thu Hà", "Trường THCS Nguyễn Du", "GV0007");
        Path file = dir.resolve("ha.p12");
        credential.writePkcs12(file, PASSWORD, "ha");

        try (SigningToken token = KeyStoreSigningToken.fromPkcs12(file, PASSWORD, "ha")) {
            assertThat(token.certificate()).isEqualTo(credential.certificate());
            assertThat(token.chain()).containsExactlyElementsOf(credential.chain());
            assertThat(token.signatureAlgorithm()).isEqualTo("SHA256withRSA");
            byte[] data = "dữ liệu cần ký".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(token.certificate().getPublicKey());
            verifier.update(data);
            assertThat(verifier.verify(token.sign(data))).isTrue();
        }
        try (SigningToken first = KeyStoreSigningToken.fromPkcs12(file, PASSWORD, null)) {
            assertThat(first.certificate().getSubjectX500Principal())
                    .isEqualTo(new X500Principal(credential.certificate().getSubjectX500Principal().getEncoded()));
        }
    }

    @Test
    void revokingASerialTheCaNeverIssuedIsRefused() {
        assertThatThrownBy(
                () -> ca.revoke(BigInteger.TEN, CRLReason.KEY_COMPROMISE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevocationIsFinalAndListedInEveryLaterCrl() throws Exception {
        X509Certificate cert = ca.issue("Đặng Văn Sơn", "Trường THCS Nguyễn Du", "GV0043", ENDPOINTS).certificate();
        BigInteger serial = cert.getSerialNumber();
        ca.revoke(serial, CRLReason.CESSATION_OF_OPERATION, NOW);
        ca.revoke(serial, CRLReason.KEY_COMPROMISE, NOW.plusSeconds(60));

        assertThat(ca.revocation(serial)).hasValueSatisfying(revocation -> {
            assertThat(revocation.reason()).isEqualTo(CRLReason.CESSATION_OF_OPERATION);
            assertThat(revocation.time()).isEqualTo(NOW);
        });
        X509CRL first = ca.crl(Duration.ofDays(7));
        X509CRL second = ca.crl(Duration.ofDays(7));
        first.verify(ca.certificate().getPublicKey());
        assertThat(first.getRevokedCertificate(serial)).isNotNull();
        assertThat(second.getRevokedCertificate(serial)).isNotNull();
        assertThat(second.getThisUpdate()).isEqualTo(java.util.Date.from(NOW));
        assertThat(crlNumber(second)).isGreaterThan(crlNumber(first));
    }

    @Test
    void theTsaCertificateHasOnlyACriticalTimeStampingUsage() throws Exception {
        X509Certificate tsa = ca.issueTimestamping("Hocba Test TSA", ENDPOINTS).certificate();

        tsa.verify(ca.certificate().getPublicKey());
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37", "2.5.29.15");
        assertThat(tsa.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(tsa.getExtensionValue("2.5.29.31")).as("CRL distribution points").isNotNull();
        assertThat(tsa.getExtensionValue("1.3.6.1.5.5.7.1.1")).as("authority information access").isNotNull();
    }

    @Test
    void endpointsMustBeHttpUrls() {
        assertThatThrownBy(() -> new RevocationEndpoints(
                URI.create("ldap://ca/ocsp"), ENDPOINTS.caIssuers(), ENDPOINTS.crl()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ocsp");
    }

    private static long crlNumber(X509CRL crl) throws Exception {
        return CRLNumber.getInstance(
                ASN1OctetString.getInstance(crl.getExtensionValue("2.5.29.20")).getOctets())
                .getCRLNumber().longValueExact();
    }
}
