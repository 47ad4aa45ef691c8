package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class FastHexPdfParserTest {

    /** A one-page PDF whose catalog holds {@code /Probe} with each given string, written as-is. */
    private static byte[] pdfWith(String... strings) throws IOException {
        StringBuilder probe = new StringBuilder("[");
        for (String s : strings) {
            probe.append(' ').append(s);
        }
        probe.append(" ]");
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R /Probe " + probe + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = out.size();
            out.writeBytes(((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static java.util.List<byte[]> probe(PDDocument document) {
        var array = ((COSDictionary) document.getDocumentCatalog().getCOSObject()).getCOSArray(COSName.getPDFName("Probe"));
        java.util.List<byte[]> values = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(((COSString) array.getObject(i)).getBytes());
        }
        return values;
    }

    @Test
    void readsHexStringsAsPdfBoxDoes() throws IOException {
        String longHex = "0a1B".repeat(6_000) + "0".repeat(9_000); // longer than one chunk, as a signature's /Contents
        byte[] pdf = pdfWith("<48656c6c6f>", "<48 65\n6C\t6c\r6F>", "<>", "<ABC>", "<" + longHex + ">",
                "(literal <not hex>)", "<4142 XY 4344>", "<41\u00004243>");
        try (PDDocument pdfbox = Loader.loadPDF(pdf); PDDocument fast = FastHexPdfParser.load(pdf)) {
            var expected = probe(pdfbox);
            var actual = probe(fast);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as("string %d", i).isEqualTo(expected.get(i));
            }
            assertThat(new String(actual.get(0), StandardCharsets.US_ASCII)).isEqualTo("Hello");
            assertThat(actual.get(3)).containsExactly(0xAB, 0xC0); // an odd last digit is followed by 0
            assertThat(actual.get(4)).hasSize(longHex.length() / 2);
            // the object after the strings is still read from the right place
            assertThat(fast.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void zeroPaddingReadEightDigitsAtATimeGivesPdfBoxsBytes() throws IOException {
        // runs of '0' at every alignment: after an odd digit, cut by white space, another digit or a non-hex byte,
        // across the 64-byte first read and the larger ones, and ending right at '>'
        java.util.List<String> strings = new java.util.ArrayList<>();
        for (int lead = 0; lead < 9; lead++) {
            strings.add("<" + "a".repeat(lead) + "0".repeat(70 - lead) + ">");
            strings.add("<" + "1".repeat(lead) + "0".repeat(13) + "7" + "0".repeat(9) + ">");
        }
        strings.add("<00000000 00000000\n0000000>");
        strings.add("<" + "0".repeat(7) + ">");
        strings.add("<" + "0".repeat(16) + "G0>");
        strings.add("<3082" + "0".repeat(40_001) + ">");
        byte[] pdf = pdfWith(strings.toArray(String[]::new));
        try (PDDocument pdfbox = Loader.loadPDF(pdf); PDDocument fast = FastHexPdfParser.load(pdf)) {
            var expected = probe(pdfbox);
            var actual = probe(fast);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as("string %d: %s", i, strings.get(i).length() > 80
                        ? strings.get(i).substring(0, 80) + "…" : strings.get(i)).isEqualTo(expected.get(i));
            }
            assertThat(fast.getNumberOfPages()).isEqualTo(1);
        }
    }
}
