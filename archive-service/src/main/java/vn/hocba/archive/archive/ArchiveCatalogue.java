package vn.hocba.archive.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The archive catalogue ({@code archived_object}): one row per object the archive wrote, what it is, where it belongs
 * and how long it is kept. What the store holds, not the workflow's state: a row is written once the store has the
 * object, and never changed except to extend its retention.
 */
@Repository
public class ArchiveCatalogue {

    private static final String COLUMNS = "object_key, version_id, sha256, size_bytes, document_type, school_code, "
            + "school_year, class_code, lookup_code, retain_until, retention_basis, supersedes_key, archived_at";

    private final JdbcClient db;

    ArchiveCatalogue(JdbcClient db) {
        this.db = db;
    }

    /**
     * One archived object.
     *
     * @param key           the object's key in the store
     * @param versionId     the store's version id (S3), or null
     * @param sha256        the sha256 of its bytes
     * @param size          its length in bytes
     * @param facts         the document it is a version of
     * @param retainUntil   the end of its retention, null when permanent
     * @param basis         why that retention ({@link RetentionSchedule#basis})
     * @param supersedesKey the object it replaces for the same document (an archive timestamp renewal), or null
     * @param archivedAt    when the store took it
     */
    public record Entry(String key, String versionId, String sha256, long size, DocumentFacts facts,
                        Instant retainUntil, String basis, String supersedesKey, Instant archivedAt) {
    }

    /** Adds the entry unless the key is catalogued already (a retry of the same write). */
    void add(Entry e) {
        db.sql("insert into archived_object (" + COLUMNS + ") select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "where not exists (select 1 from archived_object where object_key = ?)")
                .params(e.key(), e.versionId(), e.sha256(), e.size(), e.facts().documentType(), e.facts().school(),
                        e.facts().schoolYear(), e.facts().classCode(), e.facts().lookupCode(),
                        e.retainUntil() == null ? null : Timestamp.from(e.retainUntil()), e.basis(), e.supersedesKey(),
                        Timestamp.from(e.archivedAt()), e.key())
                .update();
    }

    /** Every catalogued key (for the start-up comparison with what the database says is archived). */
    public java.util.Set<String> keys() {
        return new java.util.HashSet<>(db.sql("select object_key from archived_object").query(String.class).list());
    }

    /** The entry of one object. */
    public Optional<Entry> byKey(String key) {
        return db.sql("select " + COLUMNS + " from archived_object where object_key = ?").param(key)
                .query(ArchiveCatalogue::entry).optional();
    }

    /** Every object of a document version, oldest first (its archived file, then each renewal). */
    public List<Entry> ofDocument(UUID lookupCode) {
        return db.sql("select " + COLUMNS + " from archived_object where lookup_code = ? order by archived_at, object_key")
                .param(lookupCode).query(ArchiveCatalogue::entry).list();
    }

    /** Every object of a class in a school year, by document then age: what an export of the class takes. */
    public List<Entry> ofClass(String school, String schoolYear, String classCode) {
        return db.sql("select " + COLUMNS + " from archived_object where school_code = ? and school_year = ? "
                        + "and class_code = ? order by document_type, lookup_code, archived_at")
                .params(school, schoolYear, classCode).query(ArchiveCatalogue::entry).list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("retain_until");
        return new Entry(rs.getString("object_key"), rs.getString("version_id"), rs.getString("sha256"),
                rs.getLong("size_bytes"), new DocumentFacts(rs.getObject("lookup_code", UUID.class),
                rs.getString("document_type"), rs.getString("school_code"), rs.getString("school_year"),
                rs.getString("class_code")), until == null ? null : until.toInstant(), rs.getString("retention_basis"),
                rs.getString("supersedes_key"), rs.getTimestamp("archived_at").toInstant());
    }
}
