package vn.hocba.signing;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Where revocation data comes from: an OCSP responder (RFC 6960) and CRLs (RFC 5280), e.g. those a certificate
 * names in its Authority Information Access and CRL Distribution Points. Implementations are thread-safe and may
 * cache (a CRL until its nextUpdate).
 */
public interface RevocationSource {

    /**
     * @param certificate the certificate whose status is asked
     * @param issuer      its issuer's certificate (for the OCSP CertID)
     * @return the DER-encoded {@code OCSPResponse} (any response status), or empty when no responder is known or
     * none answered
     */
    Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer);

    /**
     * @param certificate the certificate whose status is asked
     * @param issuer      its issuer's certificate
     * @return a DER-encoded CRL that covers the certificate, or empty when none is known or none could be fetched
     */
    Optional<byte[]> crl(X509Certificate certificate, X509Certificate issuer);
}
