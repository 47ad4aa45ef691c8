package vn.hocba.signing;

import java.time.Instant;

/**
 * The validation result of one signature (ETSI EN 319 102-1 indications).
 *
 * @param id                 the validator's identifier of the signature
 * @param signerSubject      the signing certificate's subject as an RFC 2253 string (e.g.
 *                           {@code SERIALNUMBER=GV1001,CN=Trần Văn Đức,O=…,C=VN}), or null if not found
 * @param indication         {@code TOTAL_PASSED}, {@code INDETERMINATE} or {@code TOTAL_FAILED}
 * @param subIndication      e.g. {@code HASH_FAILURE}, {@code NO_CERTIFICATE_CHAIN_FOUND}; null when passed
 * @param claimedSigningTime the signing time claimed by the signer, or null
 * @param signatureFormat    e.g. {@code PAdES-BASELINE-B}
 */
public record SignatureResult(String id, String signerSubject, String indication, String subIndication,
                              Instant claimedSigningTime, String signatureFormat) {

    /** The indication of a signature that passed validation. */
    public static final String TOTAL_PASSED = "TOTAL_PASSED";

    /** @return true if the indication is {@code TOTAL_PASSED} */
    public boolean passed() {
        return TOTAL_PASSED.equals(indication);
    }
}
