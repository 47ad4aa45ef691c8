package vn.hocba.archive.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** Measures and wraps text in the document's fonts, before and while drawing. */
final class Typesetter {

    /** A piece of a line of text in one font, for lines that mix regular and bold. */
    record Run(PDFont font, float size, String text) {
    }

    private final RecordFonts fonts;

    Typesetter(RecordFonts fonts) {
        this.fonts = fonts;
    }

    String printable(String text) {
        return fonts.printable(text, false);
    }

    float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(fonts.printable(text, false)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width(List<Run> runs) {
        float total = 0;
        for (Run run : runs) {
            total += width(run.font(), run.size(), run.text());
        }
        return total;
    }

    /**
     * Greedy word wrap into lines no wider than {@code maxWidth}; a word longer than a line is cut
     * between letters. Line breaks in the text start a new line. Never returns an empty list.
     */
    List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        // Glyph widths simply add up (PDFBox applies no kerning), so each word is measured once.
        float space = rawWidth(font, size, " ");
        List<String> lines = new ArrayList<>();
        for (String paragraph : fonts.printable(text, true).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : paragraph.trim().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                float wordWidth = rawWidth(font, size, word);
                float joined = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (joined <= maxWidth) {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth = joined;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                if (wordWidth <= maxWidth) {
                    line.append(word);
                    lineWidth = wordWidth;
                    continue;
                }
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    float letter = rawWidth(font, size, Character.toString(cp));
                    if (line.length() > 0 && lineWidth + letter > maxWidth) {
                        lines.add(line.toString());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    line.appendCodePoint(cp);
                    lineWidth += letter;
                    i += Character.charCount(cp);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Width of text that is already {@link #printable}. */
    private static float rawWidth(PDFont font, float size, String printable) {
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
