package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import vn.hocba.archive.school.PrintableText.Unprintable;

class PrintableTextTest {

    private final PrintableText text = PrintableText.instance();

    /** Every letter of the Vietnamese alphabet with every tone, upper and lower case. */
    private static final String VIETNAMESE = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";

    @Test
    void theSignatureCutIsTheOneTheSigningModuleUses() throws ReflectiveOperationException {
        // VisibleSignatureFont is package-private in the signing module; its ranges decide which font a signature uses
        Field ranges = Class.forName("vn.hocba.signing.dss.VisibleSignatureFont").getDeclaredField("RANGES");
        ranges.setAccessible(true);
        assertThat((int[][]) ranges.get(null)).isDeepEqualTo(PrintableText.SIGNATURE_RANGES);
    }

    @Test
    void everyVietnameseLetterPrintsOnTheRecordAndInSignatures() {
        String all = VIETNAMESE + VIETNAMESE.toUpperCase(java.util.Locale.ROOT) + "0123456789 .,-'()/";
        assertThat(text.unprintable(all, PrintableText.Field.SIGNER_NAME)).isEmpty();
        assertThat(text.unprintable(all, PrintableText.Field.ONE_LINE)).isEmpty();
    }

    @Test
    void emojiCjkAndInvisibleCharactersAreNamed() {
        assertThat(text.unprintable("An 😀 中 \u200B \u0007 😀", PrintableText.Field.ONE_LINE)).extracting(Unprintable::codePoint)
                .containsExactly(0x1F600, 0x4E2D, 0x200B, 0x7);
        assertThat(new Unprintable(0x1F600)).hasToString("U+1F600 GRINNING FACE");
    }

    @Test
    void decomposedTextIsComposedAndWhiteSpaceCollapsed() {
        String nfd = Normalizer.normalize("Nguyễn  Văn\tAn", Normalizer.Form.NFD);
        assertThat(text.normalise(" " + nfd + "\n", PrintableText.Field.ONE_LINE)).isEqualTo("Nguyễn Văn An");
        assertThat(text.normalise("Dòng một \r\n\r\n dòng  hai ", PrintableText.Field.MULTI_LINE))
                .isEqualTo("Dòng một\n\ndòng hai");
    }
}
