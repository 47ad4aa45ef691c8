package vn.hocba.archive.corrections;

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
 * The stored correction requests and their evidence. Kept for good: there is no delete, and a row changes only by
 * one status step at a time, each guarded by the status it leaves (a step that lost a race changes nothing).
 */
@Repository
class CorrectionRequests implements ApprovedCorrections {

    private static final String SELECT = """
            select r.id, r.school_code, r.school_year, r.class_code, r.student_id, r.subject_code, r.term, r.mark_field,
                   r.old_value, r.new_value, r.reason, r.requested_by, r.requested_at, r.status, r.confirmed_by,
                   r.confirmed_at, r.decided_by, r.decided_at, r.rejection_reason,
                   e.filename, e.content_type, e.size_bytes, e.sha256
            from correction_request r left join correction_evidence e on e.correction_id = r.id""";

    private final JdbcClient db;

    CorrectionRequests(JdbcClient db) {
        this.db = db;
    }

    void insert(Correction c, Evidence evidence) {
        db.sql("""
                insert into correction_request (id, school_code, school_year, class_code, student_id, subject_code, term,
                    mark_field, old_value, new_value, reason, requested_by, requested_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.school(), c.schoolYear(), c.classCode(), c.studentId(), c.subject(), c.term(),
                        c.field(), c.oldValue(), c.newValue(), c.reason(), c.requestedBy(),
                        Timestamp.from(c.requestedAt()), c.status().name())
                .update();
        if (evidence != null) {
            db.sql("""
                    insert into correction_evidence (correction_id, filename, content_type, size_bytes, sha256, content)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(c.id(), evidence.filename(), evidence.contentType(), evidence.content().length,
                            evidence.sha256(), evidence.content())
                    .update();
        }
    }

    /** The request, its row locked until the transaction ends (the next step waits for this one). */
    Optional<Correction> lock(String school, String year, UUID id) {
        // lock the request row alone (a join cannot be locked on every database), then read it whole
        boolean found = db.sql("select id from correction_request where id = ? and school_code = ? and school_year = ? for update")
                .params(id, school, year).query(Object.class).optional().isPresent();
        return found ? find(school, year, id) : Optional.empty();
    }

    Optional<Correction> find(String school, String year, UUID id) {
        return db.sql(SELECT + " where r.id = ? and r.school_code = ? and r.school_year = ?")
                .params(id, school, year).query(this::correction).optional();
    }

    /** The requests of the year, newest first; {@code status} null for all. */
    List<Correction> list(String school, String year, CorrectionStatus status) {
        return status == null
                ? db.sql(SELECT + " where r.school_code = ? and r.school_year = ? order by r.requested_at desc, r.id")
                        .params(school, year).query(this::correction).list()
                : db.sql(SELECT + " where r.school_code = ? and r.school_year = ? and r.status = ? order by r.requested_at desc, r.id")
                        .params(school, year, status.name()).query(this::correction).list();
    }

    /** Whether a request for that mark awaits its decision. */
    boolean openRequestExists(String school, String year, String student, String subject, int term, String field) {
        return db.sql("""
                select count(*) from correction_request
                where school_code = ? and school_year = ? and student_id = ? and subject_code = ? and term = ?
                and mark_field = ? and status in ('REQUESTED', 'CONFIRMED')""")
                .params(school, year, student, subject, term, field).query(Integer.class).single() > 0;
    }

    /** REQUESTED → CONFIRMED; false when the request was no longer REQUESTED. */
    boolean confirm(UUID id, String by, Instant at) {
        return db.sql("""
                update correction_request set status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ?
                where id = ? and status = 'REQUESTED'""")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    /** {@code from} → APPROVED or REJECTED; false when the request was no longer {@code from}. */
    boolean decide(UUID id, CorrectionStatus from, CorrectionStatus to, String by, Instant at, String rejectionReason) {
        return db.sql("""
                update correction_request set status = ?, decided_by = ?, decided_at = ?, rejection_reason = ?
                where id = ? and status = ?""")
                .params(to.name(), by, Timestamp.from(at), rejectionReason, id, from.name()).update() == 1;
    }

    /** The evidence file's bytes with its name and type. */
    Optional<Evidence> evidence(UUID id) {
        return db.sql("select filename, content_type, content, sha256 from correction_evidence where correction_id = ?")
                .param(id)
                .query((rs, i) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .optional();
    }

    @Override
    public List<Approved> ofClass(String school, String schoolYear, String classCode) {
        return db.sql("""
                select id, student_id, subject_code, term, mark_field, decided_at from correction_request
                where school_code = ? and school_year = ? and class_code = ? and status = 'APPROVED'
                order by decided_at, id""")
                .params(school, schoolYear, classCode)
                .query((rs, i) -> new Approved(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private Correction correction(ResultSet rs, int i) throws SQLException {
        String filename = rs.getString(20);
        return new Correction(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), instant(rs.getTimestamp(13)),
                CorrectionStatus.valueOf(rs.getString(14)), rs.getString(15), instant(rs.getTimestamp(16)),
                rs.getString(17), instant(rs.getTimestamp(18)), rs.getString(19),
                filename == null ? null : new Correction.EvidenceInfo(filename, rs.getString(21), rs.getInt(22),
                        rs.getString(23)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
