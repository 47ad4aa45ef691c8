package vn.hocba.archive.archive;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the outbox's incomplete publications (archiving a complete document, indexing an archived one) on a
 * schedule, not only at start-up: a document completed while the store was down is archived and indexed once the store
 * is back, with no request needed. Every {@code hocba.outbox.resubmit-interval} (default 1 minute), publications older
 * than {@code hocba.outbox.resubmit-after} (default 1 minute, so that ones still being processed are left alone).
 */
@Component
class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final Duration minAge;

    OutboxResubmission(IncompleteEventPublications incomplete,
                       @Value("${hocba.outbox.resubmit-after:PT1M}") Duration minAge) {
        this.incomplete = incomplete;
        this.minAge = minAge;
    }

    @Scheduled(initialDelayString = "${hocba.outbox.resubmit-interval:PT1M}",
            fixedDelayString = "${hocba.outbox.resubmit-interval:PT1M}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(minAge));
        } catch (RuntimeException e) {
            log.warn("resubmitting incomplete event publications failed; tried again at the next interval", e);
        }
    }
}
