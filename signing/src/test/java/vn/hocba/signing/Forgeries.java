package vn.hocba.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Forged copies of a signed PDF, as someone without any signing key can make them. */
public final class Forgeries {

    private Forgeries() {
    }

    /**
     * The signed file with one more incremental update that paints page 1 white and writes other text on it: every
     * byte the signatures covered is untouched, so each still verifies over what it signed.
     */
    public static byte[] paintOverFirstPage(byte[] signed) throws IOException {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDPage page = document.getPage(0);
            try (var content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.setNonStrokingColor(1f, 1f, 1f);
                content.addRect(0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                content.fill();
                content.beginText();
                content.setNonStrokingColor(0f, 0f, 0f);
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 30);
                content.newLineAtOffset(100, 400);
                content.showText("BAN GIA - FORGED");
                content.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            if (page.getCOSObject().getCOSDictionary(COSName.RESOURCES) != null) {
                page.getCOSObject().getCOSDictionary(COSName.RESOURCES).setNeedToBeUpdated(true);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
