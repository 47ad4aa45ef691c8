package vn.hocba.archive.validation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.hocba.signing.DocumentTimestamp;
import vn.hocba.signing.SignatureResult;
import vn.hocba.signing.ValidationReport;

/**
 * The body of {@code POST /api/v1/validation} (API.md "Validation"); the {@code /verify} pages show the same.
 *
 * @param signatures         one per signature, in document order; empty for an unsigned document
 * @param documentTimestamps the document timestamps (PAdES-BASELINE-LTA), in document order
 * @param pdfa               the PDF/A conformance
 * @param archived           the archived version with exactly these bytes, or null
 * @param sha256             hex SHA-256 of the file
 * @param changedAfterSigning whether the file was changed after it was signed in more than later signatures and
 *                           validation data (an incremental update no signature or document timestamp covers, or a
 *                           change after a signature that EU DSS's modification detection finds): what the file shows
 *                           is then not what was signed, whatever each signature's own result
 * @param summary            one or two sentences on the whole file, in the caller's language
 */
record ValidationAnswer(List<SignatureReport> signatures, List<DocumentTimestampReport> documentTimestamps,
                        PdfaReport pdfa, ArchivedVersion archived,
                        String sha256, boolean changedAfterSigning, String summary) {

    /**
     * One signature.
     *
     * @param signer             the signer's name (the certificate's CN; its subject if it has none)
     * @param signerSubject      the signing certificate's subject (RFC 2253)
     * @param issuer             the signing certificate's issuer (RFC 2253)
     * @param signedAt           the signing time the signer claims
     * @param timestampedAt      the time of the earliest signature timestamp, null without one
     * @param level              {@code PAdES-BASELINE-B|T|LT|LTA}
     * @param indication         {@code TOTAL_PASSED}, {@code INDETERMINATE} or {@code TOTAL_FAILED}
     * @param subIndication      e.g. {@code HASH_FAILURE}; null when passed
     * @param timestamped        whether a signature timestamp proves the time
     * @param revocationEmbedded whether the file holds revocation data for the signing certificate
     * @param integrity          {@code INTACT}, {@code CHANGED_AFTER} (intact, but the file changed after it),
     *                           {@code CHANGED} or {@code UNKNOWN}
     * @param chain              {@code TRUSTED} or {@code NOT_TRUSTED}
     * @param revocation         {@code GOOD}, {@code REVOKED}, {@code UNKNOWN}, {@code NO_REVOCATION_AVAILABLE},
     *                           {@code NOT_CHECKED}
     * @param message            the verdict and its reason, in the caller's language
     */
    record SignatureReport(String signer, String signerSubject, String issuer, Instant signedAt, Instant timestampedAt,
                     String level, String indication, String subIndication, boolean timestamped,
                     boolean revocationEmbedded, String integrity, SignatureResult.Chain chain,
                     SignatureResult.Revocation revocation, String message) {
    }

    /** A document timestamp: when, and whether it validated. */
    record DocumentTimestampReport(Instant producedAt, boolean passed) {
    }

    /** @param flavour e.g. {@code PDF/A-2B}; null when the file claims no PDF/A flavour */
    record PdfaReport(boolean compliant, String flavour) {
    }

    /** The archived version: its lookup code (as printed, with the QR code) and version number. */
    record ArchivedVersion(UUID lookupCode, int version) {
    }

    static ValidationAnswer of(DocumentValidation.Validation v, boolean english) {
        ValidationReport report = v.signatures();
        List<SignatureReport> signatures = report.signatures().stream()
                .map(s -> signature(s, changedAfter(report, s), english)).toList();
        long failedStamps = report.documentTimestamps().stream().filter(t -> !t.passed()).count();
        return new ValidationAnswer(signatures,
                report.documentTimestamps().stream().map(ValidationAnswer::timestamp).toList(),
                new PdfaReport(v.pdfa().compliant(), v.pdfa().flavour()),
                v.archived() == null ? null : new ArchivedVersion(v.archived().lookupCode(), v.archived().version()),
                v.sha256(), report.changedAfterSigning(),
                summary(signatures, report.changedAfterSigning(), failedStamps, v.archived() != null, english));
    }

    /** Whether the file changed after this signature: unsigned bytes at its end follow every signature. */
    static boolean changedAfter(ValidationReport report, SignatureResult s) {
        return report.unsignedBytes() > 0 || report.changedAfter().contains(s.id());
    }

    static SignatureReport signature(SignatureResult s, boolean changedAfter, boolean english) {
        SignatureVerdict verdict = SignatureVerdict.of(s, changedAfter, english);
        return new SignatureReport(s.signerName() != null ? s.signerName() : s.signerSubject(), s.signerSubject(), s.issuer(),
                s.claimedSigningTime(), s.timestampedAt(), s.level(), s.indication(), s.subIndication(),
                s.timestamped(), s.revocationEmbedded(), verdict.integrity(), s.chain(), s.revocation(),
                verdict.message());
    }

    private static DocumentTimestampReport timestamp(DocumentTimestamp t) {
        return new DocumentTimestampReport(t.producedAt(), t.passed());
    }

    /**
     * "3 of 3 signatures are valid; the file is the archived version 2." A file changed after signing says so first (its signatures verify only over what they signed), and
     * document timestamps that do not verify are counted.
     */
    static String summary(List<SignatureReport> signatures, boolean changedAfterSigning, long failedStamps,
                          boolean archived, boolean english) {
        long passed = signatures.stream().filter(s -> SignatureResult.TOTAL_PASSED.equals(s.indication())).count();
        String first;
        if (changedAfterSigning) {
            first = english ? "WARNING: the file was changed after it was signed, and no trusted signature covers the"
                    + " change; what it shows now may differ from what was signed (" + passed + " of "
                    + signatures.size() + " signature(s) verify over the version they signed)."
                    : "CẢNH BÁO: tệp đã bị sửa đổi sau khi ký, phần sửa đổi không được chữ ký tin cậy nào bảo đảm; nội"
                    + " dung tệp hiện tại có thể khác nội dung đã được ký (" + passed + " trên " + signatures.size()
                    + " chữ ký hợp lệ với bản mà chữ ký đó đã ký).";
        } else if (signatures.isEmpty()) {
            first = english ? "The file carries no signature." : "Tệp không có chữ ký số nào.";
        } else if (passed == signatures.size()) {
            first = english ? "All " + passed + " signature(s) are valid." : "Cả " + passed + " chữ ký đều hợp lệ.";
        } else {
            first = english ? passed + " of " + signatures.size() + " signature(s) are valid."
                    : passed + " trên " + signatures.size() + " chữ ký hợp lệ.";
        }
        if (failedStamps > 0) {
            first += english ? " " + failedStamps + " document timestamp(s) do not verify: the file was changed after"
                    + " it was timestamped, or the timestamp cannot be trusted."
                    : " Có " + failedStamps + " dấu thời gian toàn văn bản không hợp lệ: tệp đã bị thay đổi sau khi"
                    + " đóng dấu thời gian, hoặc dấu thời gian không tin cậy được.";
        }
        String second = archived
                ? english ? " The file is, byte for byte, a document archived by this service."
                        : " Tệp trùng khớp từng byte với một văn bản đã lưu trữ trong hệ thống."
                : english ? " The file is not a document archived by this service."
                        : " Tệp không trùng với văn bản nào đã lưu trữ trong hệ thống.";
        return first + second;
    }
}
