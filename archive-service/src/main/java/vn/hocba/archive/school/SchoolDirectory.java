package vn.hocba.archive.school;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to imported school data, for the other features (results, records, signing, web, security). */
@Service
public class SchoolDirectory {

    private final JdbcClient db;

    SchoolDirectory(JdbcClient db) {
        this.db = db;
    }

    public record School(String code, String name, String level, String province, String district, String address) {
    }

    public record SchoolYearRef(String school, String schoolName, String schoolYear) {
    }

    public record StaffMember(String school, String id, String fullName, Set<String> roles) {
        public boolean hasRole(String role) {
            return roles.contains(role);
        }
    }

    public record Subject(String code, String name, boolean comment, Map<Integer, Integer> periodsPerYear) {
    }

    /** A class with its teachers; {@code subjectTeachers} in the school's subject order. */
    public record SchoolClass(String code, int grade, String homeroomTeacher, Map<String, String> subjectTeachers) {
    }

    public record Student(String id, String fullName, String sex, LocalDate dateOfBirth, String ethnicity,
                          String placeOfBirth, String address, String father, String mother, String classCode,
                          String enrolmentNo) {
    }

    /** Marks as stored: "7.5", "Đ", "CĐ"; missing marks null. */
    public record AssessmentRow(String subject, int term, List<String> regular, String midterm, String finalMark) {
    }

    /** Everything about one student's year that grading and the record need. */
    public record StudentYear(String schoolCode, String schoolYear, Student student, SchoolClass schoolClass,
                              Map<String, StaffMember> staff, List<Subject> subjects,
                              List<AssessmentRow> assessments, Map<Integer, String> conduct,
                              Map<Integer, Integer> daysAbsent, String homeroomComment) {
    }

    public Optional<School> school(String code) {
        return db.sql("select code, name, level, province, district, address from school where code = ?")
                .param(code).query(School.class).optional();
    }

    public List<SchoolYearRef> schoolYears() {
        return db.sql("""
                select y.school_code, s.name, y.school_year from school_year y join school s on s.code = y.school_code
                order by y.school_code, y.school_year desc""")
                .query((rs, i) -> new SchoolYearRef(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public boolean yearExists(String school, String year) {
        return db.sql("select count(*) from school_year where school_code = ? and school_year = ?")
                .params(school, year).query(Integer.class).single() > 0;
    }

    /** The fingerprint of the dataset the year was imported from. */
    public Optional<String> datasetSha256(String school, String year) {
        return db.sql("select dataset_sha256 from school_year where school_code = ? and school_year = ?")
                .params(school, year).query(String.class).optional();
    }

    /**
     * Locks the school year against re-import until the caller's transaction ends (imports lock the same row), and
     * returns its dataset fingerprint. Must run inside a transaction.
     */
    public String lockYear(String school, String year) {
        return db.sql("select dataset_sha256 from school_year where school_code = ? and school_year = ? for update")
                .params(school, year).query(String.class).single();
    }

    public Optional<StaffMember> staff(String school, String year, String staffId) {
        return db.sql("select full_name, roles from staff where school_code = ? and school_year = ? and id = ?")
                .params(school, year, staffId)
                .query((rs, i) -> new StaffMember(school, staffId, rs.getString(1), roles(rs.getString(2))))
                .optional();
    }

    /**
     * The staff member as listed in the school's current year: the latest imported school year that has begun by
     * {@code calendarYear} (a year {@code 2025-2026} begins in 2025). A year imported ahead of time grants nothing
     * until it begins, so importing a far-future year cannot change anyone's rights today.
     */
    public Optional<StaffMember> currentStaff(String school, String staffId, int calendarYear) {
        return db.sql("""
                select full_name, roles from staff where school_code = ? and id = ?
                and cast(substring(school_year, 1, 4) as int) <= ?
                order by school_year desc fetch first 1 rows only""")
                .params(school, staffId, calendarYear)
                .query((rs, i) -> new StaffMember(school, staffId, rs.getString(1), roles(rs.getString(2))))
                .optional();
    }

    /** The staff member as listed in each school year of the school (roles hold per year), by year, newest first. */
    public Map<String, StaffMember> staffByYear(String school, String staffId) {
        Map<String, StaffMember> out = new LinkedHashMap<>();
        db.sql("select school_year, full_name, roles from staff where school_code = ? and id = ? order by school_year desc")
                .params(school, staffId)
                .query(rs -> {
                    out.put(rs.getString(1), new StaffMember(school, staffId, rs.getString(2), roles(rs.getString(3))));
                });
        return out;
    }

    public List<StaffMember> staff(String school, String year) {
        return db.sql("select id, full_name, roles from staff where school_code = ? and school_year = ? order by id")
                .params(school, year)
                .query((rs, i) -> new StaffMember(school, rs.getString(1), rs.getString(2), roles(rs.getString(3))))
                .list();
    }

    /** Students per class of a school year, in one query. */
    public Map<String, Integer> studentCounts(String school, String year) {
        Map<String, Integer> out = new LinkedHashMap<>();
        db.sql("select class_code, count(*) from student where school_code = ? and school_year = ? group by class_code")
                .params(school, year)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    public List<Subject> subjects(String school, String year) {
        Map<String, Subject> subjects = new LinkedHashMap<>();
        db.sql("select code, name, assessment from subject where school_code = ? and school_year = ? order by position")
                .params(school, year)
                .query((rs, i) -> new Subject(rs.getString(1), rs.getString(2), "COMMENT".equals(rs.getString(3)),
                        new java.util.TreeMap<>()))
                .list().forEach(s -> subjects.put(s.code(), s));
        db.sql("select subject_code, grade, periods from subject_periods where school_code = ? and school_year = ?")
                .params(school, year)
                .query(rs -> {
                    subjects.get(rs.getString(1)).periodsPerYear().put(rs.getInt(2), rs.getInt(3));
                });
        return List.copyOf(subjects.values());
    }

    public List<SchoolClass> classes(String school, String year) {
        var classes = db.sql("""
                select code, grade, homeroom_teacher from school_class where school_code = ? and school_year = ?
                order by grade, code""")
                .params(school, year)
                .query((rs, i) -> new SchoolClass(rs.getString(1), rs.getInt(2), rs.getString(3), new LinkedHashMap<>()))
                .list();
        Map<String, SchoolClass> byCode = new LinkedHashMap<>();
        classes.forEach(c -> byCode.put(c.code(), c));
        db.sql("""
                select t.class_code, t.subject_code, t.staff_id from class_subject_teacher t
                join subject s on s.school_code = t.school_code and s.school_year = t.school_year and s.code = t.subject_code
                where t.school_code = ? and t.school_year = ? order by s.position""")
                .params(school, year)
                .query(rs -> {
                    byCode.get(rs.getString(1)).subjectTeachers().put(rs.getString(2), rs.getString(3));
                });
        return classes;
    }

    public Optional<SchoolClass> schoolClass(String school, String year, String classCode) {
        var found = db.sql("select code, grade, homeroom_teacher from school_class where school_code = ? and school_year = ? and code = ?")
                .params(school, year, classCode)
                .query((rs, i) -> new SchoolClass(rs.getString(1), rs.getInt(2), rs.getString(3), new LinkedHashMap<>()))
                .optional();
        found.ifPresent(c -> db.sql("""
                select t.subject_code, t.staff_id from class_subject_teacher t
                join subject s on s.school_code = t.school_code and s.school_year = t.school_year and s.code = t.subject_code
                where t.school_code = ? and t.school_year = ? and t.class_code = ? order by s.position""")
                .params(school, year, classCode)
                .query(rs -> {
                    c.subjectTeachers().put(rs.getString(1), rs.getString(2));
                }));
        return found;
    }

    public List<Student> studentsOfClass(String school, String year, String classCode) {
        return db.sql(STUDENT + " where school_code = ? and school_year = ? and class_code = ? order by id")
                .params(school, year, classCode).query(this::student).list();
    }

    /** Every student's full name of a school year, by student id. */
    public Map<String, String> studentNames(String school, String year) {
        Map<String, String> out = new java.util.HashMap<>();
        db.sql("select id, full_name from student where school_code = ? and school_year = ?").params(school, year)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    public Optional<Student> student(String school, String year, String studentId) {
        return db.sql(STUDENT + " where school_code = ? and school_year = ? and id = ?")
                .params(school, year, studentId).query(this::student).optional();
    }

    public Optional<StudentYear> studentYear(String school, String year, String studentId) {
        return student(school, year, studentId).map(student -> {
            SchoolClass schoolClass = schoolClass(school, year, student.classCode()).orElseThrow();
            List<Subject> subjects = subjects(school, year).stream()
                    .filter(s -> s.periodsPerYear().containsKey(schoolClass.grade())).toList();
            var assessments = db.sql("""
                    select subject_code, term, regular_marks, midterm, final_mark from assessment
                    where school_code = ? and school_year = ? and student_id = ?""")
                    .params(school, year, studentId)
                    .query((rs, i) -> new AssessmentRow(rs.getString(1), rs.getInt(2), RegularMarks.split(rs.getString(3)),
                            rs.getString(4), rs.getString(5)))
                    .list();
            Map<Integer, String> conduct = new LinkedHashMap<>();
            db.sql("select term, level from conduct where school_code = ? and school_year = ? and student_id = ?")
                    .params(school, year, studentId).query(rs -> {
                        conduct.put(rs.getInt(1), rs.getString(2));
                    });
            Map<Integer, Integer> absent = new LinkedHashMap<>();
            db.sql("select term, excused_days + unexcused_days from attendance where school_code = ? and school_year = ? and student_id = ?")
                    .params(school, year, studentId).query(rs -> {
                        absent.put(rs.getInt(1), rs.getInt(2));
                    });
            String comment = db.sql("""
                    select homeroom from student_comment
                    where school_code = ? and school_year = ? and student_id = ? and subject_code = ''""")
                    .params(school, year, studentId).query(String.class).optional().orElse(null);
            Map<String, StaffMember> staff = new LinkedHashMap<>();
            staff(school, year).forEach(m -> staff.put(m.id(), m));
            return new StudentYear(school, year, student, schoolClass, staff, subjects, assessments, conduct, absent, comment);
        });
    }

    /** Days absent with and without leave in a term, {@code {excused, unexcused}}; null when none is recorded. */
    public int[] attendance(String school, String year, String studentId, int term) {
        return db.sql("""
                select excused_days, unexcused_days from attendance
                where school_code = ? and school_year = ? and student_id = ? and term = ?""")
                .params(school, year, studentId, term)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional().orElse(null);
    }

    private static final String STUDENT = """
            select id, full_name, sex, date_of_birth, ethnicity, place_of_birth, address, father, mother, class_code,
                   enrolment_no from student""";

    private Student student(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Student(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11));
    }

    private static Set<String> roles(String joined) {
        return new TreeSet<>(Arrays.asList(joined.split(",")));
    }
}
