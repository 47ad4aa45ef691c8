package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;

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
}
