package vn.hocba.archive.pki;

import java.security.cert.X509Certificate;
import java.util.List;

import vn.hocba.signing.SigningToken;

/**
 * Where the service finds the key a staff member signs with. The embedded default holds a demo key per staff member;
 * PKCS#11 tokens and remote (two-step) signing plug in here later.
 */
public interface SigningKeys {

    /** The key of that staff member, issued on first use where the source can issue (the demo PKI). */
    SigningToken tokenFor(String school, String schoolName, String staffId, String fullName);

    /** The certificates the service trusts for signatures. */
    List<X509Certificate> trustAnchors();

    /** Issuing CA certificates that complete a signer's chain to a trust anchor (none by default). */
    default List<X509Certificate> intermediates() {
        return List.of();
    }
}
