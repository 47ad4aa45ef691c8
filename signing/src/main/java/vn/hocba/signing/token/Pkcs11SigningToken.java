package vn.hocba.signing.token;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.login.LoginException;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningToken;

/**
 * A {@link SigningToken} whose private key stays on a PKCS#11 device (PKCS#11 v2.40: a school HSM, a teacher's USB
 * token, SoftHSM2 in tests), used through the JDK's SunPKCS11 provider. The key is found by its label: the SunPKCS11
 * key store alias, i.e. the {@code CKA_LABEL} of the certificate object that shares the private key's {@code CKA_ID}
 * ({@code pkcs11-tool --write-object cert.der --type cert --id 01 --label NAME}). The chain is the one SunPKCS11
 * builds from the certificates on the token (signer first; issuers only if the token holds them).
 *
 * <p>RSA keys sign {@code SHA256withRSA} (PKCS#1 v1.5, mechanism {@code CKM_SHA256_RSA_PKCS}), EC keys
 * {@code SHA256withECDSA}. {@link #signSha256Digest(byte[])} signs a hash computed elsewhere (a remote-signing server
 * has only the hash).
 *
 * <p>Each token opened is a new SunPKCS11 provider instance that is not installed in {@link Security}; the module is
 * initialised ({@code C_Initialize}) once per JVM and library path. Thread-safe: signatures are made one at a time
 * (a smart card does one operation at a time anyway), each in a session taken from SunPKCS11's session pool.
 * {@link #close()} logs out ({@code C_Logout}); the object must not be used afterwards.
 */
public final class Pkcs11SigningToken implements SigningToken {

    private static final AtomicLong INSTANCES = new AtomicLong();

    private final AuthProvider provider;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String algorithm;
    private final String description;
    private boolean closed;

    private Pkcs11SigningToken(AuthProvider provider, PrivateKey key, List<X509Certificate> chain,
                               String description) {
        this.provider = provider;
        this.key = key;
        this.chain = List.copyOf(chain);
        this.description = description;
        this.algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new SigningException("unsupported key algorithm " + key.getAlgorithm() + " on "
                    + description);
        };
    }

    /**
     * Opens the token: loads the module, logs in with the user PIN ({@code C_Login} as {@code CKU_USER}) and finds
     * the key and its certificate chain.
     *
     * @param module   the PKCS#11 library, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot     the slot holding the token
     * @param pin      the user PIN; the caller may clear the array once this returns
     * @param keyLabel the label of the key's certificate (the key store alias)
     * @return the open token
     * @throws SigningException "no PKCS#11 module at ..." if the library is missing; "no PKCS#11 token in ..." if the
     *                          slot does not exist or holds no token; "wrong PIN for ..." if the PIN is refused
     *                          ({@code CKR_PIN_INCORRECT}); "PIN locked ..." ({@code CKR_PIN_LOCKED}); "no key
     *                          labelled ..." if the token has no private key with a certificate under that label
     */
    public static Pkcs11SigningToken open(Path module, Pkcs11Slot slot, char[] pin, String keyLabel) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(keyLabel, "keyLabel");
        String where = slot + " of PKCS#11 module " + module;
        if (!Files.isRegularFile(module)) {
            throw new SigningException("no PKCS#11 module at " + module);
        }
        AuthProvider provider = provider(module, slot, where);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            throw loginFailure(e, where);
        }
        try {
            if (!store.isKeyEntry(keyLabel)) {
                List<String> aliases = Collections.list(store.aliases());
                logout(provider);
                throw new SigningException("no key labelled '" + keyLabel + "' with a certificate in " + where
                        + " (key entries: " + aliases + ")");
            }
            PrivateKey key = (PrivateKey) store.getKey(keyLabel, null);
            Certificate[] certificates = store.getCertificateChain(keyLabel);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return new Pkcs11SigningToken(provider, key, chain, "key '" + keyLabel + "' in " + where);
        } catch (GeneralSecurityException | ProviderException e) {
            logout(provider);
            throw new SigningException("cannot read key '" + keyLabel + "' from " + where, e);
        }
    }

    private static AuthProvider provider(Path module, Pkcs11Slot slot, String where) {
        Provider prototype = Security.getProvider("SunPKCS11");
        if (prototype == null) {
            throw new SigningException("the JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        // "--" marks inline configuration; the name only has to be unique within the JVM
        String config = "--name = hocba-" + INSTANCES.incrementAndGet() + "\n"
                + "library = " + module.toAbsolutePath() + "\n"
                + slot.configLine() + "\n";
        try {
            return (AuthProvider) prototype.configure(config);
        } catch (ProviderException | InvalidParameterException e) {
            throw new SigningException("no PKCS#11 token in " + where + ": " + rootMessage(e), e);
        }
    }

    private static SigningException loginFailure(Exception e, String where) {
        String codes = causeMessages(e);
        if (codes.contains("CKR_PIN_INCORRECT")) {
            return new SigningException("wrong PIN for the token in " + where, e);
        }
        if (codes.contains("CKR_PIN_LOCKED")) {
            return new SigningException("PIN locked for the token in " + where + ": unblock it with the SO PIN", e);
        }
        if (codes.contains("CKR_TOKEN_NOT_PRESENT") || codes.contains("CKR_SLOT_ID_INVALID")
                || codes.contains("CKR_TOKEN_NOT_RECOGNIZED")) {
            return new SigningException("no PKCS#11 token in " + where, e);
        }
        if (e instanceof IOException && e.getCause() instanceof LoginException) {
            return new SigningException("cannot log in to the token in " + where + ": " + rootMessage(e), e);
        }
        return new SigningException("cannot open the token in " + where + ": " + rootMessage(e), e);
    }

    private static String causeMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * @return the private key object (a handle on the token: {@code getEncoded()} is null for a sensitive key)
     */
    public PrivateKey privateKey() {
        return key;
    }

    @Override
    public synchronized byte[] sign(byte[] dataToBeSigned) {
        Objects.requireNonNull(dataToBeSigned, "dataToBeSigned");
        checkOpen();
        try {
            Signature signature = Signature.getInstance(algorithm, provider);
            signature.initSign(key);
            signature.update(dataToBeSigned);
            return signature.sign();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new SigningException("cannot sign with " + description + ": " + rootMessage(e), e);
        }
    }

    /**
     * Signs a SHA-256 hash computed elsewhere: RSA PKCS#1 v1.5 over the DER {@code DigestInfo} (RFC 8017 9.2) with
     * mechanism {@code CKM_RSA_PKCS} (JCA {@code NONEwithRSA}), which gives the same bytes as
     * {@link #sign(byte[])} over the data. RSA keys only.
     *
     * @param sha256 the 32-byte SHA-256 hash
     * @return the signature value, as long as the modulus
     * @throws SigningException if the hash is not 32 bytes, the key is not RSA, or the token fails
     */
    public synchronized byte[] signSha256Digest(byte[] sha256) {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length != 32) {
            throw new SigningException("a SHA-256 hash has 32 bytes, not " + sha256.length);
        }
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new SigningException("hash signing is implemented for RSA keys only, not " + key.getAlgorithm());
        }
        checkOpen();
        try {
            byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
                    DERNull.INSTANCE), sha256).getEncoded("DER");
            Signature signature = Signature.getInstance("NONEwithRSA", provider);
            signature.initSign(key);
            signature.update(digestInfo);
            return signature.sign();
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            throw new SigningException("cannot sign a hash with " + description + ": " + rootMessage(e), e);
        }
    }

    @Override
    public String signatureAlgorithm() {
        return algorithm;
    }

    private void checkOpen() {
        if (closed) {
            throw new SigningException("signing token is closed: " + description);
        }
    }

    /** Logs out of the token; later calls to sign fail. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            logout(provider);
        }
    }

    private static void logout(AuthProvider provider) {
        try {
            provider.logout();
        } catch (LoginException | ProviderException e) {
            // nothing to undo: the session ends with the provider instance anyway
        }
    }

    @Override
    public String toString() {
        return "Pkcs11SigningToken[" + description + "]";
    }
}
