package vn.hocba.archive.workflow;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.hocba.archive.archive.CompletedDocuments;

/** Documents whose signatures are complete, for the archive (which takes their bytes and records the key). */
@Component
class CompletedRecords implements CompletedDocuments, vn.hocba.archive.archive.DocumentReaders {

    private final DocumentWorkflow workflow;

    CompletedRecords(DocumentWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public Optional<Completed> awaitingArchive(UUID lookupCode) {
        return workflow.awaitingArchive(lookupCode);
    }

    @Override
    public boolean markArchived(UUID lookupCode, String key, Instant at) {
        return workflow.markArchived(lookupCode, key, at);
    }

    @Override
    public vn.hocba.archive.archive.DocumentFacts readable(UUID lookupCode, vn.hocba.archive.common.Caller caller) {
        return workflow.readableFacts(lookupCode, caller);
    }
}
