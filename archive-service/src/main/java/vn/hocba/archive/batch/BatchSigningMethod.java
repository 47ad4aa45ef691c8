package vn.hocba.archive.batch;

import java.util.List;
import java.util.UUID;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.workflow.DocumentView;
import vn.hocba.archive.workflow.IfMatch;

/**
 * How a batch's signatures are made: the seam for keys that are authorized once per batch. A method is chosen when the
 * batch is created and named in its row ({@link #name()}), so that a resumed batch signs the same way.
 *
 * <p>Today {@link ServiceKeySigning}: the key the service holds for the caller, through the workflow's one signing path
 * ({@code DocumentWorkflow.sign}), nothing to authorize. A remote signing service (CSC API v2) would, in
 * {@link #authorize}, compute every document's data to sign and call {@code credentials/authorize} once with
 * {@code numSignatures} and all their hashes (one SAD for the batch), then in {@link Session#sign} call
 * {@code signatures/signHash} for that document and complete it through the workflow's two-step signing. A resumed
 * batch authorizes again (a SAD does not outlive a restart).
 */
public interface BatchSigningMethod {

    /** The name stored with the batch, e.g. {@code SERVICE_KEY}. */
    String name();

    /**
     * Authorizes the signatures of one batch, once, before any is made.
     *
     * @param caller    who signs
     * @param documents the lookup codes still to sign, in order
     */
    Session authorize(Caller caller, List<UUID> documents);

    /**
     * As {@link #authorize(Caller, List)}, with the PIN or OTP the signer gave for this batch (remote signing); a
     * resumed batch has none.
     */
    default Session authorize(Caller caller, List<UUID> documents, char[] pin) {
        return authorize(caller, documents);
    }

    /** Whether this method signs for {@code caller} (the service-held key always does; a remote one if configured). */
    default boolean signsFor(Caller caller) {
        return true;
    }

    /** Whether a batch of this method needs the signer's PIN or OTP. */
    default boolean needsPin() {
        return false;
    }

    /** One authorization: signs documents of the batch, several at once when the executor runs them in parallel. */
    interface Session {

        /**
         * Signs the caller's step of one document, only if it is still the version checked ({@code expected}).
         *
         * @throws vn.hocba.archive.common.HocbaException the workflow's refusals (403, 409, 412, 503)
         */
        DocumentView sign(UUID lookupCode, Caller caller, IfMatch expected);

        /**
         * Signs as {@link #sign}, running {@code withSignature} in the transaction that stores the signature, so that
         * the batch's outcome for the document commits with the signature or not at all; or signs nothing and answers
         * false when this method stores signatures otherwise (the batch then marks its attempt first and signs with
         * {@link #sign}).
         *
         * @return whether it signed
         * @throws vn.hocba.archive.common.HocbaException the workflow's refusals (403, 409, 412, 503)
         */
        default boolean signWith(UUID lookupCode, Caller caller, IfMatch expected, Runnable withSignature) {
            return false;
        }
    }
}
