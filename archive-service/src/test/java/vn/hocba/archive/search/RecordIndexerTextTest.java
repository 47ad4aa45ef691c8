package vn.hocba.archive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import vn.hocba.archive.workflow.DocumentArchived;

/** The fallback for versions rendered before their text was kept: PDFBox's text stripper on odd PDFs. */
class RecordIndexerTextTest {

    private static final DocumentArchived E = new DocumentArchived(UUID.randomUUID(), "STUDENT_RECORD", "S", "Y",
            "6A", "HS1", "An", 1, "k", "0", "ARCHIVED", true);

    private static String text(byte[] pdf) {
        return RecordIndexer.text(pdf, E);
    }

    private static byte[] pdf(String text, StandardProtectionPolicy policy) throws Exception {
        try (var d = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            d.addPage(page);
            if (text != null) {
                try (var c = new PDPageContentStream(d, page)) {
                    c.beginText();
                    c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    c.newLineAtOffset(50, 700);
                    c.showText(text);
                    c.endText();
                }
            }
            if (policy != null) {
                d.protect(policy);
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void oddPdfs() throws Throwable {
        assertThat(text(pdf("Nguyen Van An", null))).contains("Nguyen Van An");
        assertThat(text(pdf(null, null))).isBlank();
        var noExtraction = new AccessPermission();
        noExtraction.setCanExtractContent(false);
        assertThat(text(pdf("Secret", new StandardProtectionPolicy("owner", "", noExtraction)))).contains("Secret");
        assertThatThrownBy(() -> text(pdf("x", new StandardProtectionPolicy("owner", "user", new AccessPermission()))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> text("not a pdf".getBytes())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> text(new byte[0])).isInstanceOf(IllegalStateException.class);
        byte[] truncated = pdf("Nguyen Van An", null);
        assertThat(text(java.util.Arrays.copyOf(truncated, truncated.length - 40))).contains("Nguyen"); // lenient
    }
}
