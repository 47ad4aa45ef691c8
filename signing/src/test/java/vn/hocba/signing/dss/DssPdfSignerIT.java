package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.KeyStoreSigningToken;
import vn.hocba.signing.PdfAValidation;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SignatureResult;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;

class DssPdfSignerIT {

    private static final Instant ISSUED = Instant.parse("2025-05-30T01:00:00Z");
    /** 10:15 in Hà Nội. */
    private static final Instant FIRST_SIGNING = Instant.parse("2025-05-30T03:15:00Z");
    private static final String SCHOOL = "Trường THCS Nguyễn Du";
    private static final List<String> TEACHERS = List.of(
            "Nguyễn Thị Hồng Nhung", "Trần Văn Đức", "Lê Thị Thu Hà", "Phạm Quốc Việt", "Hoàng Minh Tuấn",
            "Vũ Thị Ngọc Ánh", "Đặng Văn Sơn", "Bùi Thị Lệ Thủy", "Đỗ Hữu Phước", "Hồ Thị Mỹ Duyên",
            "Ngô Thanh Tùng", "Dương Thị Kiều Oanh", "Lý Văn Trọng", "Phan Thị Tuyết Mai");
    private static final List<String> ROLES = List.of(
            "GV môn Toán", "GV môn Ngữ văn", "GV môn Tiếng Anh", "GV môn Vật lí", "GV môn Hóa học",
            "GV môn Sinh học", "GV môn Lịch sử", "GV môn Địa lí", "GV môn GDCD", "GV môn Tin học",
            "GV môn Công nghệ", "GV môn Thể dục", "Giáo viên chủ nhiệm", "Hiệu trưởng");

    private static CertificateAuthority ca;
    private static List<IssuedCredential> staff;
    private static DssPdfSigner signer;
    private static DssSignatureValidator validator;
    private static byte[] unsigned;

    @BeforeAll
    static void setUp() {
        ca = CertificateAuthority.createRoot("Hocba Demo Root CA", SCHOOL, Clock.fixed(ISSUED, ZoneOffset.UTC));
        staff = new ArrayList<>();
        for (int i = 0; i < TEACHERS.size(); i++) {
            staff.add(ca.issue(TEACHERS.get(i), SCHOOL, "GV" + (1000 + i)));
        }
        signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        validator = new DssSignatureValidator(List.of(ca.certificate()));
        unsigned = TestPdfs.pdfA2b(2, 60);
    }

    /** 12 subject teachers on page 1 (3 columns x 4 rows), homeroom teacher and principal on page 2. */
    static SignatureBox box(int i) {
        if (i < 12) {
            return new SignatureBox(1, 40 + (i % 3) * 175f, 40 + (i / 3) * 55f, 165, 48);
        }
        return new SignatureBox(2, 60 + (i - 12) * 260f, 60, 220, 60);
    }

    static SignatureRequest request(int i) {
        return new SignatureRequest(box(i), TEACHERS.get(i), ROLES.get(i), "Xác nhận học bạ năm học 2024-2025",
                SCHOOL, FIRST_SIGNING.plus(Duration.ofMinutes(i)));
    }

    static byte[] signAll(byte[] pdf) {
        byte[] current = pdf;
        for (int i = 0; i < staff.size(); i++) {
            try (SigningToken token = staff.get(i).token()) {
                byte[] next = signer.sign(current, token, request(i));
                // one incremental revision per signature: what was there before is kept byte for byte
                assertThat(Arrays.copyOf(next, current.length)).isEqualTo(current);
                current = next;
            }
        }
        return current;
    }

    @Test
    void fourteenSequentialSignaturesAllStayValidAndTheDocumentStaysPdfA2b() throws Exception {
        assertThat(PdfAValidation.pdfA2bFailures(unsigned)).as("the fixture itself").isEmpty();

        byte[] signed = signAll(unsigned);

        ValidationReport report = validator.validate(signed);
        assertThat(report.signatures()).hasSize(14);
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.indication()).as(s.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(s.subIndication()).isNull();
            assertThat(s.signatureFormat()).isEqualTo("PAdES-BASELINE-B");
        });
        assertThat(report.allPassed()).isTrue();
        assertThat(report.signatures()).extracting(SignatureResult::signerSubject)
                .anySatisfy(subject -> assertThat(subject).contains("Nguyễn Thị Hồng Nhung").contains("C=VN"))
                .anySatisfy(subject -> assertThat(subject).contains("Phan Thị Tuyết Mai"));
        assertThat(report.signatures()).as("document order").extracting(SignatureResult::claimedSigningTime)
                .containsExactlyElementsOf(IntStream.range(0, 14)
                        .mapToObj(i -> FIRST_SIGNING.plus(Duration.ofMinutes(i))).toList());
        assertThat(report.signatures().get(0).signerSubject())
                .isEqualTo("SERIALNUMBER=GV1000,CN=Nguyễn Thị Hồng Nhung,O=Trường THCS Nguyễn Du,C=VN");

        assertThat(PdfAValidation.pdfA2bFailures(signed)).as("PDF/A-2b after 14 signatures").isEmpty();

        assumeTrue(Pdfsig.available(), "poppler's pdfsig is not installed");
        assertThat(Pdfsig.signatureValidations(signed))
                .hasSize(14)
                .allSatisfy(line -> assertThat(line).isEqualTo("Signature is Valid."));

        // what Evince and Okular show: NSS verifies each signer for S/MIME signing up to the trusted demo root
        assumeTrue(Pdfsig.certutilAvailable(), "NSS's certutil (libnss3-tools) is not installed");
        try (Pdfsig nss = Pdfsig.withTrustAnchors(List.of(ca.certificate()))) {
            assertThat(nss.verdicts(signed)).hasSize(14).allSatisfy(v -> {
                assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
    }

    @Test
    void aSignatureTimeOutsideTheSigningCertificatesValidityIsRefused() {
        SignatureRequest valid = request(0);
        try (SigningToken token = staff.get(0).token()) {
            for (var at : List.of(ISSUED.minus(Duration.ofDays(1)), ISSUED.plus(Duration.ofDays(20 * 365)))) {
                var request = new SignatureRequest(valid.box(), valid.signerName(), valid.roleLabel(), valid.reason(),
                        valid.location(), at);
                assertThatThrownBy(() -> signer.sign(unsigned, token, request))
                        .isInstanceOf(SigningException.class)
                        .hasMessageContaining(at.isBefore(ISSUED) ? "not yet valid" : "expired");
            }
        }
    }

    @Test
    void nssViewersDoNotTrustASignerOutsideTheirTrustAnchors() throws Exception {
        assumeTrue(Pdfsig.available() && Pdfsig.certutilAvailable(), "pdfsig or certutil is not installed");
        CertificateAuthority stranger = CertificateAuthority.createRoot("Không tin cậy CA", "Khác",
                Clock.fixed(ISSUED, ZoneOffset.UTC));
        byte[] signed;
        try (SigningToken token = stranger.issue("Người lạ", "Khác", null).token()) {
            signed = signer.sign(unsigned, token, request(0));
        }

        try (Pdfsig nss = Pdfsig.withTrustAnchors(List.of(ca.certificate()))) {
            assertThat(nss.verdicts(signed)).singleElement().satisfies(v -> {
                assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(v.certificate()).isNotNull().isNotEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
        // the same signature is trusted once its own root is: the verdict above is about trust only
        try (Pdfsig nss = Pdfsig.withTrustAnchors(List.of(stranger.certificate()))) {
            assertThat(nss.verdicts(signed)).singleElement()
                    .satisfies(v -> assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED));
        }
    }

    @Test
    void theVisibleAppearanceEmbedsTheFontsLatinAndVietnameseRepertoireOnceForTheFile() throws IOException {
        byte[] signed;
        try (SigningToken token = staff.get(0).token()) {
            signed = signer.sign(unsigned, token, request(0));
        }
        // a full DejaVuSans is 750 KB; its Vietnamese repertoire without hinting, embedded whole by the first signature
        // of a file and shared by the later ones (SharedSignatureFontTest), about 12 KB
        assertThat(signed.length - unsigned.length).isLessThan(60_000);
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignatureField field = (PDSignatureField) document.getDocumentCatalog().getAcroForm().getFields().get(0);
            assertThat(field.getWidgets().get(0).isPrinted()).isTrue();
            PDResources resources = field.getWidgets().get(0).getAppearance().getNormalAppearance()
                    .getAppearanceStream().getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).hasSize(1);
            PDFont font = fonts.get(0);
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
            // the shared cut, embedded as it is (later signatures draw with it), named as a subset with a fixed tag
            assertThat(font.getName()).isEqualTo(VisibleSignatureFont.SHARED_TAG + "+DejaVuSans");
            assertThat(font.getStringWidth("Nguyễn Thị Hồng Nhung")).isPositive();
        }
    }

    @Test
    void namesOutsideTheVietnameseRepertoireFallBackToTheFullFont() {
        SignatureRequest cyrillic = new SignatureRequest(box(0), "Алексей Петров", "GV môn Tiếng Nga", null, null,
                FIRST_SIGNING);
        try (SigningToken token = staff.get(0).token()) {
            byte[] signed = signer.sign(unsigned, token, cyrillic);
            assertThat(validator.validate(signed).allPassed()).isTrue();
            assertThat(PdfAValidation.pdfA2bFailures(signed)).isEmpty();
        }
    }

    @Test
    void textTheFontCannotShowIsRefused() {
        SignatureRequest chinese = new SignatureRequest(box(0), "王小明", null, null, null, FIRST_SIGNING);
        try (SigningToken token = staff.get(0).token()) {
            assertThatThrownBy(() -> signer.sign(unsigned, token, chinese)).isInstanceOf(SigningException.class);
        }
    }

    @Test
    void signaturesOutsideTheTrustAnchorAreNotPassed() {
        CertificateAuthority stranger = CertificateAuthority.createRoot("Không tin cậy CA", "Khác",
                Clock.fixed(ISSUED, ZoneOffset.UTC));
        byte[] signed;
        try (SigningToken token = stranger.issue("Người lạ", "Khác", null).token()) {
            signed = signer.sign(unsigned, token, request(0));
        }

        ValidationReport report = validator.validate(signed);

        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo("INDETERMINATE");
            assertThat(s.subIndication()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        });
        assertThat(report.allPassed()).isFalse();
        // the same document passes with the stranger as anchor: the failure above is about trust only
        assertThat(new DssSignatureValidator(List.of(stranger.certificate())).validate(signed).allPassed()).isTrue();
    }

    @Test
    void tamperingWithSignedBytesIsDetected() throws Exception {
        byte[] signed;
        try (SigningToken token = staff.get(0).token()) {
            signed = signer.sign(unsigned, token, request(0));
        }
        assertThat(validator.validate(signed).allPassed()).isTrue();

        // the XMP packet is stored uncompressed inside the signed range: change one digit of it
        byte[] tampered = signed.clone();
        int at = indexOf(tampered, "<pdfaid:part>2".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        tampered[at + "<pdfaid:part>".length()] = '3';

        ValidationReport report = validator.validate(tampered);
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo("TOTAL_FAILED");
            assertThat(s.subIndication()).isEqualTo("HASH_FAILURE");
        });
        assumeTrue(Pdfsig.available(), "poppler's pdfsig is not installed");
        assertThat(Pdfsig.signatureValidations(tampered)).singleElement()
                .satisfies(line -> assertThat(line).isNotEqualTo("Signature is Valid."));
    }

    @Test
    void anUnsignedDocumentHasNoPassingSignatures() {
        ValidationReport report = validator.validate(unsigned);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.allPassed()).isFalse();
    }

    @Test
    void aSecondSignatureOverlappingTheFirstIsRefused() {
        try (SigningToken first = staff.get(0).token(); SigningToken second = staff.get(1).token()) {
            byte[] once = signer.sign(unsigned, first, request(0));
            SignatureRequest sameBox = new SignatureRequest(box(0), TEACHERS.get(1), ROLES.get(1), null, null,
                    FIRST_SIGNING.plusSeconds(60));
            assertThatThrownBy(() -> signer.sign(once, second, sameBox))
                    .isInstanceOf(SigningException.class)
                    .hasCauseInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aBoxOutsideTheDocumentIsRefused() {
        SignatureRequest onPageThree = new SignatureRequest(new SignatureBox(3, 40, 40, 160, 48), TEACHERS.get(0),
                ROLES.get(0), null, null, FIRST_SIGNING);
        SignatureRequest offThePage = new SignatureRequest(new SignatureBox(1, 500, 40, 160, 48), TEACHERS.get(0),
                ROLES.get(0), null, null, FIRST_SIGNING);
        try (SigningToken token = staff.get(0).token()) {
            assertThatThrownBy(() -> signer.sign(unsigned, token, onPageThree)).isInstanceOf(SigningException.class);
            assertThatThrownBy(() -> signer.sign(unsigned, token, offThePage)).isInstanceOf(SigningException.class);
        }
    }

    @Test
    void aTokenWhoseKeyDoesNotMatchItsCertificateIsRefused() {
        IssuedCredential alice = staff.get(0);
        IssuedCredential bob = staff.get(1);
        SigningToken mismatched = KeyStoreSigningToken.of(bob.privateKey(), alice.chain());

        assertThatThrownBy(() -> signer.sign(unsigned, mismatched, request(0)))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void garbageIsRefusedWithASigningException() {
        try (SigningToken token = staff.get(0).token()) {
            assertThatThrownBy(() -> signer.sign("not a pdf".getBytes(StandardCharsets.US_ASCII), token, request(0)))
                    .isInstanceOf(SigningException.class)
                    .hasCauseInstanceOf(RuntimeException.class);
        }
        assertThatThrownBy(() -> validator.validate("not a pdf".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SigningException.class);
    }

    @Test
    void oneSignerAndOneValidatorServeSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ValidationReport>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int i = t;
                results.add(pool.submit(() -> {
                    byte[] pdf = unsigned;
                    for (int k = 0; k < 3; k++) {
                        try (SigningToken token = staff.get(i + k).token()) {
                            pdf = signer.sign(pdf, token, request(i + k));
                        }
                    }
                    return validator.validate(pdf);
                }));
            }
            for (Future<ValidationReport> result : results) {
                ValidationReport report = result.get();
                assertThat(report.signatures()).hasSize(3);
                assertThat(report.allPassed()).as(report.toString()).isTrue();
            }
        } finally {
            pool.shutdownNow();
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
        return -1;
    }
}
