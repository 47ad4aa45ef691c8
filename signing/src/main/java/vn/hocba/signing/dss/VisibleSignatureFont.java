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

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.DSSFileFont;

import vn.hocba.signing.SigningException;

/**
 * The font of visible signatures. DSS parses the font file twice per signature (once for the data to sign, once to
 * assemble), and a 750 KB DejaVuSans takes about half of the signing time to parse. So the font is cut once, here,
 * to the Latin and Vietnamese repertoire (157 KB with its hinting); text outside it falls back to the full font. Each signature
 * still embeds only the glyphs it uses. Immutable and thread-safe.
 */
final class VisibleSignatureFont {

    /** Unicode ranges kept in the reduced font: Latin, Vietnamese (Latin Extended Additional), punctuation, ₫. */
    private static final int[][] RANGES = {
            {0x0020, 0x007E}, {0x00A0, 0x024F}, {0x0300, 0x036F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
            {0x20AB, 0x20AB}};

    private final DSSFileFont reduced;
    private final Set<Integer> reducedCodePoints;
    private final DSSFileFont full;

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
        this.reduced = embeddedAsSubset(reducedBytes, "signature-font-latin-vi.ttf");
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
     * @return the reduced font if it has every character of the text, else the full font
     */
    DSSFileFont fontFor(String text) {
        return text.codePoints().allMatch(cp -> cp == '\n' || reducedCodePoints.contains(cp)) ? reduced : full;
    }
}
