package vn.hocba.archive.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hocba.archive.workflow.DocumentArchived;
import vn.hocba.archive.workflow.DocumentWorkflow;

/**
 * At start, makes the index agree with the database, both ways: indexes archived records it lacks (a crash after
 * archiving, a new or older-format index), rewrites entries whose stored fields differ (class, name, status…), and
 * removes entries that are not archived records (superseded, or an index restored from elsewhere). Search answers 503
 * until this has finished ({@link SearchAvailability}). It runs synchronously in the ready event, so the application
 * reports itself ready to accept traffic only afterwards.
 */
@Component
class IndexReconciler {

    private static final Logger log = LoggerFactory.getLogger(IndexReconciler.class);

    private final Supplier<List<DocumentArchived>> archived;
    private final SearchIndex index;
    private final Consumer<DocumentArchived> indexer;
    private final SearchAvailability availability;

    @Autowired
    IndexReconciler(DocumentWorkflow workflow, SearchIndex index, RecordIndexer indexer, SearchAvailability availability) {
        this(workflow::archived, index, indexer::index, availability);
    }

    /** {@code indexer} indexes one archived record and throws if it cannot. */
    IndexReconciler(Supplier<List<DocumentArchived>> archived, SearchIndex index, Consumer<DocumentArchived> indexer,
                    SearchAvailability availability) {
        this.archived = archived;
        this.index = index;
        this.indexer = indexer;
        this.availability = availability;
    }

    /** What one reconciliation did. */
    record Outcome(int added, int corrected, int removed, int failed) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1) // after ArchivingReconciler (@Order(0)) has archived what a crash left signed but unarchived
    void onReady() {
        try {
            var outcome = reconcile();
            log.info("search index reconciled with the database: {} added, {} corrected, {} removed, {} failed",
                    outcome.added(), outcome.corrected(), outcome.removed(), outcome.failed());
        } catch (RuntimeException e) {
            // search stays unavailable (503) rather than answering from an index that may disagree with the archive
            log.error("search index reconciliation failed (is the index server down?); it is tried again every minute", e);
            failed = true;
        }
    }

    /** Set when the reconciliation at start failed (e.g. Elasticsearch was down): it is tried again on a schedule. */
    private volatile boolean failed;

    /** Tries a failed reconciliation again, every {@code hocba.search-reconcile-retry} (default a minute). */
    @org.springframework.scheduling.annotation.Scheduled(
            initialDelayString = "${hocba.search-reconcile-retry:PT1M}", fixedDelayString = "${hocba.search-reconcile-retry:PT1M}")
    void retryIfFailed() {
        if (failed && !availability.isReady()) {
            failed = false;
            onReady();
        }
    }

    /**
     * Reconciles and then marks search available. Records whose indexing fails are logged and left for the next
     * start (as after a failed indexing at archive time); they do not hold search back.
     */
    Outcome reconcile() {
        // the index is listed before the database is read: a record archived (and indexed) in between is then seen in
        // the database and at worst indexed twice, never taken for a stale entry and removed
        Map<String, SearchIndex.IndexedEntry> entries = new HashMap<>();
        index.forEachEntry(e -> entries.put(e.fields().lookupCode(), e));
        int[] counts = new int[3]; // added, corrected, failed
        index.inBatch(() -> {
            for (DocumentArchived record : archived.get()) {
                var entry = entries.remove(record.lookupCode().toString());
                if (entry != null && entry.current() && entry.fields().equals(RecordIndexer.expected(record))) {
                    continue;
                }
                try {
                    indexer.accept(record);
                    counts[entry == null ? 0 : 1]++;
                } catch (RuntimeException e) {
                    counts[2]++;
                    log.error("indexing of archived record {} failed; it is retried at the next start", record.lookupCode(), e);
                }
            }
            entries.keySet().forEach(index::remove); // what is left is not an archived record
        });
        availability.markReady();
        return new Outcome(counts[0], counts[1], entries.size(), counts[2]);
    }
}
