package vn.hocba.signing;

import java.time.Instant;

/**
 * The validation result of one signature (ETSI EN 319 102-1 indications), with what a viewer of a signed document
 * shows of it (Thông tư 15/2025: signer, issuer, signing time, timestamp, integrity, chain, revocation status).
 *
 * @param id                 the validator's identifier of the signature
 * @param signerSubject      the signing certificate's subject as an RFC 2253 string (e.g.
 *                           {@code SERIALNUMBER=GV1001,CN=Trần Văn Đức,O=…,C=VN}), or null if not found
 * @param indication         {@code TOTAL_PASSED}, {@code INDETERMINATE} or {@code TOTAL_FAILED}
 * @param subIndication      e.g. {@code HASH_FAILURE}, {@code NO_CERTIFICATE_CHAIN_FOUND}; null when passed
 * @param claimedSigningTime the signing time claimed by the signer, or null
 * @param signatureFormat    the level reached, e.g. {@code PAdES-BASELINE-B}, {@code PAdES-BASELINE-LTA}
 * @param signerName         the signing certificate's common name (CN), or null if not found
 * @param issuer             the signing certificate's issuer as an RFC 2253 string, or null if not found
 * @param timestampedAt      the production time of the earliest signature timestamp, or null without one
 * @param timestamped        whether the signature carries a signature timestamp (PAdES-BASELINE-T and above)
 * @param revocationEmbedded whether the file itself holds revocation data (CRL or OCSP response) for the signing
 *                           certificate: in its DSS dictionary or in the signature's CMS
 * @param chain              whether a chain from the signing certificate to a trust anchor was found
 * @param revocation         the revocation status of the signing certificate as far as the file's own data tells
 */
public record SignatureResult(String id, String signerSubject, String indication, String subIndication,
                              Instant claimedSigningTime, String signatureFormat, String signerName, String issuer,
                              Instant timestampedAt, boolean timestamped, boolean revocationEmbedded, Chain chain,
                              Revocation revocation) {

    /** The indication of a signature that passed validation. */
    public static final String TOTAL_PASSED = "TOTAL_PASSED";

    /** The indication of a signature that failed validation for good (e.g. {@code HASH_FAILURE}). */
    public static final String TOTAL_FAILED = "TOTAL_FAILED";

    /** Whether the signing certificate leads to a trust anchor. */
    public enum Chain {
        /** a chain to one of the trust anchors was found */
        TRUSTED,
        /** no chain to a trust anchor (an unknown issuer, or the signing certificate missing) */
        NOT_TRUSTED
    }

    /** The revocation status of the signing certificate. */
    public enum Revocation {
        /** revocation data in the file says the certificate was not revoked */
        GOOD,
        /** revocation data in the file says the certificate was revoked */
        REVOKED,
        /** revocation data in the file does not know the certificate */
        UNKNOWN,
        /** the certificate says no revocation information is available for it (RFC 9608 {@code noRevAvail}) */
        NO_REVOCATION_AVAILABLE,
        /** the file holds no revocation data for the certificate and none was fetched (offline validation) */
        NOT_CHECKED
    }

    /** @return true if the indication is {@code TOTAL_PASSED} */
    public boolean passed() {
        return TOTAL_PASSED.equals(indication);
    }

    /** @return the level reached, the same as {@link #signatureFormat()} */
    public String level() {
        return signatureFormat;
    }
}
