package vn.hocba.archive.archive;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the outbox's completed publications once they are older than {@code hocba.outbox.keep-completed} (default
 * 7 days), every {@code hocba.outbox.prune-interval} (default 1 hour). Spring Modulith keeps a completed publication
 * for ever by default: two a document (its archiving, its indexing), about 6,000 for a 1,500-student school's year end
 * and hundreds of thousands a year on a province's server, in the table whose incomplete rows the resubmission reads
 * every minute. What happened is kept where it belongs, in the hash-chained audit log ({@code DOCUMENT_ARCHIVED} and
 * the others); a completed publication only says that a listener returned, which matters for a few days of diagnosis
 * at most. Incomplete publications (failed, or still under way) are never removed here, whatever their age.
 */
@Component
class OutboxPruning {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruning.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    /**
     * @param keep how long a completed publication stays (zero: removed at the next prune); negative: kept for ever,
     *             Spring Modulith's own default
     */
    OutboxPruning(CompletedEventPublications completed, @Value("${hocba.outbox.keep-completed:P7D}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "${hocba.outbox.prune-interval:PT1H}",
            fixedDelayString = "${hocba.outbox.prune-interval:PT1H}")
    void prune() {
        if (keep.isNegative()) {
            return;
        }
        try {
            completed.deletePublicationsOlderThan(keep);
        } catch (RuntimeException e) {
            log.warn("removing completed event publications older than {} failed; tried again at the next interval",
                    keep, e);
        }
    }
}
