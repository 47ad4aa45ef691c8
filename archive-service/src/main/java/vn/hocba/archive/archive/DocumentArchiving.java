package vn.hocba.archive.archive;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archives complete documents, out of the request that completed them: the listener of {@link DocumentCompleted} in
 * the event publication registry. The bytes are written once to the store first (idempotent for the same bytes), then
 * the document is marked archived; a failure (the store down) leaves the publication incomplete, and the scheduled
 * resubmission ({@link OutboxResubmission}) tries again until it succeeds. Marking is conditional, so a document is
 * announced archived exactly once however often it is tried.
 */
@Service
public class DocumentArchiving {

    private static final Logger log = LoggerFactory.getLogger(DocumentArchiving.class);

    private final RecordArchive archive;
    private final List<CompletedDocuments> documents;
    private final TransactionTemplate tx;
    private final Clock clock;

    DocumentArchiving(RecordArchive archive, List<CompletedDocuments> documents, TransactionTemplate tx, Clock clock) {
        this.archive = archive;
        this.documents = documents;
        this.tx = tx;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DocumentCompleted e) {
        archiveIfComplete(e.lookupCode());
    }

    /**
     * Archives the document if it is complete and not archived yet; does nothing otherwise.
     *
     * @return whether this call archived it
     * @throws RuntimeException when the store cannot take it (the caller, or the outbox, tries again later)
     */
    public boolean archiveIfComplete(UUID lookupCode) {
        for (CompletedDocuments source : documents) {
            var completed = source.awaitingArchive(lookupCode);
            if (completed.isPresent()) {
                String key = archive.archive(completed.get().pdf(), completed.get().sha256(), completed.get().facts(),
                        null);
                Boolean marked = tx.execute(status -> source.markArchived(lookupCode, key, clock.instant()));
                if (Boolean.TRUE.equals(marked)) {
                    log.debug("archived {} under {}", lookupCode, key);
                }
                return Boolean.TRUE.equals(marked);
            }
        }
        return false;
    }
}
