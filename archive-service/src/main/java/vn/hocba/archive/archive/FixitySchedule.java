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
            if (stoppedByShutdown(e)) {
                // the scheduler interrupts its tasks when the service stops: not a finding, and the audit log that
                // would record it is shutting down too
                log.info("The scheduled fixity sweep stopped: the service is shutting down (the next one starts over)");
                return;
            }
            log.error("ALERT the scheduled fixity sweep failed", e);
            failed(sample == 1 ? "FULL" : "SAMPLE", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * @return whether the sweep ended because its thread was interrupted (an {@link InterruptedException} or a
     *         {@link java.nio.channels.ClosedByInterruptException} among the causes, or the interrupt flag set), as
     *         the scheduler does at shutdown; a store's time-out is not that
     */
    static boolean stoppedByShutdown(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
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
