package vn.hocba.signing.pki;

import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate revoked by a {@link CertificateAuthority}, as its CRL and OCSP responder report it.
 *
 * @param serial the certificate's serial number
 * @param reason the reason code (RFC 5280 5.3.1)
 * @param time   when the certificate was revoked
 */
public record Revocation(BigInteger serial, CRLReason reason, Instant time) {

    /** Checks presence; {@code removeFromCRL} and the unused code 7 are not reasons to revoke (RFC 5280 5.3.1). */
    public Revocation {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
        if (reason == CRLReason.REMOVE_FROM_CRL || reason == CRLReason.UNUSED) {
            throw new IllegalArgumentException("not a revocation reason: " + reason);
        }
    }

    /** @return the RFC 5280 reason code (the JDK enum's ordinals are the codes) */
    public int reasonCode() {
        return reason.ordinal();
    }
}
