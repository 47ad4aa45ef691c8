package vn.hocba.archive.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Append-only, hash-chained audit log (lưu vết): each entry's hash covers the previous entry's hash and its own
 * content, so a changed or removed entry breaks the chain from there on. There is no update or delete.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient db;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AuditLog(JdbcClient db, Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One entry as stored. */
    public record Entry(long seq, Instant occurredAt, String actor, String action, String subject, String details,
                        String prevHash, String hash) {
    }

    /**
     * Appends one entry in its own transaction, committed before the lock is released (so the next append sees it).
     * Serialised in this process; the primary key on seq guards against a second writer.
     */
    public synchronized Entry append(String actor, String action, String subject, String details) {
        return ownTransaction.execute(status -> doAppend(actor, action, subject, details));
    }

    private Entry doAppend(String actor, String action, String subject, String details) {
        var last = db.sql("select seq, hash from audit_event order by seq desc fetch first 1 rows only")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
        String prev = last.map(r -> (String) r[1]).orElse(GENESIS);
        // stored with microsecond precision by the databases: truncate before hashing so verification recomputes it
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String hash = hash(seq, at, actor, action, subject, details, prev);
        db.sql("insert into audit_event (seq, occurred_at, actor, action, subject, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, Timestamp.from(at), actor, action, subject, details, prev, hash).update();
        return new Entry(seq, at, actor, action, subject, details, prev, hash);
    }

    public List<Entry> entries(long fromSeq, int limit) {
        return db.sql("select seq, occurred_at, actor, action, subject, details, prev_hash, hash from audit_event where seq >= ? order by seq fetch first ? rows only")
                .params(fromSeq, limit)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** Re-walks the whole chain; returns the seq of the first broken entry, or -1 when intact. */
    public long verify() {
        String prev = GENESIS;
        long expected = 1;
        for (long from = 1; ; ) {
            List<Entry> page = entries(from, 1000);
            for (Entry e : page) {
                if (e.seq() != expected || !e.prevHash().equals(prev)
                        || !e.hash().equals(hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(), e.details(), e.prevHash()))) {
                    return e.seq();
                }
                prev = e.hash();
                expected++;
            }
            if (page.size() < 1000) {
                return -1;
            }
            from = expected;
        }
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
