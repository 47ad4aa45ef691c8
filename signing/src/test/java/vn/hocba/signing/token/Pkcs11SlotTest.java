package vn.hocba.signing.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Pkcs11SlotTest {

    @Test
    void aSlotIsChosenByIdOrByIndexNeverBoth() {
        assertThat(Pkcs11Slot.id(1206326103L).configLine()).isEqualTo("slot = 1206326103");
        assertThat(Pkcs11Slot.index(0).configLine()).isEqualTo("slotListIndex = 0");
        assertThatThrownBy(() -> new Pkcs11Slot(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pkcs11Slot(-1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pkcs11Slot.index(-2)).isInstanceOf(IllegalArgumentException.class);
    }
}
