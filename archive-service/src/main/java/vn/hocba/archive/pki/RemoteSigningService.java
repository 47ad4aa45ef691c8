package vn.hocba.archive.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hocba.signing.SigningException;
import vn.hocba.signing.csc.CscApiVersion;
import vn.hocba.signing.csc.CscClient;
import vn.hocba.signing.csc.CscException;

/**
 * Staff keys held by a remote signing service speaking the Cloud Signature Consortium API (v1.0.4.0 as Viettel MySign,
 * or v2.0.0.2), configured by {@code hocba.signing.remote.*}. A staff member's credential is named
 * {@code staffId@schoolCode}. Many signatures are authorized once ({@code credentials/authorize} with
 * {@code numSignatures} and every hash) with the PIN or OTP the signer gives for that batch; the PIN is never stored.
 */
@Component
public class RemoteSigningService {

    private final CscClient client;

    RemoteSigningService(SigningProperties properties) {
        var remote = properties.remote();
        if (remote == null || remote.url() == null) {
            this.client = null;
        } else {
            if (remote.accessToken() == null || remote.accessToken().isBlank()) {
                throw new IllegalStateException("hocba.signing.remote.url is set but HOCBA_SIGNING_REMOTE_ACCESS_TOKEN is not");
            }
            this.client = new CscClient(remote.url(), CscApiVersion.valueOf(remote.version().toUpperCase(Locale.ROOT)),
                    remote.accessToken());
        }
    }

    /** @return whether a remote signing service is configured */
    public boolean configured() {
        return client != null;
    }

    /**
     * @return the certificate chain of the staff member's credential, signer first; empty when no service is
     * configured or it holds no credential {@code staffId@school}
     * @throws SigningException when the service does not answer
     */
    public Optional<List<X509Certificate>> credentialChain(String school, String staffId) {
        if (client == null) {
            return Optional.empty();
        }
        String id = credentialId(school, staffId);
        Instant now = Instant.now();
        var known = chains.get(id);
        if (known != null && known.asked().plus(CHAIN_KEPT).isAfter(now)) {
            return known.chain();
        }
        Optional<vn.hocba.signing.csc.CscCredentialInfo> info;
        try {
            info = Optional.of(client.credentialInfo(id));
        } catch (CscException e) {
            if (e.httpStatus() >= 500) {
                throw e;
            }
            info = Optional.empty();
        }
        if (chains.size() > 10_000) {
            chains.clear();
        }
        chains.put(id, new KnownChain(info.map(vn.hocba.signing.csc.CscCredentialInfo::chain), info.map(
                vn.hocba.signing.csc.CscCredentialInfo::multisign).orElse(1), now));
        return info.map(vn.hocba.signing.csc.CscCredentialInfo::chain);
    }

    /**
     * A credential's chain as the service last told it: choosing the signing method and authorizing a batch ask within
     * seconds of each other, and the certificate is checked before every signature anyway.
     */
    private record KnownChain(Optional<List<X509Certificate>> chain, int multisign, Instant asked) {
    }

    private static final java.time.Duration CHAIN_KEPT = java.time.Duration.ofMinutes(1);
    private final java.util.Map<String, KnownChain> chains = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Signs many SHA-256 hashes with one authorization, or as many as the credential's {@code multisign} requires.
     *
     * @param hashes the SHA-256 digests of each signature's data to sign
     * @param pin    the PIN or OTP for this authorization
     * @return the signature values, in the order of {@code hashes}
     * @throws SigningException (a {@link CscException} with the service's error) when refused
     */
    public List<byte[]> signHashes(String school, String staffId, List<byte[]> hashes, char[] pin) {
        if (client == null) {
            throw new IllegalStateException("no remote signing service is configured");
        }
        // as many authorizations as the credential's multisign needs (one for a batch within it)
        credentialChain(school, staffId);
        var known = chains.get(credentialId(school, staffId));
        int multisign = known == null ? 1 : Math.max(1, known.multisign());
        return client.signHashes(credentialId(school, staffId), hashes, pin, multisign);
    }

    private static String credentialId(String school, String staffId) {
        return staffId + "@" + school;
    }
}
