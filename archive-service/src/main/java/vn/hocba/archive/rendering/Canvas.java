package vn.hocba.archive.rendering;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

import vn.hocba.archive.rendering.Typesetter.Run;

/**
 * Drawing primitives for one page: text, runs of mixed fonts, rules and shaded cells. All text
 * goes through {@link Typesetter#printable} first. Colours are DeviceRGB (the document's
 * output intent is sRGB) and fully opaque: PDF/A-2b allows no transparency.
 */
final class Canvas implements AutoCloseable {

    private final PDPageContentStream stream;
    private final Typesetter typesetter;
    /** Every text drawn, a line each, in drawing order: the document's text for the search index. */
    private final StringBuilder drawnText;
    // The text state (font, size) outlives BT/ET; set it only when it changes (PDFBox looks the
    // font up in the page resources on every setFont).
    private PDFont currentFont;
    private float currentSize;

    Canvas(PDPageContentStream stream, Typesetter typesetter, StringBuilder drawnText) {
        this.stream = stream;
        this.typesetter = typesetter;
        this.drawnText = drawnText;
    }

    private float width(PDFont font, float size, String text) {
        return typesetter.width(font, size, text);
    }

    private float width(List<Run> runs) {
        return typesetter.width(runs);
    }

    void text(PDFont font, float size, float x, float baseline, String text) throws IOException {
        String printable = typesetter.printable(text);
        if (printable.isBlank()) {
            return;
        }
        stream.beginText();
        if (font != currentFont || size != currentSize) {
            stream.setFont(font, size);
            currentFont = font;
            currentSize = size;
        }
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable);
        stream.endText();
        drawnText.append(printable).append('\n');
    }

    void centered(PDFont font, float size, float centerX, float baseline, String text) throws IOException {
        text(font, size, centerX - width(font, size, text) / 2, baseline, text);
    }

    /** Draws runs one after another from {@code x}; returns the x where the line ends. */
    float runs(float x, float baseline, List<Run> runs) throws IOException {
        float cursor = x;
        for (Run run : runs) {
            text(run.font(), run.size(), cursor, baseline, run.text());
            cursor += width(run.font(), run.size(), run.text());
        }
        return cursor;
    }

    void centeredRuns(float centerX, float baseline, List<Run> runs) throws IOException {
        runs(centerX - width(runs) / 2, baseline, runs);
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth) throws IOException {
        stream.setLineWidth(lineWidth);
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
    }

    void strokeRect(float x, float y, float width, float height, float lineWidth) throws IOException {
        stream.setLineWidth(lineWidth);
        stream.addRect(x, y, width, height);
        stream.stroke();
    }

    /** Fills a rectangle with a light grey, then restores black for what follows. */
    void shade(float x, float y, float width, float height) throws IOException {
        stream.setNonStrokingColor(0.92f, 0.92f, 0.92f);
        stream.addRect(x, y, width, height);
        stream.fill();
        stream.setNonStrokingColor(0f, 0f, 0f);
    }

    /** Adds a rectangle to the current path, to be filled by {@link #fillBlack}. */
    void addRect(float x, float y, float width, float height) throws IOException {
        stream.addRect(x, y, width, height);
    }

    /** Fills the current path in black (the non-stroking colour is always black between shades). */
    void fillBlack() throws IOException {
        stream.fill();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
