package vn.hocba.signing;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of validating a document.
 *
 * @param signatures         one result per signature, in document order
 * @param documentTimestamps the document timestamps (PAdES-BASELINE-LTA), in document order; empty if none
 * @param unsignedBytes      bytes after the end of the last range that an intact signature or document timestamp
 *                           with a trusted chain signed (its {@code /ByteRange}, ISO 32000-2 12.8.1): an incremental
 *                           update that nothing trusted signed, so what the file shows may not be what was signed;
 *                           trailing white space (ISO 32000-2 7.2.3) and a revision of validation data alone after
 *                           the last signature (PAdES-BASELINE-LT) are not counted; 0 when every byte is covered, or
 *                           when nothing trusted and intact signed any
 * @param changedAfter       the ids of the signatures after whose revision the file changed in more than signatures,
 *                           their fields and validation data: annotations, page content or other objects (EU DSS's
 *                           object and page comparison of the revisions, ETSI TS 119 102-2 "PDF modification
 *                           detection")
 */
public record ValidationReport(List<SignatureResult> signatures, List<DocumentTimestamp> documentTimestamps,
                               long unsignedBytes, Set<String> changedAfter) {

    /** Copies the lists. */
    public ValidationReport {
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        documentTimestamps = List.copyOf(Objects.requireNonNull(documentTimestamps, "documentTimestamps"));
        changedAfter = Set.copyOf(Objects.requireNonNull(changedAfter, "changedAfter"));
        if (unsignedBytes < 0) {
            throw new IllegalArgumentException("unsignedBytes < 0");
        }
    }

    /** A report of a file every byte of which is signed and that changed after no signature. */
    public ValidationReport(List<SignatureResult> signatures, List<DocumentTimestamp> documentTimestamps) {
        this(signatures, documentTimestamps, 0, Set.of());
    }

    /** A report without document timestamps. */
    public ValidationReport(List<SignatureResult> signatures) {
        this(signatures, List.of());
    }

    /** @return true if the document has at least one signature and every signature is {@code TOTAL_PASSED} */
    public boolean allPassed() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureResult::passed);
    }

    /**
     * @return whether the file was changed after it was signed in a way no signature or timestamp accounts for:
     *         unsigned bytes at its end, or a change after a signature other than signatures and validation data
     */
    public boolean changedAfterSigning() {
        return unsignedBytes > 0 || !changedAfter.isEmpty();
    }
}
