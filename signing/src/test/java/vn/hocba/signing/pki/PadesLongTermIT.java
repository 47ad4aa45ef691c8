package vn.hocba.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.cert.CRLReason;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import eu.europa.esig.dss.alert.ExceptionOnStatusAlert;
import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.reports.Reports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.dss.DssSignatureValidator;

/**
 * PAdES signatures made by EU DSS against the test PKI's services: a timestamp from the TSA (B-T), and the chain's
 * certificates with OCSP answers and CRLs fetched over HTTP kept in the file (B-LT). They validate in DSS while the
 * services run, and again offline once they are stopped, the revocation data then coming from the file only.
 */
class PadesLongTermIT {

    private static final String SCHOOL = "Trường THCS Nguyễn Du";

    private CertificateAuthority ca;
    private PkiServices services;
    private IssuedCredential teacher;

    @BeforeEach
    void start() {
        ca = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.systemUTC());
        services = PkiServices.start(ca, 0);
        teacher = ca.issue("Nguyễn Thị Hồng Nhung", SCHOOL, "GV0042", services.endpoints());
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void aBaselineTSignatureCarriesTheTsaTimestampAndValidatesOffline() throws Exception {
        byte[] signed = sign(SignatureLevel.PAdES_BASELINE_T);

        SimpleReport online = validateOnline(signed);
        assertThat(online.getIndication(online.getFirstSignatureId())).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(online.getSignatureFormat(online.getFirstSignatureId())).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(online.getSignatureTimestamps(online.getFirstSignatureId())).hasSize(1);

        ValidationReport offline = new DssSignatureValidator(List.of(ca.certificate())).validate(signed);
        assertThat(offline.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.timestamped()).isTrue();
            assertThat(signature.timestampedAt()).isNotNull().isAfterOrEqualTo(signature.claimedSigningTime());
            assertThat(signature.revocationEmbedded()).as("B-T carries no revocation data").isFalse();
        });
    }

    @Test
    void aBaselineLtSignatureKeepsItsRevocationDataAndValidatesAfterTheServicesStop() throws Exception {
        byte[] signed = sign(SignatureLevel.PAdES_BASELINE_LT);

        SimpleReport online = validateOnline(signed);
        String id = online.getFirstSignatureId();
        assertThat(online.getIndication(id)).as(online.getSubIndication(id) + "").isEqualTo(Indication.TOTAL_PASSED);
        assertThat(online.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);

        services.close();

        // the project's own validator never goes online: what it needs must be in the file
        ValidationReport offline = new DssSignatureValidator(List.of(ca.certificate())).validate(signed);
        assertThat(offline.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.indication()).as(String.valueOf(signature.subIndication())).isEqualTo("TOTAL_PASSED");
            assertThat(signature.signatureFormat()).isEqualTo("PAdES-BASELINE-LT");
            assertThat(signature.timestamped()).isTrue();
            assertThat(signature.revocationEmbedded()).isTrue();
            assertThat(signature.revocation()).isEqualTo(vn.hocba.signing.SignatureResult.Revocation.GOOD);
            assertThat(signature.chain()).isEqualTo(vn.hocba.signing.SignatureResult.Chain.TRUSTED);
        });
        assertThat(offline.documentTimestamps()).isEmpty();
    }

    @Test
    void aBaselineLtaSignatureReportsItsDocumentTimestampOffline() throws Exception {
        byte[] signed = sign(SignatureLevel.PAdES_BASELINE_LTA);
        services.close();

        ValidationReport offline = new DssSignatureValidator(List.of(ca.certificate())).validate(signed);
        assertThat(offline.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.indication()).as(String.valueOf(signature.subIndication())).isEqualTo("TOTAL_PASSED");
            assertThat(signature.level()).isEqualTo("PAdES-BASELINE-LTA");
            assertThat(signature.revocationEmbedded()).isTrue();
        });
        assertThat(offline.documentTimestamps()).singleElement()
                .satisfies(timestamp -> assertThat(timestamp.producedAt()).isNotNull());
    }

    @Test
    void pdfsigTrustsTheLtSignatureUnderTheTestRoot() throws Exception {
        assumeTrue(Pdfsig.available() && Pdfsig.certutilAvailable(), "pdfsig and certutil are not installed");
        byte[] signed = sign(SignatureLevel.PAdES_BASELINE_LT);

        try (Pdfsig pdfsig = Pdfsig.withTrustAnchors(List.of(ca.certificate()))) {
            assertThat(pdfsig.verdicts(signed)).singleElement().satisfies(verdict -> {
                assertThat(verdict.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(verdict.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
            // Not checked once the services stop: pdfsig (poppler 22.12, NSS) ignores the revocation data in the DSS
            // dictionary and asks the OCSP responder named in the certificate; unreachable, it answers "Unknown issue
            // with Certificate or corrupted data.", and Pdfsig cannot pass -no-ocsp (see its class comment).
        }
    }

    @Test
    void dssRefusesToExtendToLtWhenTheSignersCertificateWasRevoked() throws Exception {
        ca.revoke(teacher.certificate().getSerialNumber(), CRLReason.KEY_COMPROMISE, Instant.now());

        // only the LT extension fetches revocation data: DSS 6.4 makes a B-B or B-T signature with a revoked
        // certificate without complaint, so refusing one before signing (issue 15) is the signer's own check
        assertThatThrownBy(() -> sign(SignatureLevel.PAdES_BASELINE_LT))
                .isInstanceOf(AlertException.class)
                .hasMessageContaining("Revoked/Suspended certificate(s) detected");
    }

    /**
     * Signs at B-T, or for B-LT signs at B-T and extends, as the service will (B-T per signature, B-LT once the
     * sequence completes). The extension waits for the next second: OCSP times are whole seconds (BC writes
     * GeneralizedTime without fractions) and the revocation data must be issued strictly after the timestamp's time
     * (the best-signature-time, ETSI EN 319 102-1 5.6.2.4); the signing verifier throws if it is not.
     */
    private byte[] sign(SignatureLevel level) throws Exception {
        PAdESService service = new PAdESService(signingVerifier());
        service.setTspSource(new OnlineTSPSource(services.timestampUrl().toString()));
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
        parameters.setSigningCertificate(new CertificateToken(teacher.certificate()));
        parameters.setCertificateChain(teacher.chain().stream().map(CertificateToken::new).toList());
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSignerName("Nguyễn Thị Hồng Nhung");
        DSSDocument document = new InMemoryDocument(TestPdfs.pdfA2b(1, 10), "document.pdf");
        try (SigningToken token = teacher.token()) {
            ToBeSigned dataToSign = service.getDataToSign(document, parameters);
            SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, token.sign(dataToSign.getBytes()));
            DSSDocument signed = service.signDocument(document, parameters, value);
            if (level == SignatureLevel.PAdES_BASELINE_T) {
                return bytes(signed);
            }
            Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 10);
            PAdESSignatureParameters extension = new PAdESSignatureParameters();
            extension.setSignatureLevel(level);
            return bytes(service.extendDocument(signed, extension));
        }
    }

    private CommonCertificateVerifier signingVerifier() {
        CommonCertificateVerifier verifier = onlineVerifier();
        // DSS only logs these by default; here stale revocation data must fail the test
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(new ExceptionOnStatusAlert());
        verifier.setAlertOnUncoveredPOE(new ExceptionOnStatusAlert());
        return verifier;
    }

    private SimpleReport validateOnline(byte[] pdf) {
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf, "document.pdf"));
        validator.setCertificateVerifier(onlineVerifier());
        Reports reports = validator.validateDocument();
        return reports.getSimpleReport();
    }

    private CommonCertificateVerifier onlineVerifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(ca.certificate()));
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        return verifier;
    }

    private static byte[] bytes(DSSDocument document) throws Exception {
        try (InputStream in = document.openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
