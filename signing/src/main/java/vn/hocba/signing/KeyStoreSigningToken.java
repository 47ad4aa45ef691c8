package vn.hocba.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SigningToken} whose private key is in memory, loaded from a PKCS#12 file or given directly. Thread-safe:
 * every {@link #sign(byte[])} uses its own {@link Signature} instance.
 */
public final class KeyStoreSigningToken implements SigningToken {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String algorithm;
    private volatile boolean closed;

    private KeyStoreSigningToken(PrivateKey key, List<X509Certificate> chain) {
        this.key = Objects.requireNonNull(key, "key");
        this.chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("chain must contain at least the signer's certificate");
        }
        this.algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new SigningException("unsupported key algorithm " + key.getAlgorithm());
        };
    }

    /**
     * Loads a key entry from a PKCS#12 file.
     *
     * @param file     the .p12 file
     * @param password the store and key password
     * @param alias    the entry's alias; null for the first key entry
     * @return the token
     * @throws SigningException if the file cannot be read or holds no such key entry
     */
    public static KeyStoreSigningToken fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = Pkcs12.newKeyStore();
            store.load(in, password);
            String entry = alias != null ? alias : firstKeyAlias(store);
            if (entry == null || !store.isKeyEntry(entry)) {
                throw new SigningException("no key entry '" + alias + "' in " + file.getFileName());
            }
            PrivateKey key = (PrivateKey) store.getKey(entry, password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(entry)) {
                chain.add((X509Certificate) c);
            }
            return new KeyStoreSigningToken(key, chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningException("cannot load PKCS#12 key store " + file.getFileName(), e);
        }
    }

    /**
     * @param key   the private key
     * @param chain the certificate chain, signer first
     * @return a token over that key
     */
    public static KeyStoreSigningToken of(PrivateKey key, List<X509Certificate> chain) {
        return new KeyStoreSigningToken(key, chain);
    }

    private static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (var aliases = store.aliases(); aliases.hasMoreElements(); ) {
            String a = aliases.nextElement();
            if (store.isKeyEntry(a)) {
                return a;
            }
        }
        return null;
    }

    @Override
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public byte[] sign(byte[] dataToBeSigned) {
        if (closed) {
            throw new SigningException("signing token is closed");
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(dataToBeSigned);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot sign with " + algorithm, e);
        }
    }

    /** A key in memory signs again at no cost. */
    @Override
    public boolean repeatable() {
        return true;
    }

    @Override
    public String signatureAlgorithm() {
        return algorithm;
    }

    @Override
    public void close() {
        closed = true;
    }
}
