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

    AuditLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
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
    public Entry append(String actor, String action, String subject, String details) {
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
