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
        // binary bytes before and between the dictionaries must not shift the offsets: valid UTF-8 sequences (é, €, an
        // emoji), which a UTF-8 or any multi-byte decoding would turn into fewer chars, and a NUL
        byte[] binary = {(byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0x82, (byte) 0xac, (byte) 0xf0, (byte) 0x9f,
                (byte) 0x98, (byte) 0x80, 0, '\n'};
        var file = new java.io.ByteArrayOutputStream();
        file.writeBytes("%PDF-1.7\n%".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(binary);
        file.writeBytes("<</ByteRange [0 20 40 60 ]>>".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(binary);
        file.writeBytes("<</ByteRange[0 30 50 50]>> /ByteRange [1 2 3 4] /ByteRange [0 x\n"
                .getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(new byte[200 - file.size()]);
        byte[] pdf = file.toByteArray();
        assertThat(NewestTimestamp.byteRanges(pdf)).as("the two sane ranges; [1 2 3 4] and [0 x are not ranges")
                .containsExactly(new long[] {0, 20, 40, 60}, new long[] {0, 30, 50, 50});
    }
}
