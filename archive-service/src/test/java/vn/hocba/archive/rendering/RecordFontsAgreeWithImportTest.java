package vn.hocba.archive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.hocba.archive.school.PrintableText;

/**
 * What the import accepts as printable ({@link PrintableText}) is what the record draws as itself: no character the
 * import lets through is turned into "?", a space or nothing by {@link RecordFonts#printable}.
 */
class RecordFontsAgreeWithImportTest {

    @Test
    void everyCharacterTheImportAcceptsIsDrawnAsItself() {
        var fonts = new RecordFonts();
        var accepted = PrintableText.instance();
        int count = 0;
        java.util.List<String> changed = new java.util.ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (accepted.printsOnRecord(cp)) {
                count++;
                String text = "-" + Character.toString(cp); // after a character nothing composes with
                if (!fonts.printable(text, false).equals(text)) {
                    changed.add(String.format("U+%04X", cp));
                }
            }
        }
        assertThat(count).as("DejaVu Sans covers thousands of characters").isGreaterThan(3000);
        assertThat(changed).as("accepted at import but not drawn as itself").isEmpty();
    }
}
