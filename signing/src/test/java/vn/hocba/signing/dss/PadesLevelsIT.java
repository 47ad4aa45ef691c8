package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.cert.CRLReason;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.InvalidSignatureValueException;
import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.PendingSignature;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;
import vn.hocba.signing.pki.PkiServices;

/**
 * The three-step signing port at each level against the test PKI's real services (TSA, OCSP, CRL over HTTP): a
 * signature prepared in one signer instance completes in another from its encoded form; B-T per signature, then the
 * whole file extended to B-LTA validates in DSS offline (services stopped) and in pdfsig.
 */
class PadesLevelsIT {

    private static final String SCHOOL = "Trường THCS Mạo Khê II";

    private CertificateAuthority ca;
    private PkiServices services;
    private SigningSettings settings;

    @BeforeEach
    void start() {
        ca = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.systemUTC());
        services = PkiServices.start(ca, 0);
        settings = vn.hocba.signing.TestSettings.baselineT(services, ca.certificate());
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void aSignaturePreparedByOneInstanceCompletesInAnotherFromItsEncodedForm() {
        IssuedCredential teacher = ca.issue("Nguyễn Thị Hồng Nhung", SCHOOL, "GV0042", services.endpoints());
        byte[] pdf = TestPdfs.pdfA2b(1, 10);

        PendingSignature pending = signer().prepare(pdf, teacher.chain(), request(0, "Nguyễn Thị Hồng Nhung"), settings);
        byte[] stored = pending.encode();
        PendingSignature restored = PendingSignature.decode(stored);
        byte[] value;
        try (SigningToken token = teacher.token()) {
            value = token.sign(restored.dataToSign());
        }
        byte[] signed = signer().complete(pdf, restored, value, settings);

        // B-T keeps no revocation data: validated with the services' OCSP and CRL online
        var report = validateOnline(signed);
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).as(String.valueOf(report.getSubIndication(id)))
                .isEqualTo(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T);
    }

    @Test
    void aWrongSignatureValueOrAnotherDocumentIsRefused() {
        IssuedCredential teacher = ca.issue("Lê Văn Tám", SCHOOL, "GV0043", services.endpoints());
        IssuedCredential other = ca.issue("Phạm Thị Thu", SCHOOL, "GV0044", services.endpoints());
        byte[] pdf = TestPdfs.pdfA2b(1, 10);
        PendingSignature pending = signer().prepare(pdf, teacher.chain(), request(0, "Lê Văn Tám"), settings);

        byte[] wrongKey;
        try (SigningToken token = other.token()) {
            wrongKey = token.sign(pending.dataToSign());
        }
        assertThatThrownBy(() -> signer().complete(pdf, pending, wrongKey, settings))
                .isInstanceOf(InvalidSignatureValueException.class);

        byte[] right;
        try (SigningToken token = teacher.token()) {
            right = token.sign(pending.dataToSign());
        }
        byte[] otherPdf = TestPdfs.pdfA2b(1, 11);
        assertThatThrownBy(() -> signer().complete(otherPdf, pending, right, settings))
                .isInstanceOf(SigningException.class).hasMessageContaining("changed");
    }

    @Test
    void twoTimestampedSignaturesExtendedToLtaValidateOfflineAndInPdfsig() throws Exception {
        IssuedCredential first = ca.issue("Nguyễn Văn An", SCHOOL, "GV0001", services.endpoints());
        IssuedCredential second = ca.issue("Trần Thị Bình", SCHOOL, "GV0002", services.endpoints());
        byte[] pdf = TestPdfs.pdfA2b(1, 10);
        DssPdfSigner signer = signer();
        try (SigningToken a = first.token(); SigningToken b = second.token()) {
            pdf = signer.sign(pdf, a, request(0, "Nguyễn Văn An"), settings);
            pdf = signer.sign(pdf, b, request(1, "Trần Thị Bình"), settings);
        }
        byte[] archived = signer.extend(pdf, PadesLevel.B_LTA, settings);

        // required, not optional: bin/test installs poppler-utils and libnss3-tools
        assertThat(Pdfsig.available() && Pdfsig.certutilAvailable()).as("pdfsig and certutil are installed").isTrue();
        try (Pdfsig pdfsig = Pdfsig.withTrustAnchors(List.of(ca.certificate()))) {
            // the B-LTA document timestamp is listed too, but poppler does not verify it
            assertThat(pdfsig.verdicts(archived)).hasSize(3);
            assertThat(pdfsig.signatureVerdicts(archived)).hasSize(2).allSatisfy(verdict -> {
                assertThat(verdict.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(verdict.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
        services.close();

        ValidationReport offline = new DssSignatureValidator(List.of(ca.certificate())).validate(archived);
        assertThat(offline.signatures()).hasSize(2).allSatisfy(s -> {
            assertThat(s.indication()).as(String.valueOf(s.subIndication())).isEqualTo("TOTAL_PASSED");
            assertThat(s.signatureFormat()).isEqualTo("PAdES-BASELINE-LTA");
        });
        assertThat(new String(archived, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("/DocMDP");
    }

    @Test
    void extendingToLongTermRefusesARevokedSigner() {
        IssuedCredential teacher = ca.issue("Đỗ Minh Châu", SCHOOL, "GV0045", services.endpoints());
        byte[] signed;
        try (SigningToken token = teacher.token()) {
            signed = signer().sign(TestPdfs.pdfA2b(1, 10), token, request(0, "Đỗ Minh Châu"), settings);
        }
        ca.revoke(teacher.certificate().getSerialNumber(), CRLReason.KEY_COMPROMISE, Instant.now());

        assertThatThrownBy(() -> signer().extend(signed, PadesLevel.B_LT, settings))
                .isInstanceOf(SigningException.class).hasMessageContaining("BASELINE-LT").hasMessageContaining("revoked");
    }

    @Test
    void theCaKeepsItsRecordsAcrossARestart() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ca-records");
        char[] password = "test".toCharArray();
        ca.writePkcs12(dir.resolve("ca.p12"), password);
        ca.keepRecordsIn(dir.resolve("records"));
        IssuedCredential kept = ca.issue("Hoàng Văn Em", SCHOOL, "GV0046", services.endpoints());
        IssuedCredential revoked = ca.issue("Vũ Thị Giang", SCHOOL, "GV0047", services.endpoints());
        ca.revoke(revoked.certificate().getSerialNumber(), CRLReason.CESSATION_OF_OPERATION, Instant.now());

        CertificateAuthority reloaded = CertificateAuthority.loadPkcs12(dir.resolve("ca.p12"), password)
                .keepRecordsIn(dir.resolve("records"));

        assertThat(reloaded.issued(kept.certificate().getSerialNumber())).isTrue();
        assertThat(reloaded.revocation(kept.certificate().getSerialNumber())).isEmpty();
        assertThat(reloaded.revocation(revoked.certificate().getSerialNumber())).hasValueSatisfying(r ->
                assertThat(r.reason()).isEqualTo(CRLReason.CESSATION_OF_OPERATION));

        // a line torn by a crash mid-append is skipped, and the next record starts on a line of its own
        java.nio.file.Files.writeString(dir.resolve("records"), "I 4f3a", java.nio.file.StandardOpenOption.APPEND);
        CertificateAuthority afterCrash = CertificateAuthority.loadPkcs12(dir.resolve("ca.p12"), password)
                .keepRecordsIn(dir.resolve("records"));
        IssuedCredential next = afterCrash.issue("Đinh Văn Hùng", SCHOOL, "GV0048", services.endpoints());
        CertificateAuthority again = CertificateAuthority.loadPkcs12(dir.resolve("ca.p12"), password)
                .keepRecordsIn(dir.resolve("records"));
        assertThat(again.issued(next.certificate().getSerialNumber())).isTrue();
        assertThat(again.issued(kept.certificate().getSerialNumber())).isTrue();
    }

    private eu.europa.esig.dss.simplereport.SimpleReport validateOnline(byte[] pdf) {
        var validator = new eu.europa.esig.dss.pades.validation.PDFDocumentValidator(
                new eu.europa.esig.dss.model.InMemoryDocument(pdf, "document.pdf"));
        var verifier = new eu.europa.esig.dss.spi.validation.CommonCertificateVerifier();
        var trusted = new eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource();
        trusted.addCertificate(new eu.europa.esig.dss.model.x509.CertificateToken(ca.certificate()));
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new eu.europa.esig.dss.service.ocsp.OnlineOCSPSource());
        verifier.setCrlSource(new eu.europa.esig.dss.service.crl.OnlineCRLSource());
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument().getSimpleReport();
    }

    /** {@link NewestTimestamp} finds what DSS's validator finds, reading one CMS. */
    @Test
    void theNewestRevisionsTimestampIsTheOneDssFinds() throws Exception {
        var signer = signer();
        byte[] pdf = TestPdfs.pdfA2b(1, 10);
        assertThat(NewestTimestamp.of(pdf)).as("unsigned").isEmpty();
        try (SigningToken a = ca.issue("Nguyễn Văn An", SCHOOL, "GV1", services.endpoints()).token();
             SigningToken b = ca.issue("Trần Thị Bình", SCHOOL, "GV2", services.endpoints()).token()) {
            byte[] baselineB = signer.sign(pdf, a, request(0, "Nguyễn Văn An"), SigningSettings.baselineB());
            assertThat(NewestTimestamp.of(baselineB)).as("a B-B signature has no timestamp").isEmpty();

            pdf = signer.sign(pdf, a, request(0, "Nguyễn Văn An"), settings);
            Thread.sleep(1_100); // the second signature's timestamp is a later second
            pdf = signer.sign(pdf, b, request(1, "Trần Thị Bình"), settings);
        }
        Instant newest = newestByDss(pdf);
        assertThat(NewestTimestamp.of(pdf)).contains(newest);

        byte[] lt = signer.extend(pdf, PadesLevel.B_LT, settings);
        assertThat(NewestTimestamp.of(lt)).as("a DSS revision after the signature changes nothing").contains(newest);
        var validator = new DssSignatureValidator(List.of(ca.certificate()));
        assertThat(validator.validate(lt).changedAfterSigning())
                .as("B-LT: the unsigned revision after the last signature holds the DSS dictionary only").isFalse();
        assertThat(validator.validate(vn.hocba.signing.Forgeries.paintOverFirstPage(lt)).changedAfterSigning())
                .as("a forged update after the DSS revision").isTrue();

        byte[] lta = signer.extend(pdf, PadesLevel.B_LTA, settings);
        assertThat(validator.validate(lta).changedAfterSigning()).isFalse();
        var documentTimestamps = new DssSignatureValidator(List.of(ca.certificate())).validate(lta).documentTimestamps();
        assertThat(documentTimestamps).hasSize(1);
        assertThat(NewestTimestamp.of(lta)).as("the document timestamp is the newest")
                .contains(documentTimestamps.get(0).producedAt());

        byte[] torn = pdf.clone();
        int at = new String(torn, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("/ByteRange");
        torn[at + 1] = 'X'; // the newest signature's range unreadable: the older one is then the newest found
        assertThat(NewestTimestamp.of(torn)).isPresent().get().matches(t -> t.isBefore(newest));
    }

    private static Instant newestByDss(byte[] pdf) {
        Instant newest = null;
        for (var signature : new PDFDocumentValidator(new InMemoryDocument(pdf)).getSignatures()) {
            for (var timestamp : signature.getSignatureTimestamps()) {
                Instant t = timestamp.getGenerationTime().toInstant();
                newest = newest == null || t.isAfter(newest) ? t : newest;
            }
        }
        return newest;
    }

    private static DssPdfSigner signer() {
        return new DssPdfSigner(TestPdfs.dejaVuSans());
    }

    private static SignatureRequest request(int i, String name) {
        return new SignatureRequest(new SignatureBox(1, 40 + i * 180f, 40, 170, 48), name, "Giáo viên bộ môn",
                "Xác nhận học bạ", SCHOOL, Instant.now());
    }
}
