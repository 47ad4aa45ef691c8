package vn.hocba.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.signing.CertificateCheck;
import vn.hocba.signing.CertificateCheck.Outcome;
import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.dss.DssPdfSigner;
import vn.hocba.signing.dss.DssSignatureValidator;
import vn.hocba.signing.http.HttpRevocationSource;
import vn.hocba.signing.http.HttpTimestampSource;

/**
 * A two-level test PKI as real CAs are: a root that only certifies an issuing CA, the issuing CA that certifies the
 * teachers and the TSA, and one HTTP server with the TSA, OCSP for both CAs and a CRL per CA. Relying parties (DSS,
 * pdfsig, the signer's own check) trust the root alone and find the issuing CA in the signature.
 */
class PkiHierarchyIT {

    private static final String MINISTRY = "Bộ Giáo dục và Đào tạo";
    private static final String SCHOOL = "Trường THCS Nguyễn Du";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CertificateAuthority root;
    private CertificateAuthority issuing;
    private PkiServices services;
    private RevocationEndpoints forLeaves;

    @BeforeEach
    void start() {
        root = CertificateAuthority.createRoot("Hocba Test Root CA", MINISTRY, Clock.systemUTC());
        services = PkiServices.start(root, 0);
        issuing = root.issueSubordinate("Hocba Test Issuing CA", MINISTRY, services.endpoints(root));
        forLeaves = services.serve(issuing);
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void threeTeachersOfTheIssuingCaAreAllTrustedByPdfsig() throws Exception {
        DssPdfSigner signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        byte[] pdf = TestPdfs.pdfA2b(1, 10);
        for (int i = 0; i < 3; i++) {
            var teacher = issuing.issue("Giáo viên " + i, SCHOOL, "GV10" + i, forLeaves);
            try (var token = teacher.token()) {
                pdf = signer.sign(pdf, token, new vn.hocba.signing.SignatureRequest(
                        new vn.hocba.signing.SignatureBox(1, 40 + i * 180f, 40, 170, 48), "Giáo viên " + i, "GV",
                        "Xác nhận", SCHOOL, java.time.Instant.now()), settings());
            }
        }
        // the issuing CA known to NSS (as a CA publishes it beside its root), trusted only through the root
        try (Pdfsig pdfsig = Pdfsig.withTrustAnchors(List.of(root.certificate(), issuing.certificate()))) {
            assertThat(pdfsig.signatureVerdicts(pdf)).hasSize(3).allSatisfy(verdict -> {
                assertThat(verdict.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(verdict.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
    }

    @Test
    void aTeachersBtSignatureExtendedToLtaValidatesOfflineAndInPdfsigTrustingOnlyTheRoot() throws Exception {
        IssuedCredential teacher = issuing.issue("Nguyễn Thị Hồng Nhung", SCHOOL, "GV0042", forLeaves);
        assertThat(teacher.chain()).containsExactly(teacher.certificate(), issuing.certificate(), root.certificate());
        assertThat(services.timestampingChain()).as("the TSA sits under the issuing CA")
                .hasSize(3).endsWith(issuing.certificate(), root.certificate());

        byte[] signed;
        try (SigningToken token = teacher.token()) {
            signed = signer().sign(TestPdfs.pdfA2b(1, 10), token, request("Nguyễn Thị Hồng Nhung"), settings());
        }
        byte[] archived = signer().extend(signed, PadesLevel.B_LTA, settings());

        // required, not optional: bin/test installs poppler-utils and libnss3-tools
        assertThat(Pdfsig.available() && Pdfsig.certutilAvailable()).as("pdfsig and certutil are installed").isTrue();
        try (Pdfsig pdfsig = Pdfsig.withTrustAnchors(List.of(root.certificate()))) {
            // NSS finds the issuing CA among the signature's certificates; only the root is in its database
            assertThat(pdfsig.signatureVerdicts(archived)).singleElement().satisfies(verdict -> {
                assertThat(verdict.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(verdict.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
        services.close();

        ValidationReport offline = new DssSignatureValidator(List.of(root.certificate())).validate(archived);
        assertThat(offline.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.indication()).as(String.valueOf(signature.subIndication())).isEqualTo("TOTAL_PASSED");
            assertThat(signature.signatureFormat()).isEqualTo("PAdES-BASELINE-LTA");
        });
    }

    @Test
    void revokingTheIssuingCaAtTheRootMakesTheLongTermExtensionRefuse() {
        IssuedCredential teacher = issuing.issue("Lê Văn Tám", SCHOOL, "GV0043", forLeaves);
        byte[] signed;
        try (SigningToken token = teacher.token()) {
            signed = signer().sign(TestPdfs.pdfA2b(1, 10), token, request("Lê Văn Tám"), settings());
        }

        root.revoke(issuing.certificate().getSerialNumber(), CRLReason.CA_COMPROMISE, Instant.now());

        // The teacher's and the TSA's certificates are still good at the issuing CA, but the root's responder says the
        // issuing CA is revoked, from before the signature's timestamp: the signer's own path leaves that to DSS, which
        // no longer accepts the issuing CA's OCSP answers about them (and the CRL fallback has nothing better): the
        // extension fails for revocation data missing for both.
        assertThatThrownBy(() -> signer().extend(signed, PadesLevel.B_LT, settings()))
                .isInstanceOf(SigningException.class).hasMessageContaining("BASELINE-LT")
                .hasMessageContaining("Revocation data is missing");
        // and the B-T signature no longer validates online, trusting the root: its signer's CA is revoked and nothing
        // proves the signature existed before (ETSI EN 319 102-1 5.2.6: REVOKED_CA_NO_POE)
        var report = validateOnline(signed);
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).isEqualTo(eu.europa.esig.dss.enumerations.Indication.INDETERMINATE);
        assertThat(report.getSubIndication(id)).isEqualTo(eu.europa.esig.dss.enumerations.SubIndication.REVOKED_CA_NO_POE);
    }

    private eu.europa.esig.dss.simplereport.SimpleReport validateOnline(byte[] pdf) {
        var validator = new eu.europa.esig.dss.pades.validation.PDFDocumentValidator(
                new eu.europa.esig.dss.model.InMemoryDocument(pdf, "document.pdf"));
        var verifier = new eu.europa.esig.dss.spi.validation.CommonCertificateVerifier();
        var trusted = new eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource();
        trusted.addCertificate(new eu.europa.esig.dss.model.x509.CertificateToken(root.certificate()));
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new eu.europa.esig.dss.service.ocsp.OnlineOCSPSource());
        verifier.setCrlSource(new eu.europa.esig.dss.service.crl.OnlineCRLSource());
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument().getSimpleReport();
    }

    @Test
    void theSignersCheckCompletesThePathFromTheIssuingCaAndRefusesRevocationAtEitherLevel() {
        IssuedCredential good = issuing.issue("Nguyễn Văn An", SCHOOL, "GV1", forLeaves);
        IssuedCredential bad = issuing.issue("Trần Văn Bình", SCHOOL, "GV2", forLeaves);
        issuing.revoke(bad.certificate().getSerialNumber(), CRLReason.KEY_COMPROMISE, Instant.now());
        CertificateCheck check = check();
        List<X509Certificate> issuingCas = List.of(issuing.certificate());

        assertThat(check.check(good.chain(), List.of()).outcome()).isEqualTo(Outcome.VALID);
        assertThat(check.check(good.chain().subList(0, 2), List.of()).outcome()).isEqualTo(Outcome.VALID);
        assertThat(check.check(List.of(good.certificate()), issuingCas).outcome()).isEqualTo(Outcome.VALID);
        assertThat(check.check(List.of(good.certificate()), List.of()).outcome())
                .as("without the issuing CA there is no path to the root").isEqualTo(Outcome.UNTRUSTED);
        assertThat(check.check(List.of(bad.certificate()), issuingCas).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(check.check(bad.chain(), List.of()).outcome()).isEqualTo(Outcome.REVOKED);

        root.revoke(issuing.certificate().getSerialNumber(), CRLReason.CA_COMPROMISE, Instant.now());

        CertificateCheck.Verdict refused = check.check(List.of(good.certificate()), issuingCas);
        assertThat(refused.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(refused.english()).contains("certification authority");
        assertThat(refused.vietnamese()).contains("thu hồi");
    }

    @Test
    void oneResponderAnswersForBothCasEachSigningItsOwnAnswersAndEachCaHasItsCrlAndCertificateUrl() throws Exception {
        IssuedCredential teacher = issuing.issue("Phạm Quốc Việt", SCHOOL, "GV3", forLeaves);
        root.revoke(issuing.certificate().getSerialNumber(), CRLReason.CA_COMPROMISE, Instant.now());
        HttpRevocationSource http = new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC());

        BasicOCSPResp leafAnswer = basic(http.ocsp(teacher.certificate(), issuing.certificate()).orElseThrow());
        assertThat(leafAnswer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing.certificate())))
                .isTrue();
        assertThat(leafAnswer.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        BasicOCSPResp caAnswer = basic(http.ocsp(issuing.certificate(), root.certificate()).orElseThrow());
        assertThat(caAnswer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(root.certificate())))
                .isTrue();
        assertThat(caAnswer.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);

        assertThat(forLeaves.crl()).isNotEqualTo(services.endpoints(root).crl());
        X509CRL rootCrl = crl(services.endpoints(root).crl());
        rootCrl.verify(root.certificate().getPublicKey());
        assertThat(rootCrl.getRevokedCertificate(issuing.certificate().getSerialNumber())).isNotNull();
        X509CRL issuingCrl = crl(forLeaves.crl());
        issuingCrl.verify(issuing.certificate().getPublicKey());
        assertThat(issuingCrl.getRevokedCertificates()).isNull();
        assertThat(certificate(forLeaves.caIssuers())).isEqualTo(issuing.certificate());
        assertThat(certificate(services.endpoints(root).caIssuers())).isEqualTo(root.certificate());
        // the single-CA paths still answer for the first CA
        assertThat(certificate(URI.create(services.endpoints().ocsp().resolve("/ca.crt").toString())))
                .isEqualTo(root.certificate());
        assertThat(get(services.endpoints().ocsp().resolve("/crl/7")).statusCode()).isEqualTo(404);
    }

    @Test
    void bothCasReloadFromTheirKeyStoresAndRecordsAndServeAgainOnTheSamePort(@TempDir Path dir) {
        char[] password = "test".toCharArray();
        root.keepRecordsIn(dir.resolve("root.records")).writePkcs12(dir.resolve("root.p12"), password);
        issuing.keepRecordsIn(dir.resolve("issuing.records")).writePkcs12(dir.resolve("issuing.p12"), password);
        IssuedCredential kept = issuing.issue("Hoàng Văn Em", SCHOOL, "GV0046", forLeaves);
        IssuedCredential revoked = issuing.issue("Vũ Thị Giang", SCHOOL, "GV0047", forLeaves);
        issuing.revoke(revoked.certificate().getSerialNumber(), CRLReason.CESSATION_OF_OPERATION, Instant.now());
        int port = services.endpoints().ocsp().getPort();
        services.close();

        CertificateAuthority rootAgain = CertificateAuthority.loadPkcs12(dir.resolve("root.p12"), password)
                .keepRecordsIn(dir.resolve("root.records"));
        CertificateAuthority issuingAgain = CertificateAuthority.loadPkcs12(dir.resolve("issuing.p12"), password)
                .keepRecordsIn(dir.resolve("issuing.records"));
        services = PkiServices.start(List.of(rootAgain, issuingAgain), port);

        assertThat(issuingAgain.chain()).containsExactly(issuing.certificate(), root.certificate());
        assertThat(services.endpoints(issuingAgain)).isEqualTo(forLeaves);
        assertThat(services.timestampingChain()).endsWith(issuing.certificate(), root.certificate());
        CertificateCheck check = check();
        assertThat(check.check(List.of(kept.certificate()), List.of(issuingAgain.certificate())).outcome())
                .isEqualTo(Outcome.VALID);
        assertThat(check.check(revoked.chain(), List.of()).outcome()).isEqualTo(Outcome.REVOKED);
        IssuedCredential later = issuingAgain.issue("Đỗ Minh Châu", SCHOOL, "GV0048", services.endpoints(issuingAgain));
        assertThat(later.chain()).containsExactly(later.certificate(), issuing.certificate(), root.certificate());
        assertThat(check.check(later.chain(), List.of()).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void eachCaIsServedOnceAndOnlyServedCasHaveEndpoints() {
        CertificateAuthority stranger = CertificateAuthority.createRoot("Other Root", "Elsewhere", Clock.systemUTC());

        assertThatThrownBy(() -> services.serve(issuing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> services.endpoints(stranger)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PkiServices.start(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PkiServices.start(List.of(root, root), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(services.endpoints()).isEqualTo(services.endpoints(root));
        assertThat(services.endpoints(issuing).ocsp()).as("one responder for both").isEqualTo(services.endpoints().ocsp());
    }

    private SigningSettings settings() {
        return new SigningSettings(PadesLevel.B_T, "SHA-256",
                new HttpTimestampSource(services.timestampUrl(), Duration.ofSeconds(5)),
                new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC()), List.of(root.certificate()));
    }

    private CertificateCheck check() {
        return new CertificateCheck(List.of(root.certificate()),
                new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC()), Clock.systemUTC(), Duration.ZERO);
    }

    private static DssPdfSigner signer() {
        return new DssPdfSigner(TestPdfs.dejaVuSans());
    }

    private static SignatureRequest request(String name) {
        return new SignatureRequest(new SignatureBox(1, 40, 40, 170, 48), name, "Giáo viên bộ môn", "Xác nhận học bạ",
                SCHOOL, Instant.now());
    }

    private static BasicOCSPResp basic(byte[] answer) throws Exception {
        OCSPResp response = new OCSPResp(answer);
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }

    private static X509CRL crl(URI uri) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(get(uri).body()));
    }

    private static X509Certificate certificate(URI uri) throws Exception {
        HttpResponse<byte[]> reply = get(uri);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/pkix-cert");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(reply.body()));
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
