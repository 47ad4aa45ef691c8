package vn.hocba.signing.csc;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signing credential as {@code credentials/info} describes it.
 *
 * @param credentialId  the credential's ID
 * @param chain         its certificate chain, signer first ({@code certificates: "chain"})
 * @param keyAlgorithms the key's algorithm OIDs ({@code key.algo}), e.g. {@code 1.2.840.113549.1.1.1}
 * @param keyLength     the key length in bits ({@code key.len})
 * @param multisign     how many hashes one authorization may cover at most ({@code multisign}; 1 if absent)
 */
public record CscCredentialInfo(String credentialId, List<X509Certificate> chain, List<String> keyAlgorithms,
                                int keyLength, int multisign) {

    /** Copies the lists and checks that there is a certificate. */
    public CscCredentialInfo {
        chain = List.copyOf(chain);
        keyAlgorithms = List.copyOf(keyAlgorithms);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("credential " + credentialId + " has no certificate");
        }
    }
}
