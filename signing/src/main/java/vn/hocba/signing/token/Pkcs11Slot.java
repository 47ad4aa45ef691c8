package vn.hocba.signing.token;

/**
 * Which slot of a PKCS#11 module holds the token: by slot ID (the {@code CK_SLOT_ID} that {@code pkcs11-tool -L} and
 * {@code softhsm2-util --show-slots} print) or by position in the module's slot list ({@code C_GetSlotList}, from
 * 0; a USB token reader with one token is index 0). These are the two selectors of SunPKCS11's configuration
 * ({@code slot}, {@code slotListIndex}).
 *
 * @param id    the slot ID, or -1 when selecting by index
 * @param index the slot list index, or -1 when selecting by ID
 */
public record Pkcs11Slot(long id, int index) {

    /** Checks that exactly one selector is set. */
    public Pkcs11Slot {
        if ((id < 0) == (index < 0)) {
            throw new IllegalArgumentException("give either a slot ID or a slot list index, both not negative");
        }
    }

    /**
     * @param slotId the {@code CK_SLOT_ID}
     * @return a selector by slot ID
     */
    public static Pkcs11Slot id(long slotId) {
        return new Pkcs11Slot(slotId, -1);
    }

    /**
     * @param slotListIndex the position in the module's slot list, from 0
     * @return a selector by slot list index
     */
    public static Pkcs11Slot index(int slotListIndex) {
        return new Pkcs11Slot(-1, slotListIndex);
    }

    /** @return the SunPKCS11 configuration line for this selector */
    String configLine() {
        return id >= 0 ? "slot = " + id : "slotListIndex = " + index;
    }

    @Override
    public String toString() {
        return id >= 0 ? "slot " + id : "slot list index " + index;
    }
}
