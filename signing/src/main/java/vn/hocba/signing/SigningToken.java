package vn.hocba.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key that can sign: its certificate, its chain and a raw signature operation. The signer computes the data to be
 * signed itself and only asks the token to sign those bytes, so keys may live in a PKCS#12 file, a PKCS#11 device or
 * a remote signing service (three-step signing: data to sign, sign elsewhere, assemble).
 */
public interface SigningToken extends AutoCloseable {

    /** @return the signer's certificate */
    X509Certificate certificate();

    /** @return the certificate chain, signer first, root last (the root may be omitted) */
    List<X509Certificate> chain();

    /**
     * Signs raw data with {@link #signatureAlgorithm()}; the token hashes the data itself.
     *
     * @param dataToBeSigned the bytes to sign (for PAdES: the DER-encoded CMS signed attributes)
     * @return the signature value
     * @throws SigningException if the key cannot sign
     */
    byte[] sign(byte[] dataToBeSigned);

    /** @return the JCA name of the signature algorithm, e.g. {@code SHA256withRSA} */
    String signatureAlgorithm();

    /**
     * Whether signing once more costs the signer nothing they would notice: no PIN prompt, no remote authorization,
     * no quota of a batch authorized for a number of signatures. Such a token lets the signer reserve a tight room for
     * the CMS in the PDF and sign again in the rare case it is short; any other gets the full room and signs once.
     *
     * @return false unless the implementation says otherwise (a key in memory: true)
     */
    default boolean repeatable() {
        return false;
    }

    /** Releases the key (logs out of a device, clears key references); never throws a checked exception. */
    @Override
    void close();
}
