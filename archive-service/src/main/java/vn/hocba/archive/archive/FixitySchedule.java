package vn.hocba.archive.archive;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-reads archived objects on a schedule ({@code hocba.archive.fixity-interval}, default daily; the first run
 * {@code hocba.archive.fixity-initial-delay} after start, default 10 minutes), so that silent corruption is found
 * before anyone downloads the file: all of them, or a rotating share per run ({@code hocba.archive.fixity-sample},
 * a fraction in (0, 1], default 1: everything). The system administrator can start a full sweep at any time
 * ({@link #startFullSweep()}); one sweep at a time per instance.
 */
@Component
class FixitySchedule {

    private static final Logger log = LoggerFactory.getLogger(FixitySchedule.class);

    private final ArchiveIntegrity integrity;
    private final double sample;
    private final AtomicBoolean running = new AtomicBoolean();

    FixitySchedule(ArchiveIntegrity integrity, @Value("${hocba.archive.fixity-sample:1}") double sample) {
        if (!(sample > 0 && sample <= 1)) {
            throw new IllegalStateException("hocba.archive.fixity-sample is " + sample + ": a fraction in (0, 1]");
        }
        this.integrity = integrity;
        this.sample = sample;
    }

    @Scheduled(initialDelayString = "${hocba.archive.fixity-initial-delay:PT10M}",
            fixedDelayString = "${hocba.archive.fixity-interval:P1D}")
    void sweep() {
        if (!running.compareAndSet(false, true)) {
            return; // the administrator's sweep is running
        }
        try {
            integrity.sample(sample);
        } catch (RuntimeException e) {
            log.error("ALERT the scheduled fixity sweep failed", e);
            failed(sample == 1 ? "FULL" : "SAMPLE", e);
        } finally {
            running.set(false);
        }
    }

    private void failed(String kind, RuntimeException e) {
        try {
            integrity.recordSweepFailure(kind, e);
        } catch (RuntimeException unrecorded) {
            log.error("ALERT the failure of the fixity sweep could not be recorded either", unrecorded);
        }
    }

    /** @return false when a sweep is running already (nothing started) */
    boolean startFullSweep() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread thread = new Thread(() -> {
            try {
                integrity.sweep();
            } catch (RuntimeException e) {
                log.error("ALERT the fixity sweep asked for by the administrator failed", e);
                failed("FULL", e);
            } finally {
                running.set(false);
            }
        }, "fixity-sweep");
        thread.setDaemon(true);
        thread.start();
        return true;
    }
}
