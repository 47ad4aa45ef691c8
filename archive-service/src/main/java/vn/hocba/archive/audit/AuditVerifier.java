package vn.hocba.archive.audit;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Verifies the audit chain against its head and its external anchors at start, on a schedule
 * ({@code hocba.audit.verify-interval}, default 10 minutes) and on request; after each verification that finds the
 * chain intact, anchors the entries verified since the last anchor in the write-once store (also at shutdown). A broken
 * chain raises an alert (an ERROR log line starting with {@code ALERT}) and is never anchored. Entries appended after
 * the last anchor are protected by the hash chain only until the next anchor: at most one interval.
 */
@Service
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);

    private final AuditLog auditLog;
    private final AuditAnchors anchors;
    private final AtomicReference<AuditVerification> latest = new AtomicReference<>();

    private final java.time.Duration anchorDelay;
    private final java.util.concurrent.ScheduledExecutorService anchoring =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "audit-anchor");
                t.setDaemon(true);
                return t;
            });
    private final java.util.concurrent.atomic.AtomicBoolean anchorPending = new java.util.concurrent.atomic.AtomicBoolean();

    AuditVerifier(AuditLog auditLog, AuditAnchors anchors,
                  @org.springframework.beans.factory.annotation.Value("${hocba.audit.anchor-delay:PT0.5S}")
                  java.time.Duration anchorDelay) {
        this.auditLog = auditLog;
        this.anchors = anchors;
        this.anchorDelay = anchorDelay;
        auditLog.onCommitted(this::anchorSoon);
    }

    /**
     * After a commit that appended entries: anchors them within {@code hocba.audit.anchor-delay} (default 0.5 s),
     * coalescing the commits of that interval into one anchor. A crash inside that interval leaves those last entries
     * protected by the hash chain only (their deletion with the head moved back would go unnoticed), so the interval is
     * kept short.
     */
    void anchorSoon() {
        if (anchorPending.compareAndSet(false, true)) {
            anchoring.schedule(() -> {
                anchorPending.set(false);
                try {
                    anchorNew();
                } catch (RuntimeException e) {
                    log.warn("the newest audit entries could not be anchored now; they are at the next verification", e);
                }
            }, anchorDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Checks the entries after the last anchor (links and hashes) and anchors them when intact. */
    synchronized AuditVerification anchorNew() {
        Map<Long, String> anchored = anchors.last(); // the entries before it were verified when they were anchored
        long lastAnchored = anchored.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        String lastHash = lastAnchored == 0 ? AuditLog.GENESIS : anchored.get(lastAnchored);
        AuditVerification result = auditLog.walk(anchored, lastAnchored, lastAnchored, lastHash);
        if (!result.valid()) {
            latest.set(result);
            log.error("ALERT audit chain broken at entry {}: {}", result.firstBroken().seq(), result.firstBroken().reason());
            return result;
        }
        anchors.write(result.unanchored());
        return result;
    }

    /** Recomputes the whole chain; no side effect but the alert when broken. */
    public AuditVerification verify() {
        Map<Long, String> anchored = anchors.anchored();
        long lastAnchored = anchored.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        AuditVerification result = auditLog.walk(anchored, lastAnchored);
        latest.set(result);
        if (!result.valid()) {
            log.error("ALERT audit chain broken at entry {}: {}", result.firstBroken().seq(), result.firstBroken().reason());
        }
        return result;
    }

    /** Verifies, then anchors what was verified since the last anchor when the chain is intact. */
    public synchronized AuditVerification verifyAndAnchor() {
        AuditVerification result = verify();
        if (result.valid()) {
            try {
                anchors.write(result.unanchored());
            } catch (RuntimeException e) {
                log.warn("the audit chain could not be anchored now; it is tried again at the next verification", e);
            }
        }
        return result;
    }

    /** The latest verification's result, null before the first. */
    public AuditVerification latest() {
        return latest.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void atStart() {
        try {
            verifyAndAnchor();
        } catch (vn.hocba.storage.StorageUnavailableException down) {
            // the anchors live in the archive's store: the service starts without it (not ready), and the scheduled
            // verification runs once it answers
            log.warn("audit verification at start deferred: the archive's store does not answer ({})",
                    down.getMessage());
        }
    }

    @Scheduled(initialDelayString = "${hocba.audit.verify-interval:PT10M}", fixedDelayString = "${hocba.audit.verify-interval:PT10M}")
    void scheduled() {
        try {
            verifyAndAnchor();
        } catch (RuntimeException e) {
            log.error("ALERT the scheduled audit verification failed", e);
        }
    }

    @PreDestroy
    void atShutdown() {
        anchoring.shutdownNow();
        try {
            verifyAndAnchor();
        } catch (RuntimeException e) {
            log.warn("the audit chain could not be anchored at shutdown", e);
        }
    }
}
