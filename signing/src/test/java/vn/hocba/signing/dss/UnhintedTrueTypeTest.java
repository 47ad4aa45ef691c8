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
        byte[] font = TestPdfs.dejaVuSans();
        // cut anywhere, the last table included (a cut inside it once came back zero-filled)
        for (int length = 12; length < font.length; length += 997) {
            byte[] truncated = java.util.Arrays.copyOf(font, length);
            assertThatThrownBy(() -> UnhintedTrueType.strip(truncated)).as("cut at %d", length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] lastByteMissing = java.util.Arrays.copyOf(font, font.length - 1);
        assertThatThrownBy(() -> UnhintedTrueType.strip(lastByteMissing)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDirectoryThatContradictsItselfIsRefused() {
        byte[] font = TestPdfs.dejaVuSans();
        ByteBuffer in = ByteBuffer.wrap(font);
        int tables = in.getShort(4) & 0xFFFF;
        // a table said to run past the end of the file
        byte[] tooLong = font.clone();
        ByteBuffer.wrap(tooLong).putInt(12 + 16 * (tables - 1) + 12, font.length);
        assertThatThrownBy(() -> UnhintedTrueType.strip(tooLong)).isInstanceOf(IllegalArgumentException.class);
        // two tables with one tag
        byte[] twice = font.clone();
        System.arraycopy(font, 12, twice, 12 + 16, 4);
        assertThatThrownBy(() -> UnhintedTrueType.strip(twice)).isInstanceOf(IllegalArgumentException.class);
        // a glyph whose loca entry goes backwards
        byte[] backwards = font.clone();
        int loca = tableOffset(font, "loca");
        ByteBuffer b = ByteBuffer.wrap(backwards);
        boolean longLoca = ByteBuffer.wrap(font).getShort(tableOffset(font, "head") + 50) != 0;
        if (longLoca) {
            b.putInt(loca + 4 * 40, b.getInt(loca + 4 * 42));
        } else {
            b.putShort(loca + 2 * 40, b.getShort(loca + 2 * 42));
        }
        assertThatThrownBy(() -> UnhintedTrueType.strip(backwards)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int tableOffset(byte[] font, String tag) {
        ByteBuffer in = ByteBuffer.wrap(font);
        for (int i = 0; i < (in.getShort(4) & 0xFFFF); i++) {
            if (new String(font, 12 + 16 * i, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(tag)) {
                return in.getInt(12 + 16 * i + 8);
            }
        }
        throw new IllegalArgumentException(tag);
    }
}
