package vn.hocba.archive.school;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.hocba.archive.common.StaffRole;

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

    public record StaffMember(String school, String id, String fullName, Set<StaffRole> roles) {
        public StaffMember {
            roles = Set.copyOf(roles);
        }

        public boolean hasRole(StaffRole role) {
            return roles.contains(role);
        }

        /** True when one of the roles sees every student of the school that year ({@link StaffRole#SCHOOL_WIDE}). */
        public boolean schoolWide() {
            return roles.stream().anyMatch(StaffRole.SCHOOL_WIDE::contains);
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

    /** Every school, by code. */
    public List<School> schools() {
        return db.sql("select code, name, level, province, district, address from school order by code")
                .query(School.class).list();
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
        return listed(school, "s.school_year = ? and s.id = ?", "s.id", year, staffId).stream()
                .map(ListedMember::member).findFirst();
    }

    /**
     * The staff member as listed in the school's current year: the latest imported school year of the school that has
     * begun by {@code calendarYear} (a year {@code 2025-2026} begins in 2025). A year imported ahead of time grants
     * nothing until it begins, so importing a far-future year cannot change anyone's rights today; someone the current
     * year does not list is nobody's staff today, whatever an earlier year said.
     */
    public Optional<StaffMember> currentStaff(String school, String staffId, int calendarYear) {
        return currentYear(school, calendarYear).flatMap(year -> staff(school, year, staffId));
    }

    /**
     * The staff member as the latest begun year that lists them has them, whether or not the current year does (the
     * demo accounts: API.md names every staff member of every imported school).
     */
    public Optional<StaffMember> latestListing(String school, String staffId, int calendarYear) {
        return listed(school, "s.id = ? and cast(substring(s.school_year, 1, 4) as int) <= ?", "s.school_year desc",
                staffId, calendarYear).stream().map(ListedMember::member).findFirst();
    }

    /** The school's current year as {@link #currentStaff} reads it; empty before its first year begins. */
    public Optional<String> currentYear(String school, int calendarYear) {
        return db.sql("select max(school_year) from school_year where school_code = ?"
                        + " and cast(substring(school_year, 1, 4) as int) <= ?")
                .params(school, calendarYear).query(String.class).list().stream().filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** The staff member as listed in each school year of the school (roles hold per year), by year, newest first. */
    public Map<String, StaffMember> staffByYear(String school, String staffId) {
        Map<String, StaffMember> out = new LinkedHashMap<>();
        listed(school, "s.id = ?", "s.school_year desc", staffId).forEach(m -> out.put(m.year(), m.member()));
        return out;
    }

    public List<StaffMember> staff(String school, String year) {
        return listed(school, "s.school_year = ?", "s.id", year).stream().map(ListedMember::member).toList();
    }

    private record ListedMember(String year, StaffMember member) {
    }

    /**
     * Staff of {@code school} that match {@code condition} (on {@code staff s}), in {@code order}, each with the roles
     * of its year: one query, a joined row per role.
     */
    private List<ListedMember> listed(String school, String condition, String order, Object... params) {
        Map<List<String>, String> names = new LinkedHashMap<>();
        Map<List<String>, Set<StaffRole>> roles = new LinkedHashMap<>();
        Object[] all = new Object[params.length + 1];
        all[0] = school;
        System.arraycopy(params, 0, all, 1, params.length);
        db.sql("""
                select s.school_year, s.id, s.full_name, r.role from staff s left join staff_role r
                on r.school_code = s.school_code and r.school_year = s.school_year and r.staff_id = s.id
                where s.school_code = ? and\s""" + condition + " order by " + order)
                .params(all)
                .query(rs -> {
                    List<String> key = List.of(rs.getString(1), rs.getString(2));
                    names.putIfAbsent(key, rs.getString(3));
                    Set<StaffRole> held = roles.computeIfAbsent(key, k -> EnumSet.noneOf(StaffRole.class));
                    if (rs.getString(4) != null) {
                        held.add(StaffRole.of(rs.getString(4)));
                    }
                });
        return names.entrySet().stream().map(e -> new ListedMember(e.getKey().get(0),
                new StaffMember(school, e.getKey().get(1), e.getValue(), roles.get(e.getKey())))).toList();
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

    /** The subjects' names by code, in the school's order (one query: what a visible signature or a title prints). */
    public Map<String, String> subjectNames(String school, String year) {
        Map<String, String> names = new LinkedHashMap<>();
        db.sql("select code, name from subject where school_code = ? and school_year = ? order by position")
                .params(school, year)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
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

    /**
     * Every student's year of one class, in student id order: what {@link #studentYear} gives for each, read with one
     * query per table instead of several per student (gradebooks and summary books print the whole class).
     *
     * @return empty when the class does not exist or has no students
     */
    public List<StudentYear> classYear(String school, String year, String classCode) {
        var schoolClass = schoolClass(school, year, classCode);
        if (schoolClass.isEmpty()) {
            return List.of();
        }
        int grade = schoolClass.get().grade();
        List<Student> students = studentsOfClass(school, year, classCode);
        List<Subject> subjects = subjects(school, year).stream().filter(s -> s.periodsPerYear().containsKey(grade)).toList();
        Map<String, StaffMember> staff = new LinkedHashMap<>();
        staff(school, year).forEach(m -> staff.put(m.id(), m));
        Map<String, List<AssessmentRow>> assessments = new java.util.HashMap<>();
        db.sql("""
                select a.student_id, a.subject_code, a.term, a.regular_marks, a.midterm, a.final_mark from assessment a
                join student s on s.school_code = a.school_code and s.school_year = a.school_year and s.id = a.student_id
                where a.school_code = ? and a.school_year = ? and s.class_code = ?""")
                .params(school, year, classCode)
                .query(rs -> {
                    assessments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new AssessmentRow(
                            rs.getString(2), rs.getInt(3), RegularMarks.split(rs.getString(4)), rs.getString(5), rs.getString(6)));
                });
        Map<String, Map<Integer, String>> conduct = new java.util.HashMap<>();
        db.sql("""
                select c.student_id, c.term, c.level from conduct c
                join student s on s.school_code = c.school_code and s.school_year = c.school_year and s.id = c.student_id
                where c.school_code = ? and c.school_year = ? and s.class_code = ?""")
                .params(school, year, classCode)
                .query(rs -> {
                    conduct.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getString(3));
                });
        Map<String, Map<Integer, Integer>> absent = new java.util.HashMap<>();
        db.sql("""
                select a.student_id, a.term, a.excused_days + a.unexcused_days from attendance a
                join student s on s.school_code = a.school_code and s.school_year = a.school_year and s.id = a.student_id
                where a.school_code = ? and a.school_year = ? and s.class_code = ?""")
                .params(school, year, classCode)
                .query(rs -> {
                    absent.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getInt(3));
                });
        Map<String, String> comments = new java.util.HashMap<>();
        db.sql("""
                select c.student_id, c.homeroom from student_comment c
                join student s on s.school_code = c.school_code and s.school_year = c.school_year and s.id = c.student_id
                where c.school_code = ? and c.school_year = ? and s.class_code = ? and c.subject_code = ''""")
                .params(school, year, classCode)
                .query(rs -> {
                    comments.put(rs.getString(1), rs.getString(2));
                });
        List<StudentYear> out = new ArrayList<>();
        for (Student student : students) {
            out.add(new StudentYear(school, year, student, schoolClass.get(), staff, subjects,
                    assessments.getOrDefault(student.id(), List.of()),
                    conduct.getOrDefault(student.id(), new LinkedHashMap<>()),
                    absent.getOrDefault(student.id(), new LinkedHashMap<>()), comments.get(student.id())));
        }
        return out;
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
}
