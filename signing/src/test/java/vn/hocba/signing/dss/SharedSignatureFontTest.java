package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;

class SharedSignatureFontTest {

    private final CertificateAuthority ca = CertificateAuthority.createRoot("Test Root", "Hocba", java.time.Clock.systemUTC());
    private final IssuedCredential credential = ca.issue("Nguyễn Văn An", "Hocba", "GV1");
    private final DssPdfSigner signer = new DssPdfSigner(TestPdfs.dejaVuSans());

    private byte[] sign(byte[] pdf, int i, String name) {
        var request = new SignatureRequest(new SignatureBox(1, 40, 40 + 60 * i, 170, 48), name, "Giáo viên bộ môn",
                "Xác nhận", "Trường THCS Mạo Khê II", Instant.now());
        return signer.sign(pdf, credential.token(), request, SigningSettings.baselineB());
    }

    /** The object key of each signature appearance's font, in signing order. */
    private static List<COSObjectKey> appearanceFonts(byte[] pdf) throws IOException {
        List<COSObjectKey> keys = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var field : document.getSignatureFields()) {
                COSDictionary normal = (COSDictionary) field.getWidgets().get(0).getCOSObject()
                        .getCOSDictionary(COSName.AP).getDictionaryObject(COSName.N);
                COSDictionary fonts = normal.getCOSDictionary(COSName.RESOURCES).getCOSDictionary(COSName.FONT);
                for (COSName name : fonts.keySet()) {
                    keys.add(((COSObject) fonts.getItem(name)).getKey());
                }
            }
        }
        return keys;
    }

    @Test
    void theSignaturesOfAFileShareOneCopyOfTheFontEvenFromAnotherThread() throws Exception {
        byte[] pdf = TestPdfs.pdfA2b(1, 5);
        byte[] first = sign(pdf, 0, "Tạ Mai Thảo");
        byte[] second = sign(first, 1, "Võ Văn Trung");
        // another thread has a font object of its own: its copy is the same bytes, so it is shared too
        byte[][] third = new byte[1][];
        Thread other = new Thread(() -> third[0] = sign(second, 2, "Đặng Thanh Trang"));
        other.start();
        other.join();

        List<COSObjectKey> fonts = appearanceFonts(third[0]);
        assertThat(fonts).hasSize(3);
        assertThat(fonts).as("one font object for every appearance").containsOnly(fonts.get(0));
        int firstGrowth = first.length - pdf.length;
        // the shared font, unhinted, is about 12 KB with its widths and ToUnicode map; a signature at B-B about 12 KB
        assertThat(firstGrowth).as("the first signature embeds a small font").isLessThan(30_000);
        assertThat(second.length - first.length).as("a later signature carries no font")
                .isLessThan(firstGrowth - 8_000);
        assertThat(third[0].length - second.length).isLessThan(firstGrowth - 8_000);
        // the signed revisions still hold what each signature drew
        try (PDDocument document = Loader.loadPDF(third[0])) {
            assertThat(document.getSignatureDictionaries()).extracting(s -> s.getName())
                    .containsExactly("Tạ Mai Thảo", "Võ Văn Trung", "Đặng Thanh Trang");
            assertThat(new PDFTextStripper().getText(document)).isNotBlank();
        }
    }

    @Test
    void aNameOutsideTheSharedRepertoireGetsItsOwnSubsetAndTheNextOneSharesAgain() throws Exception {
        byte[] first = sign(TestPdfs.pdfA2b(1, 5), 0, "Tạ Mai Thảo");
        byte[] second = sign(first, 1, "Иван Петров"); // Cyrillic: the full font, as a subset of its own
        byte[] third = sign(second, 2, "Võ Văn Trung");
        List<COSObjectKey> fonts = appearanceFonts(third);
        assertThat(fonts).hasSize(3);
        assertThat(fonts.get(1)).isNotEqualTo(fonts.get(0));
        assertThat(fonts.get(2)).isEqualTo(fonts.get(0));
    }

    @Test
    void aSubjectNameWithAModifierApostropheIsDrawnWithTheSharedFont() throws Exception {
        // ʼ (U+02BC) is in the shared repertoire but outside the Latin/Vietnamese cut: it comes from the font itself
        var request = new SignatureRequest(new SignatureBox(1, 40, 40, 170, 48), "Ksor Hʼ Bia",
                "Giáo viên bộ môn (Tiếng Hʼmông)", "Xác nhận", "Trường THCS Mạo Khê II", Instant.now());
        byte[] first = signer.sign(TestPdfs.pdfA2b(1, 5), credential.token(), request, SigningSettings.baselineB());
        byte[] second = sign(first, 1, "Võ Văn Trung");
        List<COSObjectKey> fonts = appearanceFonts(second);
        assertThat(fonts).hasSize(2).containsOnly(fonts.get(0));
        try (PDDocument document = Loader.loadPDF(second)) {
            var field = document.getSignatureFields().get(0);
            var appearance = field.getWidgets().get(0).getNormalAppearanceStream();
            var font = appearance.getResources().getFont(appearance.getResources().getFontNames().iterator().next());
            assertThat(font.getName()).as("a subset's name has a tag (ISO 32000-1 9.6.4)")
                    .isEqualTo(VisibleSignatureFont.SHARED_TAG + "+DejaVuSans");
            assertThat(font.getStringWidth("Tiếng Hʼmông")).as("the embedded program has ʼ").isPositive();
        }
    }

    @Test
    void aSharedFontChangedInTheFileIsNotSharedAgain() throws Exception {
        byte[] first = sign(TestPdfs.pdfA2b(1, 5), 0, "Tạ Mai Thảo");
        // an incremental update drops the first signature's font's ToUnicode map (its program stays byte for byte)
        byte[] tampered;
        try (PDDocument document = Loader.loadPDF(first)) {
            COSDictionary normal = (COSDictionary) document.getSignatureFields().get(0).getWidgets().get(0)
                    .getCOSObject().getCOSDictionary(COSName.AP).getDictionaryObject(COSName.N);
            COSDictionary fonts = normal.getCOSDictionary(COSName.RESOURCES).getCOSDictionary(COSName.FONT);
            COSDictionary font = (COSDictionary) fonts.getDictionaryObject(fonts.keySet().iterator().next());
            font.removeItem(COSName.TO_UNICODE);
            font.setNeedToBeUpdated(true);
            var out = new java.io.ByteArrayOutputStream();
            document.saveIncremental(out);
            tampered = out.toByteArray();
        }
        byte[] second = sign(tampered, 1, "Võ Văn Trung");
        List<COSObjectKey> fonts = appearanceFonts(second);
        assertThat(fonts).hasSize(2);
        assertThat(fonts.get(1)).as("the new signature embeds its own copy").isNotEqualTo(fonts.get(0));
        byte[] third = sign(second, 2, "Đặng Thanh Trang");
        assertThat(appearanceFonts(third).get(2)).as("and the next one shares that copy").isEqualTo(fonts.get(1));
    }

    @Test
    void aPendingSignaturePreparedByASignerThatDrawsDifferentlyIsRefusedNotCompletedInvalid() throws Exception {
        byte[] pdf = TestPdfs.pdfA2b(1, 5);
        var request = new SignatureRequest(new SignatureBox(1, 40, 40, 170, 48), "Tạ Mai Thảo", "Giáo viên bộ môn",
                "Xác nhận", "Trường THCS Mạo Khê II", Instant.now());
        // another version of the service: its font program differs (here: the italic angle in its post table)
        DssPdfSigner otherVersion = new DssPdfSigner(withOtherItalicAngle(TestPdfs.dejaVuSans()));
        var settings = SigningSettings.baselineB();
        var pending = otherVersion.prepare(pdf, credential.chain(), request, settings);
        byte[] value;
        try (var token = credential.token()) {
            value = token.sign(pending.dataToSign());
        }
        assertThatThrownBy(() -> signer.complete(pdf, pending, value, settings))
                .isInstanceOf(vn.hocba.signing.PreparedElsewhereException.class);
        // the version that prepared it completes it, and the signature is valid
        byte[] signed = otherVersion.complete(pdf, pending, value, settings);
        var report = new DssSignatureValidator(List.of(ca.certificate())).validate(signed);
        assertThat(report.signatures()).hasSize(1);
        assertThat(report.allPassed()).as("%s", report).isTrue();
    }

    /** The font with another italic angle in its 'post' table: the same glyphs, another program and descriptor. */
    private static byte[] withOtherItalicAngle(byte[] font) {
        byte[] copy = font.clone();
        var in = java.nio.ByteBuffer.wrap(copy);
        for (int i = 0; i < (in.getShort(4) & 0xFFFF); i++) {
            int entry = 12 + 16 * i;
            if (new String(copy, entry, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("post")) {
                in.putInt(in.getInt(entry + 8) + 4, 0xFFFF0000); // italicAngle, Fixed 16.16: -1 degree
                return copy;
            }
        }
        throw new IllegalStateException("no post table");
    }
}
