package vn.hocba.archive.school;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.common.NotFoundException;

/**
 * Mark entry by the teacher of a class-subject, while its term is open: all of the sheet or nothing, stored in the
 * {@code assessment} table exactly as the import stores marks (text, "7.0", "Đ"), every change announced with its old
 * and new marks for the audit log. Who may enter is the caller's to check (the class-subject's teacher).
 */
@Service
public class MarkEntry {

    private final JdbcClient db;
    private final SchoolDirectory directory;
    private final ClassTermLocks locks;
    private final ApplicationEventPublisher events;

    MarkEntry(JdbcClient db, SchoolDirectory directory, ClassTermLocks locks, ApplicationEventPublisher events) {
        this.db = db;
        this.directory = directory;
        this.locks = locks;
        this.events = events;
    }

    /**
     * Stores the marks of the sheet ({@link MarkSheet}) for that class, subject and term; each listed student's marks
     * there are replaced whole (a mark left out is missing, never kept from before).
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
        String sha = directory.lockYear(school, year); // serialises with lock, unlock and import
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

        List<MarksEntered.Change> changes = new ArrayList<>();
        for (MarkSheet.Entry e : entries) {
            String regular = String.join(",", e.regular());
            var before = db.sql("""
                    select regular_marks, midterm, final_mark from assessment
                    where school_code = ? and school_year = ? and student_id = ? and subject_code = ? and term = ?""")
                    .params(school, year, e.student(), subjectCode, term)
                    .query((rs, i) -> new MarkSheet.Entry(e.student(),
                            rs.getString(1) == null || rs.getString(1).isEmpty() ? List.of() : List.of(rs.getString(1).split(",")),
                            rs.getString(2), rs.getString(3)))
                    .optional();
            if (before.isPresent()) {
                db.sql("""
                        update assessment set regular_marks = ?, midterm = ?, final_mark = ?
                        where school_code = ? and school_year = ? and student_id = ? and subject_code = ? and term = ?""")
                        .params(regular, e.midterm(), e.finalMark(), school, year, e.student(), subjectCode, term).update();
            } else {
                db.sql("""
                        insert into assessment (school_code, school_year, student_id, subject_code, term, regular_marks,
                            midterm, final_mark) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(school, year, e.student(), subjectCode, term, regular, e.midterm(), e.finalMark()).update();
            }
            changes.add(new MarksEntered.Change(e.student(), before.map(MarkSheet.Entry::describe).orElse(null), e.describe()));
        }
        // the stored year no longer equals the dataset it was imported from: a new fingerprint, so that re-importing
        // that dataset counts as a change (it would undo this entry) and a render in flight sees "data changed"
        String entered = classCode + "|" + subjectCode + "|" + term + "|" + changes;
        db.sql("update school_year set dataset_sha256 = ? where school_code = ? and school_year = ?")
                .params(Hashes.sha256((sha + "\n" + entered).getBytes(java.nio.charset.StandardCharsets.UTF_8)), school, year)
                .update();
        events.publishEvent(new MarksEntered(school, year, classCode, subjectCode, term, actor, changes));
        return entries.stream().map(MarkSheet.Entry::student).toList();
    }
}
