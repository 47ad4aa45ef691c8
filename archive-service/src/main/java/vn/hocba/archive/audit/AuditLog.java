package vn.hocba.archive.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Append-only, hash-chained audit log (lưu vết): each entry's hash covers the previous entry's hash and its own
 * content, so a changed or removed entry breaks the chain from there on. There is no update or delete.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient db;
    private final Clock clock;
    /** Told after each commit that appended entries (the anchoring, which must follow soon after). */
    private final List<Runnable> committed = new java.util.concurrent.CopyOnWriteArrayList<>();

    AuditLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Runs {@code listener} after every commit that appended entries (on the committing thread: keep it short). */
    void onCommitted(Runnable listener) {
        committed.add(listener);
    }

    /** One entry as stored. */
    public record Entry(long seq, Instant occurredAt, String actor, String action, String subject, String details,
                        String prevHash, String hash) {
    }

    /**
     * Appends one entry within the caller's transaction (a new one when there is none), so the entry commits or
     * rolls back with the change it records. The chain head row stays locked until then: appends are strictly
     * ordered, across threads and instances.
     */
    @Transactional
    public Entry append(String actor, AuditAction auditAction, String subject, String details) {
        String action = auditAction.name();
        var head = db.sql("select seq, hash from audit_head where id = 1 for update")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0] + 1;
        String prev = (String) head[1];
        // stored with microsecond precision by the databases: truncate before hashing so verification recomputes it
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String hash = hash(seq, at, actor, action, subject, details, prev);
        db.sql("insert into audit_event (seq, occurred_at, actor, action, subject, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, Timestamp.from(at), actor, action, subject, details, prev, hash).update();
        db.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            committed.forEach(Runnable::run);
                        }
                    });
        }
        return new Entry(seq, at, actor, action, subject, details, prev, hash);
    }

    public List<Entry> entries(long fromSeq, int limit) {
        return db.sql("select seq, occurred_at, actor, action, subject, details, prev_hash, hash from audit_event where seq >= ? order by seq fetch first ? rows only")
                .params(fromSeq, limit)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** The newest committed entry's seq and hash as the head row records them. */
    record Head(long seq, String hash) {
    }

    Head head() {
        return db.sql("select seq, hash from audit_head where id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** The highest seq stored, 0 when empty. */
    long maxSeq() {
        return db.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
    }

    /**
     * Re-walks the whole chain and compares it with the head row and with the hashes anchored outside the database
     * ({@code anchored}: seq → hash). An edited entry breaks its own hash; an edit whose hashes were recomputed
     * ("re-chained") differs from the anchored hash; deleted last rows with the head moved back leave anchored entries
     * missing.
     *
     * @param anchored hashes of entries as written to the write-once store, by seq
     * @param collectAfter the walk also returns the hashes of entries after this seq (for the next anchor)
     */
    AuditVerification walk(java.util.Map<Long, String> anchored, long collectAfter) {
        return walk(anchored, collectAfter, 0, GENESIS);
    }

    /**
     * As {@link #walk(Map, long)}, but trusting the entries up to {@code startAfter} (whose hash is {@code startHash},
     * e.g. the last anchored one) and recomputing only those after it: the cheap check before each new anchor.
     */
    AuditVerification walk(java.util.Map<Long, String> anchored, long collectAfter, long startAfter, String startHash) {
        long max = maxSeq(); // before the head: a committed entry is never newer than the committed head
        Head head = head();
        long maxAnchored = anchored.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        if (maxAnchored > head.seq()) {
            return new AuditVerification(false, head.seq(), head.hash(), new AuditVerification.Broken(head.seq() + 1,
                    "entries " + (head.seq() + 1) + " to " + maxAnchored + " were anchored in the write-once store "
                            + "but are gone (the log was truncated)"), Map.of());
        }
        String prev = startHash;
        long expected = startAfter + 1;
        var fresh = new java.util.LinkedHashMap<Long, String>();
        for (long from = expected; from <= head.seq(); ) {
            List<Entry> page = entries(from, 1000);
            for (Entry e : page) {
                if (e.seq() > head.seq()) {
                    break;
                }
                AuditVerification.Broken broken = null;
                if (e.seq() != expected) {
                    broken = new AuditVerification.Broken(expected, "entry " + expected + " is missing");
                } else if (!e.prevHash().equals(prev)) {
                    broken = new AuditVerification.Broken(e.seq(), "does not link to the entry before it");
                } else if (!e.hash().equals(hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(),
                        e.details(), e.prevHash()))) {
                    broken = new AuditVerification.Broken(e.seq(), "its content does not match its hash (edited)");
                } else if (anchored.containsKey(e.seq()) && !anchored.get(e.seq()).equals(e.hash())) {
                    broken = new AuditVerification.Broken(e.seq(), "its hash differs from the one anchored in the "
                            + "write-once store (the chain was rewritten from here)");
                }
                if (broken != null) {
                    return new AuditVerification(false, head.seq(), head.hash(), broken, Map.of());
                }
                if (e.seq() > collectAfter) {
                    fresh.put(e.seq(), e.hash());
                }
                prev = e.hash();
                expected++;
            }
            if (page.size() < 1000) {
                break;
            }
            from = expected;
        }
        long last = expected - 1;
        if (last < head.seq()) {
            return new AuditVerification(false, head.seq(), head.hash(),
                    new AuditVerification.Broken(last + 1, "entry " + (last + 1) + " is missing (the head names "
                            + head.seq() + ")"), Map.of());
        }
        if (!head.hash().equals(prev)) {
            return new AuditVerification(false, head.seq(), head.hash(),
                    new AuditVerification.Broken(head.seq(), "the stored head does not match the last entry"), Map.of());
        }
        if (max > head.seq()) {
            return new AuditVerification(false, head.seq(), head.hash(), new AuditVerification.Broken(head.seq() + 1,
                    "entries after the stored head exist: the head was moved back"), Map.of());
        }
        return new AuditVerification(true, head.seq(), head.hash(), null, fresh);
    }

    static String hash(long seq, Instant at, String actor, String action, String subject, String details, String prev) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prev, Long.toString(seq), at.toString(), actor, action, subject, details}) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1f); // unit separator: no ambiguity between fields
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
