package vn.hocba.archive.rendering;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered document (student record, class gradebook, class summary book): the PDF/A-2b bytes,
 * per {@link SignatureSlot} the box reserved for that signer's visible signature (in page order), and
 * the text drawn on its pages, a line per drawn string in drawing order (what the search index holds
 * of it, without reading the PDF back).
 */
public record RenderedRecord(byte[] pdf, Map<SignatureSlot, Box> signatureBoxes, String text) {

    public RenderedRecord {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(text, "text");
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
