package vn.hocba.archive.workflow;

import java.time.Instant;

import vn.hocba.archive.common.Caller;
import vn.hocba.signing.SignatureRequest;

/**
 * What the workflow would sign for a caller now (test code: the benchmark's bare DSS loop and signer alone sign the
 * very signature the workflow makes, its box, page and texts, not one of their own).
 */
public final class NextSignature {

    private NextSignature() {
    }

    /**
     * The signature request of {@code caller}'s open step on the current version of {@code key}, at {@code at}.
     *
     * @throws vn.hocba.archive.common.HocbaException the refusals of {@link DocumentWorkflow#sign}: 403 no place in
     *                                                the sequence, 409 out of turn or complete
     */
    public static SignatureRequest of(DocumentWorkflow workflow, DocumentKey key, Caller caller, String schoolName,
                                      Instant at) {
        var arrived = workflow.arrivedForSigning(workflow.current(key, caller).lookupCode(), caller);
        SigningStep step = workflow.openStep(arrived, caller, null);
        return workflow.signatureRequest(key, step, schoolName, at);
    }
}
