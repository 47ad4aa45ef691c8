package vn.hocba.signing.dss;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.DSSFont;
import eu.europa.esig.dss.pdf.pdfbox.visible.PdfBoxNativeFont;

import vn.hocba.signing.SigningException;

/**
 * The font of visible signatures, in three cuts of the TrueType font given (DejaVu Sans), every one without hinting
 * ({@link UnhintedTrueType}: the outlines and metrics as they are) and without the tables a PDF never uses (kerning,
 * OpenType layout, MATH):
 * <ul>
 * <li><b>Shared</b>: the Vietnamese alphabet (every letter with every tone, upper and lower case), ASCII and the
 * punctuation of names and dates ({@link #SHARED_EXTRA}), 239 glyphs, about 16 KB (10 KB compressed). Drawn through
 * {@link #sharedFontFor}, embedded whole (this cut, no further subsetting, under the fixed subset tag
 * {@link #SHARED_TAG}) by the first signature of a file; every later signature of that file refers to that copy
 * ({@link SharedSignatureFont}, {@link #isShared}). Issue 15: "one font subset for all
 * visible signatures of a file" (each signature used to embed its own hinted subset, about 6 KB, 15 in a record).</li>
 * <li><b>Reduced</b>: the Latin and Vietnamese cut of {@link #RANGES} (the names the import accepts for signers,
 * {@code PrintableText}), about 63 KB: text outside the shared repertoire but inside this cut embeds a subset of it.
 * DSS parses the font of a signature twice (data to sign, then assembly), so the cut also keeps the parse cheap.</li>
 * <li><b>Full</b>: every character of the font, for any other text, as a subset.</li>
 * </ul>
 * Thread-safe: the shared font is a PDFBox object, made once per thread ({@link ThreadLocal}, about 30 KB each).
 */
final class VisibleSignatureFont {

    /** Unicode ranges kept in the reduced font: Latin, Vietnamese (Latin Extended Additional), punctuation, ₫. */
    private static final int[][] RANGES = {
            {0x0020, 0x007E}, {0x00A0, 0x024F}, {0x0300, 0x036F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
            {0x20AB, 0x20AB}};

    /**
     * The shared font's characters besides ASCII and Vietnamese Latin Extended Additional (U+1EA0..U+1EF9): the
     * Vietnamese letters of Latin-1 and Latin Extended-A/B, and the apostrophes, quotes and dashes of names
     * (H’Hen Niê, Ksor Hʼ Bia).
     */
    private static final String SHARED_EXTRA =
            "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư’ʼ‘“”–—…·₫";

    /** The tables a PDF font program needs (ISO 32000-1 9.9: glyph outlines, metrics, the character map). */
    private static final List<String> PDF_TABLES =
            List.of("head", "hhea", "loca", "maxp", "glyf", "hmtx", "cmap", "OS/2", "post", "name");

    private final DSSFileFont reduced;
    private final Set<Integer> reducedCodePoints;
    private final DSSFileFont full;
    private final byte[] sharedBytes;
    private final Set<Integer> sharedCodePoints;
    /** The shared font as PDFBox embeds it, per thread (PDFBox fonts are not shared between threads). */
    private final ThreadLocal<Whole> shared;

    /** The shared font, and its font dictionary as embedded, to recognise a copy of it. */
    private record Whole(PdfBoxNativeFont font, COSDictionary dictionary) {
    }

    /** The subset tag of the shared font's name (ISO 32000-1 9.6.4), the same in every file. */
    static final String SHARED_TAG = "HCBAVN";

    /**
     * @param trueTypeFont a TrueType font file (glyf outlines) with the Vietnamese glyphs
     * @throws SigningException when the font cannot be read or cut
     */
    VisibleSignatureFont(byte[] trueTypeFont) {
        Set<Integer> inRanges = new HashSet<>();
        Set<Integer> inShared = new HashSet<>();
        Set<Integer> inFont = new HashSet<>();
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(trueTypeFont))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            // the Basic Multilingual Plane (PDFBox's subsetter writes a BMP character map; the import refuses the rest)
            for (int cp = 0x20; cp <= 0xFFFF; cp++) {
                if (!Character.isSurrogate((char) cp) && cmap.getGlyphId(cp) != 0) {
                    inFont.add(cp);
                }
            }
            for (int[] range : RANGES) {
                IntStream.rangeClosed(range[0], range[1]).filter(inFont::contains).forEach(inRanges::add);
            }
            // every cut from the font itself: a character of the shared repertoire outside RANGES (ʼ) is still drawn
            IntStream.concat(IntStream.concat(IntStream.rangeClosed(0x20, 0x7E), IntStream.rangeClosed(0x1EA0, 0x1EF9)),
                    SHARED_EXTRA.codePoints()).filter(inFont::contains).forEach(inShared::add);
            this.sharedBytes = cut(ttf, inShared);
            this.reduced = embeddedAsSubset(cut(ttf, inRanges), "signature-font-latin-vi.ttf");
            this.full = embeddedAsSubset(cut(ttf, inFont), "signature-font.ttf");
        } catch (IOException | RuntimeException e) {
            throw new SigningException("cannot read the TrueType font for visible signatures", e);
        }
        this.reducedCodePoints = Set.copyOf(inRanges);
        this.sharedCodePoints = Set.copyOf(inShared);
        this.shared = ThreadLocal.withInitial(this::wholeSharedFont);
    }

    /** The font cut to the code points, with only the {@link #PDF_TABLES} and no hinting. */
    private static byte[] cut(TrueTypeFont ttf, Set<Integer> codePoints) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(ttf, PDF_TABLES);
        subsetter.addAll(codePoints);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        return UnhintedTrueType.strip(out.toByteArray());
    }

    private static DSSFileFont embeddedAsSubset(byte[] bytes, String name) {
        DSSFileFont font = new DSSFileFont(new InMemoryDocument(bytes, name));
        // embed only the glyphs used (PDF/A-2 6.2.11.4 needs the glyphs used embedded, not the whole font)
        font.setEmbedFontSubset(true);
        return font;
    }

    /**
     * @param text the text to draw
     * @return the reduced font if it has every character of the text, else the full font; both embedded as subsets
     */
    DSSFileFont fontFor(String text) {
        return within(text, reducedCodePoints) ? reduced : full;
    }

    /**
     * @param text the text to draw
     * @return the shared font, embedded whole once per file, if it has every character of the text; else
     *         {@link #fontFor}
     */
    DSSFont sharedFontFor(String text) {
        return within(text, sharedCodePoints) ? shared.get().font() : fontFor(text);
    }

    private static boolean within(String text, Set<Integer> codePoints) {
        return text.codePoints().allMatch(cp -> cp == '\n' || codePoints.contains(cp));
    }

    /**
     * @param font a font dictionary of a PDF
     * @return whether it is the shared font as {@link #sharedFontFor} embeds it: the same Type 0 font, CID font,
     *         descriptor, widths, ToUnicode map and program, value for value and byte for byte (a file's copy changed
     *         after its first signature, by an incremental update, is not taken for it)
     */
    boolean isShared(COSDictionary font) {
        return program(font) != null && same(font, shared.get().dictionary(), 0);
    }

    /** @return whether the font is a Type 0 font with the shared font's tag and a program as long as the shared font */
    boolean isWhole(COSDictionary font) {
        return program(font) != null;
    }

    /** Deep equality of two PDF objects (references followed), streams by their stored bytes; at most 8 levels. */
    private static boolean same(COSBase a, COSBase b, int depth) {
        COSBase x = a instanceof COSObject ref ? ref.getObject() : a;
        COSBase y = b instanceof COSObject ref ? ref.getObject() : b;
        if (x == null || y == null || depth > 8) {
            return x == null && y == null;
        }
        if (x instanceof COSDictionary dx && y instanceof COSDictionary dy) {
            if (!dx.keySet().equals(dy.keySet()) || (x instanceof COSStream) != (y instanceof COSStream)) {
                return false;
            }
            for (COSName key : dx.keySet()) {
                if (!same(dx.getItem(key), dy.getItem(key), depth + 1)) {
                    return false;
                }
            }
            if (x instanceof COSStream sx && y instanceof COSStream sy) {
                try (var ix = sx.createRawInputStream(); var iy = sy.createRawInputStream()) {
                    return java.util.Arrays.equals(ix.readAllBytes(), iy.readAllBytes());
                } catch (IOException e) {
                    return false;
                }
            }
            return true;
        }
        if (x instanceof COSArray ax && y instanceof COSArray ay) {
            if (ax.size() != ay.size()) {
                return false;
            }
            for (int i = 0; i < ax.size(); i++) {
                if (!same(ax.get(i), ay.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return x.equals(y);
    }

    /** The TrueType program of a Type 0 font with the shared font's tag, as long as the shared font, or null. */
    private COSStream program(COSDictionary font) {
        if (!COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) {
            return null;
        }
        String name = font.getNameAsString(COSName.BASE_FONT);
        var descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
        if (name == null || !name.startsWith(SHARED_TAG + "+") || descendants == null || descendants.size() != 1
                || !(descendants.getObject(0) instanceof COSDictionary descendant)) {
            return null;
        }
        COSDictionary descriptor = descendant.getCOSDictionary(COSName.FONT_DESC);
        if (descriptor == null || !(descriptor.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream program)) {
            return null;
        }
        return program.getLong(COSName.LENGTH1) == sharedBytes.length ? program : null;
    }

    /**
     * The shared font embedded whole (every signature of a file can draw with one copy), in a holder document, named
     * as the subset it is ({@link #SHARED_TAG}, ISO 32000-1 9.6.4: a subset's name begins with a tag of six capital
     * letters and a plus sign; a fixed tag, as the subset is always the same).
     */
    private Whole wholeSharedFont() {
        try {
            // the holder is never saved or closed: it keeps the font's streams while the thread signs
            PDDocument holder = new PDDocument();
            PDType0Font font = PDType0Font.load(holder, new java.io.ByteArrayInputStream(sharedBytes), false);
            COSDictionary type0 = font.getCOSObject();
            COSDictionary descendant = (COSDictionary) type0.getCOSArray(COSName.DESCENDANT_FONTS).getObject(0);
            COSDictionary descriptor = descendant.getCOSDictionary(COSName.FONT_DESC);
            String tagged = SHARED_TAG + "+" + descendant.getNameAsString(COSName.BASE_FONT);
            type0.setName(COSName.BASE_FONT, tagged);
            descendant.setName(COSName.BASE_FONT, tagged);
            descriptor.setName(COSName.FONT_NAME, tagged);
            if (program(type0) == null) {
                throw new IOException("PDFBox embedded the shared font unexpectedly");
            }
            return new Whole(new PdfBoxNativeFont(font), type0);
        } catch (IOException | RuntimeException e) {
            throw new SigningException("cannot prepare the signature font", e);
        }
    }
}
