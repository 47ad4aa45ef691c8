package vn.hocba.archive.rendering;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered document (student record, class gradebook, class summary book): the PDF/A-2b bytes
 * and, per {@link SignatureSlot}, the box reserved for that signer's visible signature; in page
 * order.
 */
public record RenderedRecord(byte[] pdf, Map<SignatureSlot, Box> signatureBoxes) {

    public RenderedRecord {
        Objects.requireNonNull(pdf, "pdf");
        signatureBoxes = Collections.unmodifiableMap(new LinkedHashMap<>(signatureBoxes));
    }

    public Box signatureBox(SignatureSlot slot) {
        Box box = signatureBoxes.get(slot);
        if (box == null) {
            throw new IllegalArgumentException("no signature box " + slot + "; known: " + signatureBoxes.keySet());
        }
        return box;
    }
}
