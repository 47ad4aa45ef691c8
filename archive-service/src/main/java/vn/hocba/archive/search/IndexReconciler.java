package vn.hocba.archive.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.hocba.archive.workflow.RecordWorkflow;

/** At start, indexes every archived record the index lacks (a crash after archiving, or a new, empty index). */
@Component
class IndexReconciler {

    private static final Logger log = LoggerFactory.getLogger(IndexReconciler.class);

    private final RecordWorkflow workflow;
    private final SearchIndex index;
    private final RecordIndexer indexer;

    IndexReconciler(RecordWorkflow workflow, SearchIndex index, RecordIndexer indexer) {
        this.workflow = workflow;
        this.index = index;
        this.indexer = indexer;
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(1) // after unfinished archiving is completed
    void reconcile() {
        int added = 0;
        for (var e : workflow.archived()) {
            if (!index.contains(e.lookupCode().toString())) {
                indexer.on(e);
                added++;
            }
        }
        if (added > 0) {
            log.info("indexed {} archived record(s) missing from the search index", added);
        }
    }
}
