package vn.hocba.archive.batch;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.workflow.DocumentView;
import vn.hocba.archive.workflow.DocumentWorkflow;
import vn.hocba.archive.workflow.IfMatch;

/**
 * Signatures made with the key the service holds for the caller, exactly as a single signature request makes them
 * ({@link DocumentWorkflow#sign}: the same turn check, per-document lock, audit entry and outbox hand-over).
 */
@Component
class ServiceKeySigning implements BatchSigningMethod {

    static final String NAME = "SERVICE_KEY";

    private final DocumentWorkflow workflow;

    ServiceKeySigning(DocumentWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Session authorize(Caller caller, List<UUID> documents) {
        // the service's key needs no authorization beyond the caller's own request
        return new Session() {
            @Override
            public DocumentView sign(UUID lookupCode, Caller signer, IfMatch expected) {
                return workflow.sign(lookupCode, signer, expected);
            }

            @Override
            public boolean signWith(UUID lookupCode, Caller signer, IfMatch expected, Runnable withSignature) {
                workflow.sign(lookupCode, signer, expected, withSignature);
                return true;
            }
        };
    }
}
