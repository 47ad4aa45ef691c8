package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The hex decoding of a signature's {@code /Contents}: the DER object, not its zero padding. */
class NewestTimestampHexTest {

    private static byte[] decode(String contents) {
        byte[] bytes = contents.getBytes(StandardCharsets.US_ASCII);
        return NewestTimestamp.hex(bytes, 0, bytes.length);
    }

    @Test
    void decodesTheDerObjectAndStopsAtItsEnd() {
        // SEQUENCE of 3 bytes, then padding that is not even hex: never read
        assertThat(decode("3003020105" + "0000zz")).containsExactly(0x30, 0x03, 0x02, 0x01, 0x05);
    }

    @Test
    void longFormLengthsAndWhiteSpaceInside() {
        String content = "00".repeat(0x81);
        byte[] der = decode("30 81\n81\r\t" + content + "0000");
        assertThat(der).hasSize(3 + 0x81);
        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(decode("3082 0102" + "ab".repeat(0x102) + "00")).hasSize(4 + 0x102);
        assertThat(decode("3003ABcdEf")).containsExactly(0x30, 0x03, 0xab, 0xcd, 0xef);
    }

    @Test
    void aNonHexByteInsideTheObjectIsRefused() {
        assertThatThrownBy(() -> decode("30030201g5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIndefiniteLengthIsDecodedToTheEnd() {
        assertThat(decode("3080020105000000")).hasSize(8);
    }

    @Test
    void byteRangesAreFoundAtTheirFileOffsetsPastBinaryBytes() {
        // binary stream bytes (>= 0x80, and a NUL) before and between the dictionaries must not shift the offsets
        byte[] head = {'%', 'P', 'D', 'F', (byte) 0xe2, (byte) 0xe3, (byte) 0xcf, (byte) 0xd3, 0, '\n'};
        String first = "<</ByteRange [0 20 40 60 ]>>";
        String second = "<</ByteRange[0 30 50 50]>> /ByteRange [1 2 3 4] /ByteRange [0 x";
        byte[] pdf = new byte[100];
        System.arraycopy(head, 0, pdf, 0, head.length);
        byte[] a = first.getBytes(StandardCharsets.US_ASCII);
        byte[] b = second.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, pdf, head.length, a.length);
        pdf[head.length + a.length] = (byte) 0xff;
        System.arraycopy(b, 0, pdf, 100 - b.length, b.length);
        assertThat(NewestTimestamp.byteRanges(pdf)).as("the two sane ranges; [1 2 3 4] and [0 x are not ranges")
                .containsExactly(new long[] {0, 20, 40, 60}, new long[] {0, 30, 50, 50});
    }
}
