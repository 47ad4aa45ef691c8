package vn.hocba.archive.school;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hocba.archive.common.NotFoundException;

/**
 * What the homeroom teacher enters for their class while the class-term is open (DOMAIN.md "Homeroom teacher":
 * attendance, conduct per term, comments): all of a sheet or nothing ({@link HomeroomSheet}), stored in the tables
 * the import fills ({@code conduct}, {@code attendance}, {@code student_comment}) in one batch, every change announced
 * for the audit log ({@link HomeroomEntered}) and the year's fingerprint made that of the stored data. The homeroom
 * comment is for the year and is printed with the year's results: it belongs to term 2 for locking. Who may enter is
 * the caller's to check (the class's homeroom teacher of that year).
 */
@Service
public class HomeroomEntry {

    /** The term the year-level homeroom comment is locked with. */
    public static final int COMMENT_TERM = 2;

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final SchoolDirectory directory;
    private final ClassTermLocks locks;
    private final StoredDatasets stored;
    private final ApplicationEventPublisher events;

    HomeroomEntry(JdbcClient db, JdbcTemplate jdbc, SchoolDirectory directory, ClassTermLocks locks,
                  StoredDatasets stored, ApplicationEventPublisher events) {
        this.db = db;
        this.jdbc = jdbc;
        this.directory = directory;
        this.locks = locks;
        this.stored = stored;
        this.events = events;
    }

    /**
     * Stores each listed student's conduct and days absent of the term, replacing what was there ({@code conduct}
     * null removes the level: not assessed yet). A student whose values are unchanged is neither written nor logged.
     *
     * @return the ids of the students entered, in the sheet's order
     * @throws NotFoundException        (404) no such year, class or term
     * @throws ClassTermLockedException (409) the class-term is locked
     * @throws MarksRejectedException   (422) a bad sheet; nothing stored
     */
    @Transactional
    public List<String> enterTerm(String school, String year, String classCode, int term, byte[] sheet, String actor) {
        Set<String> students = openClassTerm(school, year, classCode, term);
        List<HomeroomSheet.TermEntry> entries = HomeroomSheet.readTerm(sheet, students);

        Map<String, String> conduct = new HashMap<>();
        db.sql("""
                select c.student_id, c.level from conduct c
                join student s on s.school_code = c.school_code and s.school_year = c.school_year and s.id = c.student_id
                where c.school_code = ? and c.school_year = ? and c.term = ? and s.class_code = ?""")
                .params(school, year, term, classCode)
                .query(rs -> {
                    conduct.put(rs.getString(1), rs.getString(2));
                });
        Map<String, int[]> days = new HashMap<>();
        db.sql("""
                select a.student_id, a.excused_days, a.unexcused_days from attendance a
                join student s on s.school_code = a.school_code and s.school_year = a.school_year and s.id = a.student_id
                where a.school_code = ? and a.school_year = ? and a.term = ? and s.class_code = ?""")
                .params(school, year, term, classCode)
                .query(rs -> {
                    days.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        List<Object[]> deleteConduct = new ArrayList<>();
        List<Object[]> insertConduct = new ArrayList<>();
        List<Object[]> deleteAttendance = new ArrayList<>();
        List<Object[]> insertAttendance = new ArrayList<>();
        List<HomeroomEntered.Change> changes = new ArrayList<>();
        for (var e : entries) {
            String id = e.student();
            boolean known = conduct.containsKey(id) || days.containsKey(id);
            int[] d = days.get(id);
            var was = known ? new HomeroomSheet.TermEntry(id, conduct.get(id), d == null ? 0 : d[0], d == null ? 0 : d[1]) : null;
            if (e.equals(was) && days.containsKey(id)) {
                continue;
            }
            // replaced whole: delete, then insert (one batch each)
            deleteConduct.add(new Object[] {school, year, id, term});
            if (e.conduct() != null) {
                insertConduct.add(new Object[] {school, year, id, term, e.conduct()});
            }
            deleteAttendance.add(new Object[] {school, year, id, term});
            insertAttendance.add(new Object[] {school, year, id, term, e.excusedDays(), e.unexcusedDays()});
            changes.add(new HomeroomEntered.Change(id, was == null ? null : was.describe(), e.describe()));
        }
        if (!changes.isEmpty()) {
            batch("delete from conduct where school_code = ? and school_year = ? and student_id = ? and term = ?", deleteConduct);
            batch("insert into conduct (school_code, school_year, student_id, term, level) values (?, ?, ?, ?, ?)", insertConduct);
            batch("delete from attendance where school_code = ? and school_year = ? and student_id = ? and term = ?", deleteAttendance);
            batch("""
                    insert into attendance (school_code, school_year, student_id, term, excused_days, unexcused_days)
                    values (?, ?, ?, ?, ?, ?)""", insertAttendance);
            stored.refreshFingerprint(school, year);
            events.publishEvent(new HomeroomEntered(school, year, classCode, term,
                    HomeroomEntered.What.CONDUCT_AND_ATTENDANCE, actor, changes));
        }
        return entries.stream().map(HomeroomSheet.TermEntry::student).toList();
    }

    /**
     * Stores each listed student's homeroom comment for the year (null: none), keeping their subject comments. Locked
     * with term 2 ({@link #COMMENT_TERM}).
     *
     * @return the ids of the students entered, in the sheet's order
     * @throws NotFoundException        (404) no such year or class
     * @throws ClassTermLockedException (409) term 2 of the class is locked
     * @throws MarksRejectedException   (422) a bad sheet; nothing stored
     */
    @Transactional
    public List<String> enterComments(String school, String year, String classCode, byte[] sheet, String actor) {
        Set<String> students = openClassTerm(school, year, classCode, COMMENT_TERM);
        List<HomeroomSheet.CommentEntry> entries = HomeroomSheet.readComments(sheet, students);

        // the homeroom comment is the row with subject_code '' (the import writes one per comment row)
        Map<String, String> before = new HashMap<>();
        db.sql("""
                select c.student_id, c.homeroom from student_comment c
                join student s on s.school_code = c.school_code and s.school_year = c.school_year and s.id = c.student_id
                where c.school_code = ? and c.school_year = ? and c.subject_code = '' and s.class_code = ?""")
                .params(school, year, classCode)
                .query(rs -> {
                    before.put(rs.getString(1), rs.getString(2));
                });
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<HomeroomEntered.Change> changes = new ArrayList<>();
        for (var e : entries) {
            boolean known = before.containsKey(e.student());
            var was = known ? new HomeroomSheet.CommentEntry(e.student(), before.get(e.student())) : null;
            if (e.equals(was) || (!known && e.comment() == null)) {
                continue;
            }
            if (known) {
                updates.add(new Object[] {e.comment(), school, year, e.student()});
            } else {
                inserts.add(new Object[] {school, year, e.student(), e.comment()});
            }
            changes.add(new HomeroomEntered.Change(e.student(), was == null ? null : was.describe(), e.describe()));
        }
        if (!changes.isEmpty()) {
            batch("""
                    update student_comment set homeroom = ?
                    where school_code = ? and school_year = ? and student_id = ? and subject_code = ''""", updates);
            batch("""
                    insert into student_comment (school_code, school_year, student_id, homeroom, subject_code, subject_text)
                    values (?, ?, ?, ?, '', null)""", inserts);
            stored.refreshFingerprint(school, year);
            events.publishEvent(new HomeroomEntered(school, year, classCode, null, HomeroomEntered.What.HOMEROOM_COMMENT,
                    actor, changes));
        }
        return entries.stream().map(HomeroomSheet.CommentEntry::student).toList();
    }

    /** The class's students, once the year is held (row lock) and the class-term found open. */
    private Set<String> openClassTerm(String school, String year, String classCode, int term) {
        if (!directory.yearExists(school, year)) {
            throw new NotFoundException("school year " + year + " of " + school, "năm học " + year + " của trường " + school);
        }
        directory.lockYear(school, year); // serialises with lock, unlock, import and other entries
        if (directory.schoolClass(school, year, classCode).isEmpty() || (term != 1 && term != 2)) {
            throw new NotFoundException("class " + classCode + ", term " + term + " in " + year,
                    "lớp " + classCode + ", học kì " + term + " năm học " + year);
        }
        locks.requireUnlocked(school, year, classCode, term);
        return directory.studentsOfClass(school, year, classCode).stream()
                .map(SchoolDirectory.Student::id).collect(Collectors.toSet());
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
