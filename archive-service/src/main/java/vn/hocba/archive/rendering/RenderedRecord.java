package vn.hocba.archive.rendering;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered student record: the PDF/A-2b bytes and, per signer slot, the box reserved for the
 * visible signature. Keys: {@code "subject:<CODE>"} for each subject row, {@code "homeroom"},
 * {@code "principal"}; in page order.
 */
public record RenderedRecord(byte[] pdf, Map<String, Box> signatureBoxes) {

    public RenderedRecord {
        Objects.requireNonNull(pdf, "pdf");
        signatureBoxes = Collections.unmodifiableMap(new LinkedHashMap<>(signatureBoxes));
    }

    public Box signatureBox(String key) {
        Box box = signatureBoxes.get(key);
        if (box == null) {
            throw new IllegalArgumentException("no signature box " + key + "; known: " + signatureBoxes.keySet());
        }
        return box;
    }
}
