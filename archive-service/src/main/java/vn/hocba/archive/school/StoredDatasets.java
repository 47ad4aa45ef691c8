package vn.hocba.archive.school;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hocba.archive.common.StaffRole;

import vn.hocba.archive.school.SchoolYearDataset.Assessment;
import vn.hocba.archive.school.SchoolYearDataset.Attendance;
import vn.hocba.archive.school.SchoolYearDataset.Comment;
import vn.hocba.archive.school.SchoolYearDataset.Conduct;
import vn.hocba.archive.school.SchoolYearDataset.School;
import vn.hocba.archive.school.SchoolYearDataset.SchoolClass;
import vn.hocba.archive.school.SchoolYearDataset.Staff;
import vn.hocba.archive.school.SchoolYearDataset.Student;
import vn.hocba.archive.school.SchoolYearDataset.Subject;

/**
 * A stored school year read back whole as the dataset it was imported from (what the exports serve). Everything the
 * import stores is read back, so that {@link DatasetDocument#fingerprint} of the result equals the fingerprint of the
 * imported dataset.
 */
@Service
public class StoredDatasets {

    private final JdbcClient db;

    StoredDatasets(JdbcClient db) {
        this.db = db;
    }

    /** The stored dataset of that school year, empty when it was never imported. One read-only transaction. */
    @Transactional(readOnly = true)
    public Optional<SchoolYearDataset> dataset(String school, String year) {
        Optional<School> found = db.sql("select code, name, level, province, district, address from school where code = ?")
                .param(school).query(School.class).optional();
        boolean imported = db.sql("select count(*) from school_year where school_code = ? and school_year = ?")
                .params(school, year).query(Integer.class).single() > 0;
        if (found.isEmpty() || !imported) {
            return Optional.empty();
        }
        Map<String, Set<StaffRole>> roles = new HashMap<>();
        db.sql("select staff_id, role from staff_role where school_code = ? and school_year = ?")
                .params(school, year)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getString(1), id -> EnumSet.noneOf(StaffRole.class))
                            .add(StaffRole.of(rs.getString(2)));
                });
        List<Staff> staff = db.sql("select id, full_name, email from staff where school_code = ? and school_year = ?")
                .params(school, year)
                .query((rs, i) -> new Staff(rs.getString(1), rs.getString(2),
                        roles.getOrDefault(rs.getString(1), Set.of()), rs.getString(3)))
                .list();
        Map<String, Subject> subjects = new LinkedHashMap<>();
        db.sql("select code, name, assessment from subject where school_code = ? and school_year = ? order by position")
                .params(school, year)
                .query(rs -> {
                    subjects.put(rs.getString(1), new Subject(rs.getString(1), rs.getString(2), rs.getString(3),
                            new LinkedHashMap<>()));
                });
        db.sql("select subject_code, grade, periods from subject_periods where school_code = ? and school_year = ? order by grade")
                .params(school, year)
                .query(rs -> {
                    subjects.get(rs.getString(1)).periodsPerYear().put(rs.getInt(2), rs.getInt(3));
                });
        Map<String, SchoolClass> classes = new LinkedHashMap<>();
        db.sql("select code, grade, homeroom_teacher from school_class where school_code = ? and school_year = ?")
                .params(school, year)
                .query(rs -> {
                    classes.put(rs.getString(1), new SchoolClass(rs.getString(1), rs.getInt(2), rs.getString(3),
                            new LinkedHashMap<>()));
                });
        db.sql("select class_code, subject_code, staff_id from class_subject_teacher where school_code = ? and school_year = ?")
                .params(school, year)
                .query(rs -> {
                    classes.get(rs.getString(1)).subjectTeachers().put(rs.getString(2), rs.getString(3));
                });
        List<Student> students = db.sql("""
                select id, full_name, sex, date_of_birth, ethnicity, place_of_birth, address, father, mother, class_code,
                       enrolment_no, national_id from student where school_code = ? and school_year = ?""")
                .params(school, year)
                .query((rs, i) -> new Student(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)))
                .list();
        List<Assessment> assessments = db.sql("""
                select student_id, subject_code, term, regular_marks, midterm, final_mark from assessment
                where school_code = ? and school_year = ?""")
                .params(school, year)
                .query((rs, i) -> new Assessment(rs.getString(1), rs.getString(2), rs.getInt(3),
                        RegularMarks.split(rs.getString(4)), rs.getString(5), rs.getString(6)))
                .list();
        List<Conduct> conduct = db.sql("select student_id, term, level from conduct where school_code = ? and school_year = ?")
                .params(school, year)
                .query((rs, i) -> new Conduct(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
        List<Attendance> attendance = db.sql("""
                select student_id, term, excused_days, unexcused_days from attendance where school_code = ? and school_year = ?""")
                .params(school, year)
                .query((rs, i) -> new Attendance(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).list();
        // one row per student with the homeroom comment (subject_code ''), one more per subject comment
        Map<String, Comment> comments = new LinkedHashMap<>();
        List<String[]> subjectComments = new ArrayList<>();
        db.sql("select student_id, homeroom, subject_code, subject_text from student_comment where school_code = ? and school_year = ?")
                .params(school, year)
                .query(rs -> {
                    if (rs.getString(3) == null || rs.getString(3).isEmpty()) {
                        comments.put(rs.getString(1), new Comment(rs.getString(1), rs.getString(2), new LinkedHashMap<>()));
                    } else {
                        subjectComments.add(new String[] {rs.getString(1), rs.getString(3), rs.getString(4)});
                    }
                });
        subjectComments.forEach(c -> comments.computeIfAbsent(c[0], id -> new Comment(id, null, new LinkedHashMap<>()))
                .subjects().put(c[1], c[2]));
        return Optional.of(DatasetDocument.ordered(new SchoolYearDataset(year, found.get(), staff,
                List.copyOf(subjects.values()), List.copyOf(classes.values()), students, assessments, conduct,
                attendance, List.copyOf(comments.values()))));
    }

    /**
     * Makes the year's stored fingerprint that of its data as stored now, computed as the import computes a dataset's
     * ({@link DatasetDocument#fingerprint}), after an entry changed the data: so the fingerprint is honest. Exporting
     * and re-importing then changes nothing; re-importing the dataset the year came from counts as a change (it would
     * undo the entry) and is checked against the locks; a render in flight sees "data changed". Reads the whole year:
     * one entry's cost grows with the school (a few hundred milliseconds for 1,500 students). Runs in the caller's
     * transaction, which holds the year's row lock ({@link SchoolDirectory#lockYear}).
     *
     * @return the new fingerprint
     */
    @Transactional
    public String refreshFingerprint(String school, String year) {
        String sha = DatasetDocument.fingerprint(dataset(school, year).orElseThrow());
        db.sql("update school_year set dataset_sha256 = ? where school_code = ? and school_year = ?")
                .params(sha, school, year).update();
        return sha;
    }
}
