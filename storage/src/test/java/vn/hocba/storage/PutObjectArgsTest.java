package vn.hocba.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PutObjectArgsTest {

    private static final ObjectKey KEY = ObjectKey.of("records/hs-001.pdf");

    @Test
    void requiresKeyContentAndRetention() {
        assertThatThrownBy(() -> PutObjectArgs.builder().content(new byte[1]).retention(Retention.permanent()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> PutObjectArgs.builder().key(KEY).retention(Retention.permanent()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content");
        assertThatThrownBy(() -> PutObjectArgs.builder().key(KEY).content(new byte[1]).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
    }

    @Test
    void copiesTheBytesSoLaterChangesDoNotLeakIn() throws IOException {
        byte[] content = {1, 2, 3};
        PutObjectArgs args = PutObjectArgs.builder().key(KEY).content(content).retention(Retention.permanent()).build();
        content[0] = 9;

        assertThat(args.content().readAllBytes()).containsExactly(1, 2, 3);
        assertThat(args.content().readAllBytes()).containsExactly(1, 2, 3);
        assertThat(args.size()).isEqualTo(3);
    }

    @Test
    void defaultsTheContentTypeAndValidatesAGivenOne() {
        PutObjectArgs.Builder builder = PutObjectArgs.builder().key(KEY).content(new byte[0]).retention(Retention.permanent());

        assertThat(builder.build().contentType()).isEqualTo("application/octet-stream");
        assertThat(builder.contentType("application/pdf").build().contentType()).isEqualTo("application/pdf");
        assertThat(builder.contentType("text/plain; charset=UTF-8").build().contentType())
                .isEqualTo("text/plain; charset=UTF-8");
        assertThatThrownBy(() -> builder.contentType("pdf")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.contentType("text/plain\r\nX-Evil: 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisesTheExpectedShaAndRefusesMalformedOnes() {
        PutObjectArgs.Builder builder = PutObjectArgs.builder().key(KEY).content(new byte[0]).retention(Retention.permanent());

        assertThat(builder.expectedSha256("AB".repeat(32)).build().expectedSha256()).contains("ab".repeat(32));
        assertThatThrownBy(() -> builder.expectedSha256("ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.expectedSha256("zz".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANegativeStreamSize() {
        assertThatThrownBy(() -> PutObjectArgs.builder().content(new ByteArrayInputStream(new byte[0]), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAKeyThatIsNotAValidObjectKey() {
        assertThatThrownBy(() -> PutObjectArgs.builder().key("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
