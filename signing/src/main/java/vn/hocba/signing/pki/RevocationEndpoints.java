package vn.hocba.signing.pki;

import java.net.URI;
import java.util.Objects;

/**
 * Where a relying party finds a certificate's revocation status and its issuer: the URLs a {@link CertificateAuthority}
 * writes into the Authority Information Access (RFC 5280 4.2.2.1: OCSP and caIssuers) and CRL Distribution Points
 * (RFC 5280 4.2.1.13) extensions of the certificates it issues.
 *
 * @param ocsp       the OCSP responder (RFC 6960)
 * @param caIssuers  the issuing CA's certificate, DER
 * @param crl        the CA's CRL, DER
 */
public record RevocationEndpoints(URI ocsp, URI caIssuers, URI crl) {

    /** Checks that every URL is an absolute http(s) URL: relying parties fetch nothing else (RFC 5280 4.2.2.1). */
    public RevocationEndpoints {
        ocsp = http(ocsp, "ocsp");
        caIssuers = http(caIssuers, "caIssuers");
        crl = http(crl, "crl");
    }

    private static URI http(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException(name + " must be an http(s) URL: " + uri);
        }
        return uri;
    }
}
