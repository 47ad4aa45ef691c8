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
 * Mark entry by the teacher of a class-subject, while its term is open: all of the sheet or nothing, stored in the
 * {@code assessment} table exactly as the import stores marks (text, "7.0", "Đ"), in one batch; every change announced
 * with its old and new marks for the audit log, and the year's fingerprint made that of the stored data
 * ({@link StoredDatasets#refreshFingerprint}). Who may enter is the caller's to check (the class-subject's teacher).
 */
@Service
public class MarkEntry {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final SchoolDirectory directory;
    private final ClassTermLocks locks;
    private final StoredDatasets stored;
    private final ApplicationEventPublisher events;

    MarkEntry(JdbcClient db, JdbcTemplate jdbc, SchoolDirectory directory, ClassTermLocks locks, StoredDatasets stored,
              ApplicationEventPublisher events) {
        this.db = db;
        this.jdbc = jdbc;
        this.directory = directory;
        this.locks = locks;
        this.stored = stored;
        this.events = events;
    }

    /**
     * Stores the marks of the sheet ({@link MarkSheet}) for that class, subject and term; each listed student's marks
     * there are replaced whole (a mark left out is missing, never kept from before). A student whose marks are the
     * same as stored is neither written nor logged.
     *
     * @return the ids of the students entered, in the sheet's order
     * @throws NotFoundException         (404) no such year, class, subject of the class's grade, or term
     * @throws ClassTermLockedException  (409) the class-term is locked
     * @throws MarksRejectedException    (422) a bad sheet; nothing stored
     */
    @Transactional
    public List<String> enter(String school, String year, String classCode, String subjectCode, int term, byte[] sheet,
                              String actor) {
        if (!directory.yearExists(school, year)) {
            throw new NotFoundException("school year " + year + " of " + school, "năm học " + year + " của trường " + school);
        }
        directory.lockYear(school, year); // serialises with lock, unlock, import and other entries
        var schoolClass = directory.schoolClass(school, year, classCode).orElse(null);
        var subject = schoolClass == null ? null : directory.subjects(school, year).stream()
                .filter(s -> s.code().equals(subjectCode) && s.periodsPerYear().containsKey(schoolClass.grade()))
                .findFirst().orElse(null);
        if (subject == null || (term != 1 && term != 2)) {
            throw new NotFoundException("class " + classCode + ", subject " + subjectCode + ", term " + term + " in " + year,
                    "lớp " + classCode + ", môn " + subjectCode + ", học kì " + term + " năm học " + year);
        }
        locks.requireUnlocked(school, year, classCode, term);
        Set<String> students = directory.studentsOfClass(school, year, classCode).stream()
                .map(SchoolDirectory.Student::id).collect(Collectors.toSet());
        List<MarkSheet.Entry> entries = MarkSheet.read(sheet, subject.comment(), students);

        // the class-subject-term as stored, in one query
        Map<String, MarkSheet.Entry> before = new HashMap<>();
        db.sql("""
                select a.student_id, a.regular_marks, a.midterm, a.final_mark from assessment a
                join student s on s.school_code = a.school_code and s.school_year = a.school_year and s.id = a.student_id
                where a.school_code = ? and a.school_year = ? and a.subject_code = ? and a.term = ? and s.class_code = ?""")
                .params(school, year, subjectCode, term, classCode)
                .query(rs -> {
                    before.put(rs.getString(1), new MarkSheet.Entry(rs.getString(1), RegularMarks.split(rs.getString(2)),
                            rs.getString(3), rs.getString(4)));
                });
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<MarksEntered.Change> changes = new ArrayList<>();
        for (MarkSheet.Entry e : entries) {
            MarkSheet.Entry was = before.get(e.student());
            if (e.equals(was)) {
                continue;
            }
            String regular = RegularMarks.join(e.regular());
            if (was != null) {
                updates.add(new Object[] {regular, e.midterm(), e.finalMark(), school, year, e.student(), subjectCode, term});
            } else {
                inserts.add(new Object[] {school, year, e.student(), subjectCode, term, regular, e.midterm(), e.finalMark()});
            }
            changes.add(new MarksEntered.Change(e.student(), was == null ? null : was.describe(), e.describe()));
        }
        if (!changes.isEmpty()) {
            batch("""
                    update assessment set regular_marks = ?, midterm = ?, final_mark = ?
                    where school_code = ? and school_year = ? and student_id = ? and subject_code = ? and term = ?""", updates);
            batch("""
                    insert into assessment (school_code, school_year, student_id, subject_code, term, regular_marks,
                        midterm, final_mark) values (?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
            stored.refreshFingerprint(school, year);
            events.publishEvent(new MarksEntered(school, year, classCode, subjectCode, term, actor, changes));
        }
        return entries.stream().map(MarkSheet.Entry::student).toList();
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
