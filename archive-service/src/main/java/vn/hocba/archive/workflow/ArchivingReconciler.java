package vn.hocba.archive.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hocba.archive.archive.ArchiveIntegrity;

/**
 * At start, before the service reports itself ready (Spring Boot publishes readiness after the ApplicationReadyEvent
 * listeners return): archives fully signed records that a crash left between their last signature and the archive,
 * then compares the archive with the database both ways (missing objects, objects nobody refers to), which are
 * recorded and alerted.
 */
@Component
class ArchivingReconciler {

    private static final Logger log = LoggerFactory.getLogger(ArchivingReconciler.class);

    private final DocumentWorkflow workflow;
    private final ArchiveIntegrity integrity;
    private final vn.hocba.archive.archive.DocumentArchiving archiving;
    private final vn.hocba.archive.archive.RecordArchive archive;
    private final DocumentRepository documents;

    ArchivingReconciler(DocumentWorkflow workflow, ArchiveIntegrity integrity,
                        vn.hocba.archive.archive.DocumentArchiving archiving,
                        vn.hocba.archive.archive.RecordArchive archive, DocumentRepository documents) {
        this.workflow = workflow;
        this.integrity = integrity;
        this.archiving = archiving;
        this.archive = archive;
        this.documents = documents;
    }

    /** Documents archived before the archive catalogue existed get their entry, from what the store says. */
    private void catalogueArchivedBeforeTheCatalogue() {
        var known = archive.cataloguedKeys();
        int added = 0;
        for (var version : documents.archived()) {
            if (version.archiveKey() == null || known.contains(version.archiveKey())) {
                continue;
            }
            try {
                added += archive.catalogueExisting(version.archiveKey(),
                        DocumentWorkflow.packageFacts(documents, version, version.signatureLevel())) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("archived object {} of {} not catalogued: {}", version.archiveKey(), version.lookupCode(),
                        e.getMessage());
            }
        }
        if (added > 0) {
            log.info("archive catalogue: {} object(s) archived before it catalogued from the store", added);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0) // before the search index catches up on archived records
    void finish() {
        int archived = 0;
        for (var lookupCode : workflow.completeButUnarchived()) {
            try {
                archived += archiving.archiveIfComplete(lookupCode) ? 1 : 0;
            } catch (RuntimeException e) {
                log.error("archiving complete record {} failed at start; the outbox tries again", lookupCode, e);
            }
        }
        if (archived > 0) {
            log.info("archived {} fully signed record(s) left unarchived by an interruption", archived);
        }
        try {
            catalogueArchivedBeforeTheCatalogue();
            var result = integrity.reconcileReferences();
            if (!result.failures().isEmpty()) {
                log.warn("archive reconciliation: {} finding(s) among {} archived object(s); see GET /api/v1/integrity",
                        result.failures().size(), result.objects());
            }
        } catch (vn.hocba.storage.StorageUnavailableException down) {
            // the service starts without its store (not ready); the scheduled sweep compares them once it answers
            log.warn("archive reconciliation skipped at start: the store does not answer ({})", down.getMessage());
        }
    }
}
