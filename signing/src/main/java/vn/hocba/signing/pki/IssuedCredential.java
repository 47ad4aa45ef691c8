package vn.hocba.signing.pki;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import vn.hocba.signing.KeyStoreSigningToken;
import vn.hocba.signing.SigningToken;

/**
 * A private key and its certificate chain as issued by a {@link CertificateAuthority}.
 *
 * @param privateKey the holder's private key
 * @param chain      end-entity certificate first, CA last
 */
public record IssuedCredential(PrivateKey privateKey, List<X509Certificate> chain) {

    /** Checks presence and copies the chain. */
    public IssuedCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain must not be empty");
        }
    }

    /** @return the end-entity certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Writes the key and chain to a PKCS#12 file.
     *
     * @param file     the file to create or replace
     * @param password the store and key password
     * @param alias    the entry's alias
     */
    public void writePkcs12(Path file, char[] password, String alias) {
        CertificateAuthority.writeKeyStore(file, password, alias, privateKey, chain.toArray(new Certificate[0]));
    }

    /** @return an in-memory signing token over this credential */
    public SigningToken token() {
        return KeyStoreSigningToken.of(privateKey, chain);
    }

    @Override
    public String toString() {
        // never print the key
        return "IssuedCredential[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
