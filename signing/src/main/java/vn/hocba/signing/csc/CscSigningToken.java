package vn.hocba.signing.csc;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningToken;

/**
 * A {@link SigningToken} whose key is at a remote signing service (Cloud Signature Consortium API, see
 * {@link CscClient}). The chain comes from {@code credentials/info} when the token is opened. Each
 * {@link #sign(byte[])} hashes the data with SHA-256 here and makes one remote signature: {@code credentials/authorize}
 * for that one hash (the PIN is sent each time), then {@code signatures/signHash}. To sign many documents with one PIN
 * entry use {@link CscClient#signHashes} instead.
 *
 * <p>Thread-safe (each sign is independent). {@link #close()} overwrites the kept PIN; signing afterwards fails (close
 * it only once no signature is under way: a signature running meanwhile would send an overwritten PIN and be refused).
 */
public final class CscSigningToken implements SigningToken {

    private final CscClient client;
    private final CscCredentialInfo credential;
    private final char[] pin;
    private volatile boolean closed;

    private CscSigningToken(CscClient client, CscCredentialInfo credential, char[] pin) {
        this.client = client;
        this.credential = credential;
        this.pin = pin;
    }

    /**
     * Reads the credential's chain and keeps a copy of the PIN for later signatures.
     *
     * @param client       the client of the service
     * @param credentialId the credential
     * @param pin          its PIN; copied, the caller may clear its array
     * @return the token
     * @throws SigningException if the credential is unknown or not an RSA key
     */
    public static CscSigningToken open(CscClient client, String credentialId, char[] pin) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(pin, "pin");
        CscCredentialInfo credential = client.credentialInfo(credentialId);
        String keyAlgorithm = credential.chain().get(0).getPublicKey().getAlgorithm();
        if (!"RSA".equals(keyAlgorithm)) {
            throw new SigningException("CSC credential " + credentialId + " has a " + keyAlgorithm
                    + " key; only RSA is supported");
        }
        return new CscSigningToken(client, credential, pin.clone());
    }

    /** @return the credential as the service described it */
    public CscCredentialInfo credential() {
        return credential;
    }

    @Override
    public X509Certificate certificate() {
        return credential.chain().get(0);
    }

    @Override
    public List<X509Certificate> chain() {
        return credential.chain();
    }

    /**
     * @param dataToBeSigned the bytes to sign; hashed here with SHA-256, only the hash is sent
     * @return the RSA PKCS#1 v1.5 signature value
     * @throws CscException if the service refuses (wrong PIN, SAD problems)
     */
    @Override
    public byte[] sign(byte[] dataToBeSigned) {
        Objects.requireNonNull(dataToBeSigned, "dataToBeSigned");
        if (closed) {
            throw new SigningException("signing token is closed: CSC credential " + credential.credentialId());
        }
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(dataToBeSigned);
        } catch (GeneralSecurityException e) {
            throw new SigningException("no SHA-256 in this JVM", e);
        }
        return client.signHashes(credential.credentialId(), List.of(hash), pin).get(0);
    }

    /** @return {@code SHA256withRSA} */
    @Override
    public String signatureAlgorithm() {
        return "SHA256withRSA";
    }

    /** Overwrites the kept PIN. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(pin, '\0');
    }

    @Override
    public String toString() {
        return "CscSigningToken[" + credential.credentialId() + " at " + client + "]";
    }
}
