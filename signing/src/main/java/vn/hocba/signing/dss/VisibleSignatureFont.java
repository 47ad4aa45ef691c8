package vn.hocba.signing.dss;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import org.apache.pdfbox.cos.COSDictionary;
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
 * The font of visible signatures. DSS parses the font file twice per signature (once for the data to sign, once to
 * assemble), and a 750 KB DejaVuSans takes about half of the signing time to parse. So the font is cut once, here,
 * to the Latin and Vietnamese repertoire (157 KB with its hinting); text outside it falls back to the full font.
 *
 * <p>Two ways to embed it. {@link #fontFor} (DSS's way, as any DSS user does it): each signature embeds the subset of
 * the glyphs it uses, about 7 KB a signature, 15 copies in a record. {@link #sharedFontFor} (ours): the whole reduced
 * font, made once per thread, which {@link FastPdfObjectFactory} then shares: the first signature of a file embeds it
 * (about 80 KB compressed), every later one refers to that copy ({@link #isShared}). Text outside the reduced repertoire takes the
 * full font's subset either way. Thread-safe.
 */
final class VisibleSignatureFont {

    /** Unicode ranges kept in the reduced font: Latin, Vietnamese (Latin Extended Additional), punctuation, ₫. */
    private static final int[][] RANGES = {
            {0x0020, 0x007E}, {0x00A0, 0x024F}, {0x0300, 0x036F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
            {0x20AB, 0x20AB}};

    private final DSSFileFont reduced;
    private final Set<Integer> reducedCodePoints;
    private final DSSFileFont full;
    private final byte[] reducedBytes;
    /** The whole reduced font as PDFBox embeds it, per thread (PDFBox fonts are not shared between threads). */
    private final ThreadLocal<Whole> shared;

    /** The whole reduced font, and its embedded program as stored (compressed) to recognise a copy of it. */
    private record Whole(PdfBoxNativeFont font, byte[] storedProgram) {
    }

    VisibleSignatureFont(byte[] trueTypeFont) {
        Set<Integer> codePoints = new HashSet<>();
        byte[] reducedBytes;
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(trueTypeFont))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int[] range : RANGES) {
                for (int cp = range[0]; cp <= range[1]; cp++) {
                    if (cmap.getGlyphId(cp) != 0) {
                        codePoints.add(cp);
                    }
                }
            }
            TTFSubsetter subsetter = new TTFSubsetter(ttf);
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            reducedBytes = out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SigningException("cannot read the TrueType font for visible signatures", e);
        }
        this.reducedCodePoints = Set.copyOf(codePoints);
        this.reducedBytes = reducedBytes;
        this.reduced = embeddedAsSubset(reducedBytes, "signature-font-latin-vi.ttf");
        this.shared = ThreadLocal.withInitial(this::wholeReducedFont);
        this.full = embeddedAsSubset(trueTypeFont.clone(), "signature-font.ttf");
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
        return inReduced(text) ? reduced : full;
    }

    /**
     * @param text the text to draw
     * @return the whole reduced font, to be shared by the signatures of a file, if it has every character of the
     *         text; else the full font embedded as a subset
     */
    DSSFont sharedFontFor(String text) {
        return inReduced(text) ? shared.get().font() : full;
    }

    private boolean inReduced(String text) {
        return text.codePoints().allMatch(cp -> cp == '\n' || reducedCodePoints.contains(cp));
    }

    /**
     * @param font a font dictionary of a PDF
     * @return whether it is the whole reduced font as {@link #sharedFontFor} embeds it: a Type 0 font named after the
     *         font (no subset tag) whose embedded TrueType program is byte for byte the one this thread embeds
     */
    boolean isShared(COSDictionary font) {
        COSStream program = program(font);
        if (program == null) {
            return false;
        }
        byte[] ours = shared.get().storedProgram();
        if (program.getLength() != ours.length) {
            return false;
        }
        try (var in = program.createRawInputStream()) {
            return java.util.Arrays.equals(in.readAllBytes(), ours);
        } catch (IOException e) {
            return false;
        }
    }

    /** @return whether the font is a whole (untagged) Type 0 font whose program is as long as the reduced font */
    boolean isWhole(COSDictionary font) {
        return program(font) != null;
    }

    /** The TrueType program of a whole (untagged) Type 0 font as long as the reduced font, or null. */
    private COSStream program(COSDictionary font) {
        if (!COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) {
            return null;
        }
        String name = font.getNameAsString(COSName.BASE_FONT);
        var descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
        if (name == null || name.contains("+") || descendants == null || descendants.size() != 1
                || !(descendants.getObject(0) instanceof COSDictionary descendant)) {
            return null;
        }
        COSDictionary descriptor = descendant.getCOSDictionary(COSName.FONT_DESC);
        if (descriptor == null || !(descriptor.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream program)) {
            return null;
        }
        return program.getLong(COSName.LENGTH1) == reducedBytes.length ? program : null;
    }

    /** The reduced font whole (no subset: every signature of a file can draw with one copy), in a holder document. */
    private Whole wholeReducedFont() {
        try {
            // the holder is never saved or closed: it keeps the font's streams while the thread signs
            PDDocument holder = new PDDocument();
            PDType0Font font = PDType0Font.load(holder, new java.io.ByteArrayInputStream(reducedBytes), false);
            COSStream program = program(font.getCOSObject());
            if (program == null) {
                throw new IOException("PDFBox embedded the reduced font unexpectedly");
            }
            try (var in = program.createRawInputStream()) {
                return new Whole(new PdfBoxNativeFont(font), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new SigningException("cannot prepare the signature font", e);
        }
    }
}
