package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.fontbox.ttf.GlyfDescript;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.GlyphDescription;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.TestPdfs;

class UnhintedTrueTypeTest {

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    @Test
    void everyOutlineAndMetricStaysAndNoInstructionIsLeft() throws IOException {
        byte[] hinted = TestPdfs.dejaVuSans();
        byte[] unhinted = UnhintedTrueType.strip(hinted);
        assertThat(unhinted.length).as("%d of %d bytes", unhinted.length, hinted.length).isLessThan(hinted.length - 60_000);
        int instructed = 0;
        try (TrueTypeFont before = parse(hinted); TrueTypeFont after = parse(unhinted)) {
            assertThat(after.getTableMap()).doesNotContainKeys("fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX");
            assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
            assertThat(after.getUnicodeCmapLookup().getGlyphId('Ữ')).isEqualTo(before.getUnicodeCmapLookup().getGlyphId('Ữ'));
            for (int gid = 0; gid < before.getNumberOfGlyphs(); gid++) {
                GlyphData a = before.getGlyph().getGlyph(gid);
                GlyphData b = after.getGlyph().getGlyph(gid);
                assertThat(after.getAdvanceWidth(gid)).isEqualTo(before.getAdvanceWidth(gid));
                if (a == null) {
                    assertThat(b).isNull();
                    continue;
                }
                GlyphDescription da = a.getDescription();
                GlyphDescription db = b.getDescription();
                assertThat(db.getPointCount()).as("glyph %d", gid).isEqualTo(da.getPointCount());
                for (int p = 0; p < da.getPointCount(); p++) {
                    assertThat(db.getXCoordinate(p)).isEqualTo(da.getXCoordinate(p));
                    assertThat(db.getYCoordinate(p)).isEqualTo(da.getYCoordinate(p));
                    assertThat(db.getFlags(p) & 1).as("on curve").isEqualTo(da.getFlags(p) & 1);
                }
                if (da instanceof GlyfDescript described && instructions(described) > 0) {
                    instructed++;
                }
                if (db instanceof GlyfDescript described) {
                    assertThat(instructions(described)).as("glyph %d", gid).isZero();
                }
            }
        }
        assertThat(instructed).as("the test font was hinted").isGreaterThan(1000);
    }

    /** A composite glyph without instructions has none to give (null). */
    private static int instructions(GlyfDescript glyph) {
        return glyph.getInstructions() == null ? 0 : glyph.getInstructions().length;
    }

    @Test
    void theFileChecksumAddsUpAsOpenTypeRequires() {
        byte[] unhinted = UnhintedTrueType.strip(TestPdfs.dejaVuSans());
        long sum = 0;
        ByteBuffer words = ByteBuffer.wrap(unhinted);
        for (int i = 0; i + 4 <= unhinted.length; i += 4) {
            sum += words.getInt(i) & 0xFFFFFFFFL;
        }
        assertThat(unhinted.length % 4).isZero();
        assertThat(sum & 0xFFFFFFFFL).isEqualTo(0xB1B0AFBAL);
    }

    @Test
    void aPageDrawnWithItLooksTheSameAsWithTheHintedFont() throws IOException {
        String text = "Ký bởi: Nguyễn Thị Hồng Nhung · KT. HIỆU TRƯỞNG · Ngày ký: 30/11/2026 10:15 · H’Hen Niê";
        BufferedImage hinted = drawn(TestPdfs.dejaVuSans(), text);
        BufferedImage unhinted = drawn(UnhintedTrueType.strip(TestPdfs.dejaVuSans()), text);
        int inked = 0;
        for (int y = 0; y < hinted.getHeight(); y++) {
            for (int x = 0; x < hinted.getWidth(); x++) {
                assertThat(unhinted.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(hinted.getRGB(x, y));
                inked += hinted.getRGB(x, y) == 0xFFFFFFFF ? 0 : 1;
            }
        }
        assertThat(inked).as("the text was drawn").isGreaterThan(500);
    }

    /** One line of text at 9 pt drawn with the font (embedded as a subset), rendered by PDFBox at 150 dpi. */
    private static BufferedImage drawn(byte[] font, String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(500, 40));
            document.addPage(page);
            PDType0Font type0 = PDType0Font.load(document, new java.io.ByteArrayInputStream(font), true);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(type0, 9);
                content.newLineAtOffset(10, 15);
                content.showText(text);
                content.endText();
            }
            return new PDFRenderer(document).renderImageWithDPI(0, 150);
        }
    }

    @Test
    void whatIsNotATrueTypeFontIsRefused() {
        assertThatThrownBy(() -> UnhintedTrueType.strip("%PDF-1.7 not a font".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] truncated = java.util.Arrays.copyOf(TestPdfs.dejaVuSans(), 4000);
        assertThatThrownBy(() -> UnhintedTrueType.strip(truncated)).isInstanceOf(IllegalArgumentException.class);
    }
}
