package vn.hocba.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuing CA under a root: its certificate profile, the chains it issues, and its key store and records. */
class IssuingCaTest {

    private static final Instant NOW = Instant.parse("2025-05-30T01:00:00Z");
    private static final char[] PASSWORD = "mật-khẩu".toCharArray();
    private static final RevocationEndpoints ROOT_SERVICES = endpoints(0);
    private static final RevocationEndpoints ISSUING_SERVICES = endpoints(1);
    private static CertificateAuthority root;
    private static CertificateAuthority issuing;

    @BeforeAll
    static void createHierarchy() {
        root = CertificateAuthority.createRoot("Hocba Test Root CA", "Bộ GD&ĐT", Clock.fixed(NOW, ZoneOffset.UTC));
        issuing = root.issueSubordinate("Hocba Test Issuing CA", "Bộ GD&ĐT", ROOT_SERVICES);
    }

    @Test
    void theIssuingCaIsACaForEndEntitiesOnlySignedByTheRoot() throws Exception {
        X509Certificate cert = issuing.certificate();

        cert.verify(root.certificate().getPublicKey());
        assertThat(cert.getIssuerX500Principal()).isEqualTo(root.certificate().getSubjectX500Principal());
        assertThat(cert.getSubjectX500Principal()).isNotEqualTo(root.certificate().getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).as("cA=TRUE, pathLenConstraint 0").isEqualTo(0);
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(cert.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isFalse();
        assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isFalse();
        assertThat(cert.getExtendedKeyUsage()).as("no EKU on a CA: NSS would narrow every leaf by it").isNull();
        assertThat(cert.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.15", "2.5.29.19");
        assertThat(cert.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        assertThat(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
        assertThat(cert.getExtensionValue("2.5.29.56")).as("noRevAvail").isNull();
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(ChronoUnit.DAYS.between(NOW, cert.getNotAfter().toInstant())).isBetween(10L * 365, 10L * 365 + 3);
        assertThat(cert.getNotAfter()).isBefore(root.certificate().getNotAfter());
        assertThat(root.issued(cert.getSerialNumber())).as("the root can answer for it").isTrue();
    }

    @Test
    void theIssuingCaPointsAtTheRootsServicesForItsOwnStatus() {
        X509Certificate cert = issuing.certificate();

        String aia = new String(cert.getExtensionValue(Extension.authorityInfoAccess.getId()), StandardCharsets.ISO_8859_1);
        assertThat(aia).contains(ROOT_SERVICES.ocsp().toString()).contains(ROOT_SERVICES.caIssuers().toString());
        String cdp = new String(cert.getExtensionValue(Extension.cRLDistributionPoints.getId()),
                StandardCharsets.ISO_8859_1);
        assertThat(cdp).contains(ROOT_SERVICES.crl().toString());
    }

    @Test
    void chainsRunFromTheLeafThroughTheIssuingCaToTheRootAndValidateUnderTheRootAlone() throws Exception {
        IssuedCredential teacher = issuing.issue("Nguyễn Thị Hồng Nhung", "Trường THCS Nguyễn Du", "GV0042",
                ISSUING_SERVICES);
        List<X509Certificate> forKey = issuing.issueFor(teacher.certificate().getPublicKey(), "Nguyễn Thị Hồng Nhung",
                "Trường THCS Nguyễn Du", "GV0042");
        IssuedCredential tsa = issuing.issueTimestamping("Hocba Test TSA", ISSUING_SERVICES);

        assertThat(issuing.chain()).containsExactly(issuing.certificate(), root.certificate());
        assertThat(issuing.root()).isEqualTo(root.certificate());
        assertThat(root.chain()).containsExactly(root.certificate());
        assertThat(root.root()).isEqualTo(root.certificate());
        for (List<X509Certificate> chain : List.of(teacher.chain(), forKey, tsa.chain())) {
            assertThat(chain).hasSize(3);
            assertThat(chain.subList(1, 3)).containsExactly(issuing.certificate(), root.certificate());
            chain.get(0).verify(issuing.certificate().getPublicKey());
            validateUnderRoot(chain.subList(0, 2));
        }
        String aia = new String(teacher.certificate().getExtensionValue(Extension.authorityInfoAccess.getId()),
                StandardCharsets.ISO_8859_1);
        assertThat(aia).contains(ISSUING_SERVICES.caIssuers().toString());
        assertThat(teacher.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4");
    }

    @Test
    void theIssuingCaCannotCertifyAnotherCa() throws Exception {
        CertificateAuthority tooDeep = issuing.issueSubordinate("Hocba Third Level CA", "Bộ GD&ĐT", ISSUING_SERVICES);
        IssuedCredential leaf = tooDeep.issue("Lê Văn Tám", "Trường THCS Nguyễn Du", "GV0043", ISSUING_SERVICES);

        assertThat(leaf.chain()).hasSize(4);
        // pathLenConstraint 0 (RFC 5280 4.2.1.9): a path validator refuses the CA below the issuing CA
        assertThatThrownBy(() -> validateUnderRoot(leaf.chain().subList(0, 3)))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void theIssuingCaReloadsWithItsChainAndKeepsItsOwnRecords(@TempDir Path dir) throws Exception {
        CertificateAuthority rootHere = CertificateAuthority.createRoot("Hocba Test Root CA", "Bộ GD&ĐT",
                Clock.fixed(NOW, ZoneOffset.UTC)).keepRecordsIn(dir.resolve("root.records"));
        CertificateAuthority issuingHere = rootHere.issueSubordinate("Hocba Test Issuing CA", "Bộ GD&ĐT",
                ROOT_SERVICES).keepRecordsIn(dir.resolve("issuing.records"));
        rootHere.writePkcs12(dir.resolve("root.p12"), PASSWORD);
        issuingHere.writePkcs12(dir.resolve("issuing.p12"), PASSWORD);
        IssuedCredential revoked = issuingHere.issue("Vũ Thị Giang", "Trường THCS Nguyễn Du", "GV0047",
                ISSUING_SERVICES);
        Instant at = NOW.truncatedTo(ChronoUnit.SECONDS);
        issuingHere.revoke(revoked.certificate().getSerialNumber(), CRLReason.KEY_COMPROMISE, at);
        rootHere.revoke(issuingHere.certificate().getSerialNumber(), CRLReason.CA_COMPROMISE, at);

        CertificateAuthority rootAgain = CertificateAuthority.loadPkcs12(dir.resolve("root.p12"), PASSWORD,
                Clock.fixed(NOW, ZoneOffset.UTC)).keepRecordsIn(dir.resolve("root.records"));
        CertificateAuthority issuingAgain = CertificateAuthority.loadPkcs12(dir.resolve("issuing.p12"), PASSWORD,
                Clock.fixed(NOW, ZoneOffset.UTC)).keepRecordsIn(dir.resolve("issuing.records"));

        assertThat(issuingAgain.chain()).containsExactlyElementsOf(issuingHere.chain());
        assertThat(issuingAgain.root()).isEqualTo(rootHere.certificate());
        assertThat(rootAgain.chain()).containsExactly(rootHere.certificate());
        assertThat(issuingAgain.issue("Hoàng Văn Em", "Trường THCS Nguyễn Du", "GV0046").chain())
                .hasSize(3).endsWith(issuingHere.certificate(), rootHere.certificate());
        // each CA's own records: the root knows the issuing CA and its revocation, the issuing CA its leaves
        assertThat(rootAgain.revocation(issuingHere.certificate().getSerialNumber())).hasValueSatisfying(r ->
                assertThat(r.reason()).isEqualTo(CRLReason.CA_COMPROMISE));
        assertThat(rootAgain.issued(revoked.certificate().getSerialNumber())).isFalse();
        assertThat(issuingAgain.revocation(revoked.certificate().getSerialNumber())).hasValueSatisfying(r ->
                assertThat(r.time()).isEqualTo(at));
        assertThat(issuingAgain.issued(issuingHere.certificate().getSerialNumber())).isFalse();
        X509CRL crl = issuingAgain.crl(java.time.Duration.ofDays(1));
        crl.verify(issuingHere.certificate().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(issuingHere.certificate().getSubjectX500Principal());
        assertThat(crl.getRevokedCertificate(revoked.certificate().getSerialNumber())).isNotNull();
        assertThat(rootAgain.crl(java.time.Duration.ofDays(1))
                .getRevokedCertificate(issuingHere.certificate().getSerialNumber())).isNotNull();
    }

    private static void validateUnderRoot(List<X509Certificate> pathWithoutRoot) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(pathWithoutRoot), parameters);
    }

    private static RevocationEndpoints endpoints(int n) {
        return new RevocationEndpoints(URI.create("http://127.0.0.1:8080/ocsp"),
                URI.create("http://127.0.0.1:8080/ca/" + n + ".crt"), URI.create("http://127.0.0.1:8080/crl/" + n));
    }
}
