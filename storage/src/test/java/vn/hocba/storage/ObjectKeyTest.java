package vn.hocba.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyTest {

    private static final String HEX = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789";

    @ParameterizedTest
    @ValueSource(strings = {"a", "records/2025/hs-001.pdf", "a.b_c-d/E9", ".hidden", "a/..b/c..", "x/...y"})
    void acceptsSafeRelativeKeys(String value) {
        assertThat(ObjectKey.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "a/", "a//b", ".", "..", "./a", "a/./b", "a/..", "../a", "a/../b",
        "a b", "a\\b", "a~b", "học/bạ", "a\nb", "a:b", "C:/x"})
    void refusesUnsafeKeys(String value) {
        assertThatThrownBy(() -> ObjectKey.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> ObjectKey.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void acceptsUpTo1024Characters() {
        assertThat(ObjectKey.of("a".repeat(1024)).value()).hasSize(1024);
        assertThatThrownBy(() -> ObjectKey.of("a".repeat(1025))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentAddressedKeyFansOutOverTheHash() {
        assertThat(ObjectKey.contentAddressed("records", HEX, "pdf").value())
                .isEqualTo("records/sha256/ab/cd/" + HEX + ".pdf");
    }

    @Test
    void contentAddressedKeyLowerCasesTheHashAndToleratesTrailingSlashAndNoExtension() {
        assertThat(ObjectKey.contentAddressed("records/", HEX.toUpperCase(), null).value())
                .isEqualTo("records/sha256/ab/cd/" + HEX);
        assertThat(ObjectKey.contentAddressed("", HEX, "").value()).isEqualTo("sha256/ab/cd/" + HEX);
    }

    @Test
    void contentAddressedKeyRefusesBadHashExtensionOrPrefix() {
        assertThatThrownBy(() -> ObjectKey.contentAddressed("records", HEX.substring(1), "pdf"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKey.contentAddressed("records", HEX.replace('a', 'g'), "pdf"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKey.contentAddressed("records", HEX, "p/df"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKey.contentAddressed("../records", HEX, "pdf"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nameIsTheLastSegmentAndToStringTheKey() {
        ObjectKey key = ObjectKey.of("records/2025/hs-001.pdf");

        assertThat(key.name()).isEqualTo("hs-001.pdf");
        assertThat(ObjectKey.of("top").name()).isEqualTo("top");
        assertThat(key).hasToString("records/2025/hs-001.pdf");
    }
}
