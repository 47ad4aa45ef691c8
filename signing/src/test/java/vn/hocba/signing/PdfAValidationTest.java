package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** The PDF/A helper must be able to say no, or the PDF/A assertions elsewhere prove nothing. */
class PdfAValidationTest {

    @Test
    void theFixtureIsPdfA2b() {
        assertThat(PdfAValidation.pdfA2bFailures(TestPdfs.pdfA2b(2, 10))).isEmpty();
    }

    @Test
    void aPlainPdfWithAnUnembeddedFontIsNotPdfA2b() throws Exception {
        byte[] plain;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.showText("not embedded");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            plain = out.toByteArray();
        }

        assertThat(PdfAValidation.pdfA2bFailures(plain))
                .anySatisfy(failure -> assertThat(failure).startsWith("6.2.11.4.1"))  // font not embedded
                .anySatisfy(failure -> assertThat(failure).startsWith("6.2.4.3"));    // DeviceGray, no output intent
    }
}
