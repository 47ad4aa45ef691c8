package vn.hocba.archive.batch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.pki.RemoteSigningService;
import vn.hocba.archive.workflow.TwoStepSigning;
import vn.hocba.signing.SigningException;

/**
 * Signatures made by the school's remote signing service (Cloud Signature Consortium API) with the caller's
 * credential there, authorized ONCE for the whole batch: every document's data to sign is prepared through the
 * workflow's two-step signing, their SHA-256 hashes go to one {@code credentials/authorize} (with
 * {@code numSignatures} = their count and the PIN or OTP the signer gave) and {@code signatures/signHash}, then each
 * document is completed with its value. A document that cannot be prepared (not the caller's turn, changed) gets its
 * refusal as its outcome; the others are signed. A batch resumed after a restart has no PIN (it is never stored): its
 * remaining documents fail with {@code authorization-expired}, to be signed in a new batch.
 */
@Component
class RemoteServiceSigning implements BatchSigningMethod {

    static final String NAME = "REMOTE_CSC";
    private static final Logger log = LoggerFactory.getLogger(RemoteServiceSigning.class);

    private final RemoteSigningService remote;
    private final TwoStepSigning twoStep;

    RemoteServiceSigning(RemoteSigningService remote, TwoStepSigning twoStep) {
        this.remote = remote;
        this.twoStep = twoStep;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean signsFor(Caller caller) {
        return remote.configured() && caller.staffId() != null
                && remote.credentialChain(caller.school(), caller.staffId()).isPresent();
    }

    @Override
    public boolean needsPin() {
        return true;
    }

    @Override
    public Session authorize(Caller caller, List<UUID> documents) {
        throw new AuthorizationExpiredException();
    }

    @Override
    public Session authorize(Caller caller, List<UUID> documents, char[] pin) {
        if (pin == null) {
            throw new AuthorizationExpiredException();
        }
        List<X509Certificate> chain = remote.credentialChain(caller.school(), caller.staffId())
                .orElseThrow(AuthorizationExpiredException::new);
        Map<UUID, TwoStepSigning.Prepared> prepared = new HashMap<>();
        Map<UUID, RuntimeException> refused = new HashMap<>();
        List<UUID> order = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        for (UUID code : documents) {
            try {
                var p = twoStep.prepareRemote(code, caller, chain);
                prepared.put(code, p);
                order.add(code);
                hashes.add(sha256(p.dataToSign()));
            } catch (RuntimeException e) {
                refused.put(code, e); // reported as this document's outcome when the batch reaches it
            }
        }
        Map<UUID, byte[]> values = new HashMap<>();
        if (!hashes.isEmpty()) {
            List<byte[]> signed;
            try {
                signed = remote.signHashes(caller.school(), caller.staffId(), hashes, pin);
            } catch (SigningException e) {
                log.warn("remote signing refused the batch authorization: {}", e.getMessage());
                throw new RemoteRefusedException();
            }
            for (int i = 0; i < order.size(); i++) {
                values.put(order.get(i), signed.get(i));
            }
        }
        return (lookupCode, signer, expected) -> {
            RuntimeException refusal = refused.get(lookupCode);
            if (refusal != null) {
                throw refusal;
            }
            var p = prepared.get(lookupCode);
            if (p == null) {
                throw new AuthorizationExpiredException();
            }
            return twoStep.complete(lookupCode, p.id(), signer, values.get(lookupCode));
        };
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A remote batch without its authorization (resumed after a restart): sign the rest in a new batch. */
    static class AuthorizationExpiredException extends HocbaException {
        AuthorizationExpiredException() {
            super(HttpStatus.CONFLICT, "authorization-expired",
                    "the remote signing authorization of this batch is gone (the service restarted); start a new batch for the rest",
                    "xác nhận ký từ xa của lô này không còn (dịch vụ đã khởi động lại); hãy tạo lô mới cho các văn bản còn lại");
        }
    }

    /** The remote signing service refused the authorization (wrong PIN or OTP, credential locked). */
    static class RemoteRefusedException extends HocbaException {
        RemoteRefusedException() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "remote-signing-refused",
                    "the remote signing service refused to authorize the signatures (wrong PIN or OTP, or the credential is locked)",
                    "dịch vụ ký số từ xa từ chối xác nhận (sai mã PIN/OTP hoặc chứng thư bị khóa)");
        }
    }
}
