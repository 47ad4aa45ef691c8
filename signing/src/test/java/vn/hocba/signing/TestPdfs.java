package vn.hocba.signing;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Test fixtures: a small PDF/A-2b made with PDFBox, and the DejaVuSans font. */
public final class TestPdfs {

    private static final String SRGB = "sRGB IEC61966-2.1";
    private static byte[] font;

    private TestPdfs() {
    }

    /** @return the bytes of DejaVuSans.ttf from the test resources */
    public static synchronized byte[] dejaVuSans() {
        if (font == null) {
            try (InputStream in = TestPdfs.class.getResourceAsStream("/DejaVuSans.ttf")) {
                font = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return font;
    }

    /**
     * @param pages number of A4 pages
     * @param linesPerPage lines of Vietnamese text per page (about 60 bytes each after compression)
     * @return a PDF/A-2b document: DejaVuSans embedded as a subset, sRGB output intent, XMP pdfaid 2/B
     */
    public static byte[] pdfA2b(int pages, int linesPerPage) {
        return pdfA2b(pages, linesPerPage, 0);
    }

    /**
     * @param pages        number of A4 pages
     * @param linesPerPage lines of Vietnamese text per page
     * @param noiseBytes   size of an incompressible RGB image drawn on page 1 (stands in for a photo), 0 for none
     * @return a PDF/A-2b document
     */
    public static byte[] pdfA2b(int pages, int linesPerPage, int noiseBytes) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font type0 = PDType0Font.load(document, new ByteArrayInputStream(dejaVuSans()), true);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(type0, 9);
                    content.setLeading(11);
                    content.newLineAtOffset(40, 800);
                    content.showText("HỌC BẠ TRUNG HỌC CƠ SỞ – trang " + p);
                    for (int i = 0; i < linesPerPage; i++) {
                        content.newLine();
                        content.showText("Dòng " + i + ": Điểm trung bình môn Toán 8,5; Ngữ văn 7,75; Tiếng Anh "
                                + (i % 10) + "," + (i * 7 % 100));
                    }
                    content.endText();
                    if (p == 1 && noiseBytes > 0) {
                        content.drawImage(noise(document, noiseBytes), 450, 700, 100, 120);
                    }
                }
            }
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp().getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(document,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo(SRGB);
            intent.setOutputCondition(SRGB);
            intent.setOutputConditionIdentifier(SRGB);
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDImageXObject noise(PDDocument document, int bytes) throws IOException {
        int side = (int) Math.ceil(Math.sqrt(bytes / 3.0));
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return LosslessFactory.createFromImage(document, image);
    }

    private static String xmp() {
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                      <pdfaid:part>2</pdfaid:part>
                      <pdfaid:conformance>B</pdfaid:conformance>
                    </rdf:Description>
                  </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""";
    }
}
