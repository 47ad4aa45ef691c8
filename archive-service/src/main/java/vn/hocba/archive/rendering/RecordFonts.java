package vn.hocba.archive.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two DejaVu fonts, read from the classpath once. Only the glyphs a record uses are embedded
 * (subset), which keeps a record small.
 *
 * <p>Parsing a TrueType font (its cmap above all) costs more than laying out a whole record, so
 * parsed fonts are kept in a small pool and reused: a render {@link #borrow borrows} a pair, loads
 * it into its document and {@link #giveBack gives it back} after saving (PDFBox reads the font
 * program again when it writes the subset). A pair is used by one render at a time; the pool holds
 * at most a few pairs per processor. Safe to share between threads.
 */
final class RecordFonts {

    static final String REGULAR_RESOURCE = "/fonts/DejaVuSans.ttf";
    static final String BOLD_RESOURCE = "/fonts/DejaVuSans-Bold.ttf";

    private final byte[] regular;
    private final byte[] bold;
    private final BlockingQueue<Parsed> idle =
            new ArrayBlockingQueue<>(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    // Unicode cmaps are fully parsed into arrays when created; lookups afterwards only read them.
    private final CmapLookup regularCmap;
    private final CmapLookup boldCmap;

    RecordFonts() {
        this.regular = readResource(REGULAR_RESOURCE);
        this.bold = readResource(BOLD_RESOURCE);
        this.regularCmap = unicodeCmap(regular, REGULAR_RESOURCE);
        this.boldCmap = unicodeCmap(bold, BOLD_RESOURCE);
    }

    /** Both fonts parsed, for one render at a time. */
    static final class Parsed {
        private final TrueTypeFont regular;
        private final TrueTypeFont bold;

        private Parsed(TrueTypeFont regular, TrueTypeFont bold) {
            this.regular = regular;
            this.bold = bold;
        }

        /** The fonts of one document, embedded as subsets when the document is saved. */
        Pair loadInto(PDDocument document) throws IOException {
            return new Pair(PDType0Font.load(document, regular, true), PDType0Font.load(document, bold, true));
        }
    }

    /** The fonts as loaded into one document. */
    record Pair(PDType0Font regular, PDType0Font bold) {
    }

    Parsed borrow() {
        Parsed parsed = idle.poll();
        if (parsed != null) {
            return parsed;
        }
        try {
            return new Parsed(parse(regular), parse(bold));
        } catch (IOException e) {
            throw new RenderingException("cannot parse the fonts", e);
        }
    }

    /** Returns fonts after the document that used them has been saved (or abandoned). */
    void giveBack(Parsed parsed) {
        if (!idle.offer(parsed)) {
            close(parsed.regular);
            close(parsed.bold);
        }
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        // RandomAccessReadBuffer wraps the shared array without copying it
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        // No glyph substitution: Vietnamese in NFC needs none, and DejaVu's Latin rules (ligatures)
        // would only slow every showText down and make extracted text worse.
        ttf.setEnableGsub(false);
        ttf.getUnicodeCmapLookup(); // read the cmap now, not during the first render
        return ttf;
    }

    private static void close(TrueTypeFont ttf) {
        try {
            ttf.close();
        } catch (IOException e) {
            // nothing to release but memory; the font was only ever read
        }
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
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
                CmapLookup lookup = ttf.getUnicodeCmapLookup();
                lookup.getGlyphId('A'); // forces the subtable to be read before the font closes
                return lookup;
            }
        } catch (IOException e) {
            throw new RenderingException("cannot parse font " + name, e);
        }
    }
}
