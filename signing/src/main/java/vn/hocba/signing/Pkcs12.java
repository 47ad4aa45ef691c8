package vn.hocba.signing;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * PKCS#12 key stores through Bouncy Castle, named explicitly rather than registered globally: the JDK's own PKCS#12
 * refuses non-ASCII passwords, and behaviour must not depend on whether some library registered a provider first.
 */
public final class Pkcs12 {

    private static final Provider PROVIDER = new BouncyCastleProvider();

    private Pkcs12() {
    }

    /** A new, unloaded PKCS#12 key store. */
    public static KeyStore newKeyStore() {
        try {
            return KeyStore.getInstance("PKCS12", PROVIDER);
        } catch (KeyStoreException e) {
            throw new SigningException("PKCS#12 is not available", e);
        }
    }
}
