package vn.hocba.archive.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two DejaVu fonts, read from the classpath once. A PDFBox font object belongs to one
 * document, so {@link #loadInto} parses the shared bytes again for every document (cheap: no copy,
 * tables are read lazily); only the glyphs used are embedded (subset), which keeps a record small.
 * Immutable and safe to share between threads.
 */
final class RecordFonts {

    static final String REGULAR_RESOURCE = "/fonts/DejaVuSans.ttf";
    static final String BOLD_RESOURCE = "/fonts/DejaVuSans-Bold.ttf";

    private final byte[] regular;
    private final byte[] bold;
    // Unicode cmaps are fully parsed into arrays when created; lookups afterwards only read them.
    private final CmapLookup regularCmap;
    private final CmapLookup boldCmap;

    RecordFonts() {
        this.regular = readResource(REGULAR_RESOURCE);
        this.bold = readResource(BOLD_RESOURCE);
        this.regularCmap = unicodeCmap(regular, REGULAR_RESOURCE);
        this.boldCmap = unicodeCmap(bold, BOLD_RESOURCE);
    }

    /** The fonts of one document. */
    record Pair(PDType0Font regular, PDType0Font bold) {
    }

    Pair loadInto(PDDocument document) throws IOException {
        return new Pair(
                PDType0Font.load(document, new RandomAccessReadBuffer(regular), true, false),
                PDType0Font.load(document, new RandomAccessReadBuffer(bold), true, false));
    }

    /**
     * Text as it can be drawn: NFC (DejaVu has the precomposed Vietnamese letters, data from other
     * systems may come decomposed), control characters as spaces (or kept as line breaks when
     * {@code keepLineBreaks}), invisible format characters dropped, and anything the fonts lack
     * replaced by '?' rather than failing the whole record.
     */
    String printable(String text, boolean keepLineBreaks) {
        String nfc = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append(keepLineBreaks ? '\n' : ' ');
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (Character.getType(cp) == Character.FORMAT) {
                // zero-width joiners, soft hyphens, bidi marks: nothing to draw
            } else if (regularCmap.getGlyphId(cp) != 0 && boldCmap.getGlyphId(cp) != 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static byte[] readResource(String name) {
        try (InputStream in = RecordFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new RenderingException("font not found on the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + name, e);
        }
    }

    private static CmapLookup unicodeCmap(byte[] font, String name) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            try (ttf) {
                CmapLookup lookup = ttf.getUnicodeCmapLookup();
                lookup.getGlyphId('A'); // forces the subtable to be read before the font closes
                return lookup;
            }
        } catch (IOException e) {
            throw new RenderingException("cannot parse font " + name, e);
        }
    }
}
