package vn.hocba.archive.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import vn.hocba.signing.PdfAValidation;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SignatureResult;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.dss.DssPdfSigner;
import vn.hocba.signing.dss.DssSignatureValidator;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;

/**
 * A gradebook signed in its boxes, in its order (subject teacher, homeroom teacher, principal) with
 * demo certificates: every signature validates in DSS and in poppler, and the document stays PDF/A-2b.
 */
// veraPDF keeps static state and is not thread-safe: this class must not run beside others.
@Isolated
class SignedGradebookTest {

    private static final Instant ISSUED = Instant.parse("2025-05-30T01:00:00Z");
    private static final Instant FIRST_SIGNING = Instant.parse("2025-06-02T02:00:00Z");

    @Test
    void theSubjectTeacherTheHomeroomTeacherAndThePrincipalSignInTheirBoxesAndAllThreeSignaturesAreValid()
            throws Exception {
        SubjectGradebookView view = DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1);
        RenderedRecord rendered = new GradebookRenderer().render(view);
        String school = StudentRecordRenderer.schoolName(view.school().name());
        CertificateAuthority ca = CertificateAuthority.createRoot("Hocba Demo Root CA", school,
                Clock.fixed(ISSUED, ZoneOffset.UTC));
        List<SignatureSlot> order = List.of(SignatureSlot.subject("TOAN"), SignatureSlot.HOMEROOM, SignatureSlot.PRINCIPAL);
        List<String> names = List.of(view.subjectTeacherName(), view.homeroomTeacherName(), view.principalName());
        List<String> roles = List.of("Giáo viên môn Toán", "Giáo viên chủ nhiệm", "Hiệu trưởng");
        assertThat(rendered.signatureBoxes().keySet()).containsExactlyElementsOf(order);

        DssPdfSigner signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        byte[] current = rendered.pdf();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            IssuedCredential credential = ca.issue(names.get(i), school, "GV" + (100 + i));
            subjects.add(names.get(i));
            Box b = rendered.signatureBox(order.get(i));
            try (SigningToken token = credential.token()) {
                byte[] next = signer.sign(current, token, new SignatureRequest(
                        new SignatureBox(b.page(), b.x(), b.y(), b.width(), b.height()), names.get(i), roles.get(i),
                        "Xác nhận sổ theo dõi và đánh giá học sinh, môn Toán, lớp 6A, học kì I", school,
                        FIRST_SIGNING.plus(Duration.ofMinutes(i))));
                // incremental: the earlier revision stays byte for byte
                assertThat(Arrays.copyOf(next, current.length)).isEqualTo(current);
                current = next;
            }
        }

        ValidationReport report = new DssSignatureValidator(List.of(ca.certificate())).validate(current);
        assertThat(report.signatures()).hasSize(3).allSatisfy(s -> {
            assertThat(s.indication()).as(s.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(s.signatureFormat()).isEqualTo("PAdES-BASELINE-B");
        });
        assertThat(report.allPassed()).isTrue();
        assertThat(report.changedAfterSigning()).as("later signatures on a gradebook's pages are no change").isFalse();
        assertThat(report.signatures()).extracting(SignatureResult::signerSubject)
                .satisfiesExactly(s -> assertThat(s).contains(subjects.get(0)),
                        s -> assertThat(s).contains(subjects.get(1)),
                        s -> assertThat(s).contains(subjects.get(2)));
        assertThat(PdfAValidation.pdfA2bFailures(current)).as("PDF/A-2b after three signatures").isEmpty();

        assumeTrue(Pdfsig.available(), "poppler's pdfsig is not installed");
        assertThat(Pdfsig.signatureValidations(current)).hasSize(3)
                .allSatisfy(line -> assertThat(line).isEqualTo("Signature is Valid."));

        // as Evince and Okular show it once the demo root is trusted in NSS
        assumeTrue(Pdfsig.certutilAvailable(), "NSS's certutil (libnss3-tools) is not installed");
        try (Pdfsig nss = Pdfsig.withTrustAnchors(List.of(ca.certificate()))) {
            assertThat(nss.verdicts(current)).hasSize(3).allSatisfy(v -> {
                assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
    }
}
