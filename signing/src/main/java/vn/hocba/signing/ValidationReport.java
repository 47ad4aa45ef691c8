package vn.hocba.signing;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating a document.
 *
 * @param signatures one result per signature, in document order
 */
public record ValidationReport(List<SignatureResult> signatures) {

    /** Copies the list. */
    public ValidationReport {
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
    }

    /** @return true if the document has at least one signature and every signature is {@code TOTAL_PASSED} */
    public boolean allPassed() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureResult::passed);
    }
}
