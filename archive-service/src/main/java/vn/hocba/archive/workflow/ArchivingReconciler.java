package vn.hocba.archive.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start, archives fully signed records that a crash left between their last signature and the archive. */
@Component
class ArchivingReconciler {

    private static final Logger log = LoggerFactory.getLogger(ArchivingReconciler.class);

    private final RecordWorkflow workflow;

    ArchivingReconciler(RecordWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0) // before the search index catches up on archived records
    void finish() {
        int archived = workflow.finishArchiving();
        if (archived > 0) {
            log.info("archived {} fully signed record(s) left unarchived by an interruption", archived);
        }
    }
}
