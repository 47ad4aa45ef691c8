package vn.hocba.archive.archive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-hashes every archived object on a schedule ({@code hocba.archive.fixity-interval}, default daily; the first run
 * {@code hocba.archive.fixity-initial-delay} after start, default 10 minutes), so that silent corruption is found
 * before anyone downloads the file.
 */
@Component
class FixitySchedule {

    private static final Logger log = LoggerFactory.getLogger(FixitySchedule.class);

    private final ArchiveIntegrity integrity;

    FixitySchedule(ArchiveIntegrity integrity) {
        this.integrity = integrity;
    }

    @Scheduled(initialDelayString = "${hocba.archive.fixity-initial-delay:PT10M}",
            fixedDelayString = "${hocba.archive.fixity-interval:P1D}")
    void sweep() {
        try {
            integrity.sweep();
        } catch (RuntimeException e) {
            log.error("ALERT the scheduled fixity sweep failed", e);
        }
    }
}
