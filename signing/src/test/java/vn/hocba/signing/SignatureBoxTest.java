package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SignatureBoxTest {

    @Test
    void refusesPagesBeforeTheFirst() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignatureBox(0, 10, 10, 100, 40));
    }

    @Test
    void refusesEmptyOrNegativeSizes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignatureBox(1, 10, 10, 0, 40));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignatureBox(1, 10, 10, 100, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignatureBox(1, 10, 10, Float.NaN, 40));
    }

    @Test
    void refusesOriginsOffThePage() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignatureBox(1, -1, 10, 100, 40));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignatureBox(1, 10, Float.POSITIVE_INFINITY, 1, 1));
    }

    @Test
    void knowsWhenTwoBoxesOverlap() {
        SignatureBox box = new SignatureBox(1, 10, 10, 100, 40);
        assertThat(box.overlaps(new SignatureBox(1, 100, 40, 50, 50))).isTrue();
        assertThat(box.overlaps(new SignatureBox(1, 110, 10, 50, 40))).as("touching edges").isFalse();
        assertThat(box.overlaps(new SignatureBox(2, 10, 10, 100, 40))).as("other page").isFalse();
    }

    @Test
    void requestsNeedASignerAndATime() {
        SignatureBox box = new SignatureBox(1, 10, 10, 100, 40);
        assertThatIllegalArgumentException().isThrownBy(
                () -> new SignatureRequest(box, "  ", "", null, null, java.time.Instant.EPOCH));
        assertThat(new SignatureRequest(box, "A", null, null, null, java.time.Instant.EPOCH).roleLabel()).isEmpty();
    }
}
