package vn.hocba.signing;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating a document.
 *
 * @param signatures         one result per signature, in document order
 * @param documentTimestamps the document timestamps (PAdES-BASELINE-LTA), in document order; empty if none
 */
public record ValidationReport(List<SignatureResult> signatures, List<DocumentTimestamp> documentTimestamps) {

    /** Copies the lists. */
    public ValidationReport {
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        documentTimestamps = List.copyOf(Objects.requireNonNull(documentTimestamps, "documentTimestamps"));
    }

    /** A report without document timestamps. */
    public ValidationReport(List<SignatureResult> signatures) {
        this(signatures, List.of());
    }

    /** @return true if the document has at least one signature and every signature is {@code TOTAL_PASSED} */
    public boolean allPassed() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureResult::passed);
    }
}
