package vn.hocba.archive.validation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.hocba.signing.DocumentTimestamp;
import vn.hocba.signing.SignatureResult;

/**
 * The body of {@code POST /api/v1/validation} (API.md "Validation"); the {@code /verify} pages show the same.
 *
 * @param signatures         one per signature, in document order; empty for an unsigned document
 * @param documentTimestamps the document timestamps (PAdES-BASELINE-LTA), in document order
 * @param pdfa               the PDF/A conformance
 * @param archived           the archived version with exactly these bytes, or null
 * @param sha256             hex SHA-256 of the file
 * @param summary            one sentence on the whole file, in the caller's language
 */
record ValidationAnswer(List<SignatureReport> signatures, List<DocumentTimestampReport> documentTimestamps,
                        PdfaReport pdfa, ArchivedVersion archived,
                        String sha256, String summary) {

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
     * @param integrity          {@code INTACT}, {@code CHANGED} or {@code UNKNOWN}
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
        List<SignatureReport> signatures = v.signatures().signatures().stream().map(s -> signature(s, english)).toList();
        return new ValidationAnswer(signatures,
                v.signatures().documentTimestamps().stream().map(ValidationAnswer::timestamp).toList(),
                new PdfaReport(v.pdfa().compliant(), v.pdfa().flavour()),
                v.archived() == null ? null : new ArchivedVersion(v.archived().lookupCode(), v.archived().version()),
                v.sha256(), summary(signatures, v.archived() != null, english));
    }

    static SignatureReport signature(SignatureResult s, boolean english) {
        SignatureVerdict verdict = SignatureVerdict.of(s, english);
        return new SignatureReport(s.signerName() != null ? s.signerName() : s.signerSubject(), s.signerSubject(), s.issuer(),
                s.claimedSigningTime(), s.timestampedAt(), s.level(), s.indication(), s.subIndication(),
                s.timestamped(), s.revocationEmbedded(), verdict.integrity(), s.chain(), s.revocation(),
                verdict.message());
    }

    private static DocumentTimestampReport timestamp(DocumentTimestamp t) {
        return new DocumentTimestampReport(t.producedAt(), t.passed());
    }

    /** "3 of 3 signatures are valid; the file is the archived version 2." */
    static String summary(List<SignatureReport> signatures, boolean archived, boolean english) {
        long passed = signatures.stream().filter(s -> SignatureResult.TOTAL_PASSED.equals(s.indication())).count();
        String first;
        if (signatures.isEmpty()) {
            first = english ? "The file carries no signature." : "Tệp không có chữ ký số nào.";
        } else if (passed == signatures.size()) {
            first = english ? "All " + passed + " signature(s) are valid." : "Cả " + passed + " chữ ký đều hợp lệ.";
        } else {
            first = english ? passed + " of " + signatures.size() + " signature(s) are valid."
                    : passed + " trên " + signatures.size() + " chữ ký hợp lệ.";
        }
        String second = archived
                ? english ? " The file is, byte for byte, a document archived by this service."
                        : " Tệp trùng khớp từng byte với một văn bản đã lưu trữ trong hệ thống."
                : english ? " The file is not a document archived by this service."
                        : " Tệp không trùng với văn bản nào đã lưu trữ trong hệ thống.";
        return first + second;
    }
}
