package vn.hocba.signing.dss;

import java.io.IOException;

import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFBox's parser (as {@code Loader.loadPDF(byte[])}: in memory, no password) with hexadecimal strings read in bulk.
 *
 * <p>Why: a signed record holds one {@code /Contents <…>} of about 22,000 hex digits per signature (ISO 32000-1
 * 12.8.1), and PDFBox 3.0 reads a hex string one byte at a time into a {@code StringBuilder}, then decodes it
 * through a synchronized stream: about 0.3 ms per signature dictionary, so every step that touches the signature
 * fields of a 15-signature record (adding a field, reading the byte ranges) paid ~5 ms. Here the digits are decoded
 * straight from chunks of the source. The result is the same {@link COSString} PDFBox makes (ISO 32000-1 7.3.4.3:
 * white space ignored, an odd final digit taken as followed by 0); anything else inside the brackets (PDFBox's
 * lenient recovery) goes back to PDFBox's own code from the same position.
 */
final class FastHexPdfParser extends PDFParser {

    private static final int[] NIBBLE = new int[256];

    static {
        java.util.Arrays.fill(NIBBLE, -1);
        for (int c = '0'; c <= '9'; c++) {
            NIBBLE[c] = c - '0';
        }
        for (int c = 'a'; c <= 'f'; c++) {
            NIBBLE[c] = c - 'a' + 10;
            NIBBLE[c - 'a' + 'A'] = c - 'a' + 10;
        }
    }

    /** Eight bytes of a chunk read as one long; {@link #EIGHT_ZEROS} is eight ASCII '0' digits. */
    private static final java.lang.invoke.VarHandle EIGHT_BYTES = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long EIGHT_ZEROS = 0x3030303030303030L;

    private FastHexPdfParser(RandomAccessRead source) throws IOException {
        super(source);
    }

    /**
     * @param pdf a PDF
     * @return the document, read lazily as {@code Loader.loadPDF(pdf)} reads it; close it
     * @throws IOException when PDFBox cannot parse it
     */
    static PDDocument load(byte[] pdf) throws IOException {
        RandomAccessReadBuffer source = new RandomAccessReadBuffer(pdf);
        try {
            return new FastHexPdfParser(source).parse();
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    protected COSString parseCOSString() throws IOException {
        long start = source.getPosition();
        if (source.peek() != '<') {
            return super.parseCOSString();
        }
        source.read(); // '<'
        COSString hex = readHex();
        if (hex == null) {
            source.seek(start); // not plain hex: PDFBox's own reading, with its recovery
            return super.parseCOSString();
        }
        return hex;
    }

    /**
     * Reads digits and white space up to '>' (consumed); null, at an unknown position, on anything else or EOF. Reads
     * grow from 64 bytes (most hex strings are an /ID or a name) to 32 KB (a signature's /Contents in one read).
     */
    private COSString readHex() throws IOException {
        byte[] chunk = new byte[64];
        byte[] out = new byte[32];
        int size = 0;
        int high = -1;
        long position = source.getPosition();
        while (true) {
            int n = source.read(chunk, 0, chunk.length);
            if (n <= 0) {
                return null;
            }
            if (out.length - size < n / 2 + 1) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, size + n / 2 + 1));
            }
            for (int i = 0; i < n; i++) {
                if (high < 0 && i + 8 <= n && (long) EIGHT_BYTES.get(chunk, i) == EIGHT_ZEROS) {
                    // the zero padding after a signature's CMS (half of a /Contents or more): eight digits at a time
                    size += 4; // four zero bytes: `out` is all zeros past `size` (new, or grown by copyOf)
                    i += 7;
                    continue;
                }
                int c = chunk[i] & 0xFF;
                int v = NIBBLE[c];
                if (v >= 0) {
                    if (high < 0) {
                        high = v;
                    } else {
                        out[size++] = (byte) (high << 4 | v);
                        high = -1;
                    }
                } else if (c == '>') {
                    if (high >= 0) {
                        out[size++] = (byte) (high << 4);
                    }
                    source.seek(position + i + 1);
                    return new COSString(java.util.Arrays.copyOf(out, size));
                } else if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f')) {
                    return null;
                }
            }
            position += n;
            if (chunk.length < 32 * 1024) { // a larger read for what is left of a long string
                chunk = new byte[Math.min(chunk.length * 4, 32 * 1024)];
            }
        }
    }
}
