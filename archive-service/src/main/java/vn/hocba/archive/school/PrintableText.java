package vn.hocba.archive.school;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Text as the official record prints it: the policy that makes dataset text ready to store, and the characters the
 * record can draw faithfully. A record is signed as printed, so text it cannot print (drawn as "?" or dropped) is
 * refused at import rather than signed wrongly.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>NFC (Unicode Normalization Form C): macOS keyboards type Vietnamese decomposed (NFD); stored text, its length
 * and its search must see one form, and the fonts hold the precomposed Vietnamese letters.</li>
 * <li>White space: in a one-line field every run of white space (tab, line break, no-break space, ...) becomes one
 * space and the ends are stripped; in a multi-line field (comments) line breaks (CR LF, CR, LF) become LF and are
 * kept, other runs become one space, each line's ends stripped.</li>
 * <li>Every remaining character must have a glyph in both record fonts ({@value #REGULAR_FONT} and
 * {@value #BOLD_FONT}, read from their cmap, so this check never accepts what the fonts cannot draw) and lie in the
 * Basic Multilingual Plane (no emoji, even those DejaVu outlines); other control characters, invisible format
 * characters (zero-width space, bidi marks), variation selectors, private-use characters and U+FFFD (text damaged
 * before it reached us) are refused.</li>
 * <li>A staff member's name is also drawn in visible signatures, with DejaVu Sans cut to {@link #SIGNATURE_RANGES}
 * (the signing module's {@code VisibleSignatureFont}); it must lie within that cut.</li>
 * </ol>
 * Immutable and thread-safe; the fonts are read once per process.
 */
public final class PrintableText {

    /** The record's fonts, as on the classpath (the rendering module draws with the same two files). */
    public static final String REGULAR_FONT = "/fonts/DejaVuSans.ttf";
    public static final String BOLD_FONT = "/fonts/DejaVuSans-Bold.ttf";

    /**
     * The Unicode ranges (inclusive) of the visible-signature font cut: Latin, Vietnamese (Latin Extended Additional),
     * combining marks, general punctuation, ₫. Must equal {@code vn.hocba.signing.dss.VisibleSignatureFont.RANGES};
     * {@code PrintableTextTest} checks it.
     */
    static final int[][] SIGNATURE_RANGES = {
            {0x0020, 0x007E}, {0x00A0, 0x024F}, {0x0300, 0x036F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
            {0x20AB, 0x20AB}};

    /** Where a text is printed: this decides the white space rule and the repertoire. */
    public enum Field {
        /** One line of the record: names, places, addresses. */
        ONE_LINE,
        /** Paragraphs (comments): line breaks kept. */
        MULTI_LINE,
        /** A staff member's name: one line, and within the signature font cut. */
        SIGNER_NAME
    }

    /** One character that cannot be printed, e.g. {@code U+1F600 GRINNING FACE}. */
    public record Unprintable(int codePoint) {
        /** {@code U+1F600 GRINNING FACE} (the Unicode name where Java knows it). */
        @Override
        public String toString() {
            String name = Character.getName(codePoint);
            return String.format("U+%04X", codePoint) + (name == null ? "" : " " + name);
        }
    }

    private static final PrintableText INSTANCE = new PrintableText();

    private final BitSet record;
    private final BitSet signature;

    private PrintableText() {
        this.record = repertoire(cmap(REGULAR_FONT), cmap(BOLD_FONT));
        this.signature = new BitSet();
        for (int[] range : SIGNATURE_RANGES) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                if (record.get(cp)) {
                    signature.set(cp);
                }
            }
        }
    }

    /** The policy with the repertoire of the record fonts on the classpath (read on first use). */
    public static PrintableText instance() {
        return INSTANCE;
    }

    /**
     * @param raw text as entered (not null)
     * @param field where it is printed
     * @return the text as stored and printed: NFC, white space per the field's rule (may be empty)
     */
    public String normalise(String raw, Field field) {
        if (plainAscii(raw)) {
            return raw; // most values (ids, codes, vocabulary) need nothing: skip the copies
        }
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (field != Field.MULTI_LINE) {
            return collapse(nfc);
        }
        String[] lines = nfc.replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(nfc.length());
        for (String line : lines) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(collapse(line));
        }
        return out.toString().strip();
    }

    /**
     * @param normalised text as returned by {@link #normalise}
     * @param field where it is printed
     * @return each distinct character the record (or for a signer, the signature) cannot print, in order of
     *         appearance; empty when all of it prints
     */
    public List<Unprintable> unprintable(String normalised, Field field) {
        BitSet accepted = field == Field.SIGNER_NAME ? signature : record;
        List<Unprintable> out = new ArrayList<>();
        BitSet seen = new BitSet();
        normalised.codePoints().forEach(cp -> {
            boolean ok = accepted.get(cp) || (cp == '\n' && field == Field.MULTI_LINE);
            if (!ok && !seen.get(cp)) {
                seen.set(cp);
                out.add(new Unprintable(cp));
            }
        });
        return out;
    }

    /** Whether the record fonts draw this character as itself (for tests and other importers). */
    public boolean printsOnRecord(int codePoint) {
        return record.get(codePoint);
    }

    /** Whether a visible signature draws this character with its Latin/Vietnamese font cut. */
    public boolean printsInSignature(int codePoint) {
        return signature.get(codePoint);
    }

    /** Printable ASCII with single inner spaces: already NFC, with nothing to collapse or strip. */
    private static boolean plainAscii(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || (c == ' ' && text.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Every run of white space (including line breaks, tabs, no-break and other Unicode spaces) to one space. */
    private static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Characters both fonts map to a glyph, less those that draw nothing meaningful or must not be stored. */
    private static BitSet repertoire(CmapLookup regular, CmapLookup bold) {
        BitSet set = new BitSet(0x10000);
        // Only the Basic Multilingual Plane: beyond it lie emoji (DejaVu has monochrome outlines of some, which are
        // not what the user typed and saw in colour), historic scripts and mathematical letters; none belongs in a
        // Vietnamese record.
        for (int cp = 0; cp <= 0xFFFF; cp++) {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || cp == 0xFFFD
                    || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors ask for a presentation no font here has
                    || (cp != ' ' && (Character.isWhitespace(cp) || Character.isSpaceChar(cp)))
                    || !Normalizer.isNormalized(Character.toString(cp), Normalizer.Form.NFC)) {
                continue; // white space other than ' ', and characters NFC replaces (Ω OHM SIGN), never survive normalise()
            }
            if (regular.getGlyphId(cp) != 0 && bold.getGlyphId(cp) != 0) {
                set.set(cp);
            }
        }
        set.set(' ');
        return set;
    }

    private static CmapLookup cmap(String resource) {
        try (InputStream in = PrintableText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font not found on the classpath: " + resource);
            }
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()))) {
                CmapLookup lookup = ttf.getUnicodeCmapLookup();
                lookup.getGlyphId('A'); // reads the subtable before the font closes
                return lookup;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
