package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SignatureResult;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;

/**
 * What {@link DssSignatureValidator} reports of one signature, offline: the fields a viewer shows (Thông tư 15/2025:
 * signer, issuer, signing time, timestamp, integrity, chain, revocation status), taken from DSS's reports.
 */
class DssSignatureValidatorTest {

    private static final Instant ISSUED = Instant.parse("2025-05-30T01:00:00Z");
    private static final Instant SIGNED = Instant.parse("2025-05-30T03:15:00Z");
    private static final String SCHOOL = "Trường THCS Nguyễn Du";

    private static CertificateAuthority ca;
    private static byte[] signed;

    @BeforeAll
    static void signOnce() {
        ca = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.fixed(ISSUED, ZoneOffset.UTC));
        IssuedCredential teacher = ca.issue("Nguyễn Thị Hồng Nhung", SCHOOL, "GV0042");
        try (SigningToken token = teacher.token()) {
            signed = new DssPdfSigner(TestPdfs.dejaVuSans()).sign(TestPdfs.pdfA2b(1, 10), token,
                    new SignatureRequest(new SignatureBox(1, 40, 40, 200, 50), "Nguyễn Thị Hồng Nhung",
                            "Giáo viên bộ môn", "Xác nhận học bạ năm học 2024-2025", SCHOOL, SIGNED));
        }
    }

    @Test
    void aBaselineBSignatureUnderATrustedRootNamesItsSignerIssuerAndTimeAndHasNoTimestampNorRevocationData() {
        ValidationReport report = new DssSignatureValidator(List.of(ca.certificate())).validate(signed);

        assertThat(report.documentTimestamps()).isEmpty();
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo(SignatureResult.TOTAL_PASSED);
            assertThat(s.subIndication()).isNull();
            assertThat(s.signerName()).isEqualTo("Nguyễn Thị Hồng Nhung");
            assertThat(s.signerSubject()).contains("CN=Nguyễn Thị Hồng Nhung").contains("SERIALNUMBER=GV0042");
            assertThat(s.issuer()).contains("CN=Hocba Test Root CA");
            assertThat(s.claimedSigningTime()).isEqualTo(SIGNED);
            assertThat(s.level()).isEqualTo("PAdES-BASELINE-B");
            assertThat(s.timestamped()).isFalse();
            assertThat(s.timestampedAt()).isNull();
            assertThat(s.revocationEmbedded()).isFalse();
            assertThat(s.chain()).isEqualTo(SignatureResult.Chain.TRUSTED);
            // the demo certificates say no revocation information will ever exist for them (RFC 9608)
            assertThat(s.revocation()).isEqualTo(SignatureResult.Revocation.NO_REVOCATION_AVAILABLE);
        });
    }

    @Test
    void aSignatureUnderAnotherRootHasNoTrustedChainAndIsIndeterminate() {
        CertificateAuthority stranger = CertificateAuthority.createRoot("Stranger CA", SCHOOL,
                Clock.fixed(ISSUED, ZoneOffset.UTC));
        ValidationReport report = new DssSignatureValidator(List.of(stranger.certificate())).validate(signed);

        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo("INDETERMINATE");
            assertThat(s.subIndication()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
            assertThat(s.chain()).isEqualTo(SignatureResult.Chain.NOT_TRUSTED);
            assertThat(s.signerName()).isEqualTo("Nguyễn Thị Hồng Nhung");
        });
    }

    @Test
    void aChangedByteInsideTheSignedRangeIsAHashFailure() {
        byte[] tampered = signed.clone();
        int at = indexOf(tampered, "<pdfaid:part>2".getBytes(StandardCharsets.US_ASCII));
        tampered[at + "<pdfaid:part>".length()] = '3';

        ValidationReport report = new DssSignatureValidator(List.of(ca.certificate())).validate(tampered);

        assertThat(report.allPassed()).isFalse();
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo(SignatureResult.TOTAL_FAILED);
            assertThat(s.subIndication()).isEqualTo("HASH_FAILURE");
            assertThat(s.signerName()).as("who signed is still known").isEqualTo("Nguyễn Thị Hồng Nhung");
        });
    }

    @Test
    void twoSignaturesInTurnLeaveNoUnsignedBytesAndNoChangeAfterEither() {
        ValidationReport report = new DssSignatureValidator(List.of(ca.certificate())).validate(countersigned());

        assertThat(report.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.passed()).isTrue());
        assertThat(report.unsignedBytes()).isZero();
        assertThat(report.changedAfter()).as("a later signature is not a change of content").isEmpty();
        assertThat(report.changedAfterSigning()).isFalse();
    }

    @Test
    void whiteSpaceAfterTheLastSignatureIsNotAnUnsignedChange() {
        byte[] padded = java.util.Arrays.copyOf(signed, signed.length + 3);
        padded[signed.length] = '\r';
        padded[signed.length + 1] = '\n';
        padded[signed.length + 2] = ' ';

        ValidationReport report = new DssSignatureValidator(List.of(ca.certificate())).validate(padded);

        assertThat(report.unsignedBytes()).isZero();
        assertThat(report.changedAfterSigning()).isFalse();
    }

    /**
     * A forged copy: the signed file with one more incremental update that paints over page 1 and writes other text.
     * Both signatures still verify over the bytes they signed (TOTAL_PASSED): only the unsigned update tells.
     */
    @Test
    void anIncrementalUpdateAfterTheLastSignatureIsReportedAsUnsignedBytesAndAChangeAfterEverySignature()
            throws Exception {
        byte[] genuine = countersigned();
        byte[] forged = vn.hocba.signing.Forgeries.paintOverFirstPage(genuine);
        assertThat(java.util.Arrays.equals(forged, 0, genuine.length, genuine, 0, genuine.length))
                .as("an incremental update: the signed bytes are untouched").isTrue();

        ValidationReport report = new DssSignatureValidator(List.of(ca.certificate())).validate(forged);

        assertThat(report.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.passed()).isTrue());
        assertThat(report.unsignedBytes()).isGreaterThan(100);
        assertThat(report.changedAfter()).containsExactlyInAnyOrderElementsOf(
                report.signatures().stream().map(SignatureResult::id).toList());
        assertThat(report.changedAfterSigning()).isTrue();
    }

    /** The forger signs the update with a key of their own: that signature covers it, but proves nothing. */
    @Test
    void anUpdateSignedWithAnUntrustedKeyStillLeavesUnsignedBytes() {
        CertificateAuthority forger = CertificateAuthority.createRoot("Forger CA", SCHOOL, Clock.fixed(ISSUED, ZoneOffset.UTC));
        byte[] forged;
        try (SigningToken token = forger.issue("Nguyễn Văn Giả", SCHOOL, "GV9999").token()) {
            forged = new DssPdfSigner(TestPdfs.dejaVuSans()).sign(countersigned(), token,
                    new SignatureRequest(new SignatureBox(1, 40, 120, 200, 50), "Nguyễn Văn Giả", "Hiệu trưởng",
                            "Phê duyệt", SCHOOL, SIGNED.plusSeconds(120)));
        }

        ValidationReport report = new DssSignatureValidator(List.of(ca.certificate())).validate(forged);

        assertThat(report.signatures()).hasSize(3);
        assertThat(report.signatures().get(2).passed()).isFalse();
        assertThat(report.unsignedBytes()).as("the forger's revision is not covered by a trusted signature")
                .isGreaterThan(100);
        assertThat(report.changedAfterSigning()).isTrue();
    }

    /**
     * A form field whose widget paints over page 1, then signed by someone else under the same trusted root: the
     * update is covered by a trusted signature, DSS files the field as "form fill" and leaves added annotations out of
     * its visual comparison; the field is not a signature's, so it is a change after both genuine signatures.
     */
    @Test
    void aWidgetPaintedOverThePageAndSignedByAnotherTrustedSignerIsAChangeAfterTheGenuineSignatures()
            throws Exception {
        byte[] genuine = countersigned();
        byte[] overlaid;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(genuine)) {
            var page = doc.getPage(0);
            var box = page.getMediaBox();
            var ap = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(doc);
            ap.setBBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(box.getWidth(), box.getHeight() - 400));
            ap.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, ap)) {
                cs.setNonStrokingColor(1f, 1f, 1f);
                cs.addRect(0, 0, box.getWidth(), box.getHeight() - 400);
                cs.fill();
            }
            var apd = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary();
            apd.setNormalAppearance(ap);
            var w = new org.apache.pdfbox.cos.COSDictionary();
            w.setItem(org.apache.pdfbox.cos.COSName.TYPE, org.apache.pdfbox.cos.COSName.ANNOT);
            w.setItem(org.apache.pdfbox.cos.COSName.SUBTYPE, org.apache.pdfbox.cos.COSName.WIDGET);
            w.setItem(org.apache.pdfbox.cos.COSName.FT, org.apache.pdfbox.cos.COSName.TX);
            w.setString(org.apache.pdfbox.cos.COSName.T, "note");
            w.setItem(org.apache.pdfbox.cos.COSName.V, new org.apache.pdfbox.cos.COSDictionary());
            w.setInt(org.apache.pdfbox.cos.COSName.F, 4);
            w.setItem(org.apache.pdfbox.cos.COSName.RECT, new org.apache.pdfbox.pdmodel.common.PDRectangle(0, 400,
                    box.getWidth(), box.getHeight() - 400).getCOSArray());
            w.setItem(org.apache.pdfbox.cos.COSName.P, page.getCOSObject());
            w.setItem(org.apache.pdfbox.cos.COSName.AP, apd.getCOSObject());
            var annots = page.getCOSObject().getCOSArray(org.apache.pdfbox.cos.COSName.ANNOTS);
            annots.add(w);
            annots.setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
            var form = doc.getDocumentCatalog().getAcroForm(null).getCOSObject();
            var fields = form.getCOSArray(org.apache.pdfbox.cos.COSName.FIELDS);
            fields.add(w);
            fields.setNeedToBeUpdated(true);
            form.setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            var out = new java.io.ByteArrayOutputStream();
            doc.saveIncremental(out);
            overlaid = out.toByteArray();
        }
        byte[] covered;
        try (SigningToken token = ca.issue("Trần Văn Giả", "Trường THCS khác", "GV7777").token()) {
            covered = new DssPdfSigner(TestPdfs.dejaVuSans()).sign(overlaid, token,
                    new SignatureRequest(new SignatureBox(1, 40, 120, 200, 50), "Trần Văn Giả", "Giáo viên",
                            "Xác nhận", SCHOOL, SIGNED.plusSeconds(180)));
        }

        ValidationReport report = new DssSignatureValidator(List.of(ca.certificate())).validate(covered);

        assertThat(report.signatures()).hasSize(3).allSatisfy(s -> assertThat(s.passed()).isTrue());
        assertThat(report.unsignedBytes()).as("the third, trusted signature covers the file").isZero();
        assertThat(report.changedAfter()).containsExactlyInAnyOrder(report.signatures().get(0).id(),
                report.signatures().get(1).id());
        assertThat(report.changedAfterSigning()).isTrue();
    }

    /** {@link #signed} countersigned by a second teacher in another box. */
    private static byte[] countersigned() {
        IssuedCredential homeroom = ca.issue("Lê Văn Phúc", SCHOOL, "GV0043");
        try (SigningToken token = homeroom.token()) {
            return new DssPdfSigner(TestPdfs.dejaVuSans()).sign(signed, token,
                    new SignatureRequest(new SignatureBox(1, 260, 40, 200, 50), "Lê Văn Phúc",
                            "Giáo viên chủ nhiệm", "Xác nhận học bạ năm học 2024-2025", SCHOOL, SIGNED.plusSeconds(60)));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
