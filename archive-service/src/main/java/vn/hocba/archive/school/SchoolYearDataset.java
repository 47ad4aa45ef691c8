package vn.hocba.archive.school;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.hocba.archive.common.StaffRole;

/**
 * One validated {@code hocba.school-year/v1} dataset. Built only by {@link DatasetReader}, so every reference in it
 * resolves and every mark is well-formed. Marks are kept as their exact text ("7.5", "Đ", "CĐ").
 */
public record SchoolYearDataset(String schoolYear, School school, List<Staff> staff, List<Subject> subjects,
                                List<SchoolClass> classes, List<Student> students, List<Assessment> assessments,
                                List<Conduct> conduct, List<Attendance> attendance, List<Comment> comments) {

    public static final String FORMAT = "hocba.school-year/v1";

    public record School(String code, String name, String level, String province, String district, String address) {
    }

    public record Staff(String id, String fullName, Set<StaffRole> roles, String email) {
    }

    public record Subject(String code, String name, String assessment, Map<Integer, Integer> periodsPerYear) {
    }

    public record SchoolClass(String code, int grade, String homeroomTeacher, Map<String, String> subjectTeachers) {
    }

    public record Student(String id, String fullName, String sex, LocalDate dateOfBirth, String ethnicity,
                          String placeOfBirth, String address, String father, String mother, String classCode,
                          String enrolmentNo, String nationalId) {
    }

    /** Marks as written: numbers normalised to one decimal, comment marks "Đ"/"CĐ"; a missing mark is null. */
    public record Assessment(String student, String subject, int term, List<String> regular, String midterm,
                             String finalMark) {
    }

    public record Conduct(String student, int term, String level) {
    }

    public record Attendance(String student, int term, int excusedDays, int unexcusedDays) {
    }

    public record Comment(String student, String homeroom, Map<String, String> subjects) {
    }

    /** Counts per table, as answered by the import. */
    public Map<String, Integer> counts() {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        counts.put("staff", staff.size());
        counts.put("subjects", subjects.size());
        counts.put("classes", classes.size());
        counts.put("students", students.size());
        counts.put("assessments", assessments.size());
        counts.put("conduct", conduct.size());
        counts.put("attendance", attendance.size());
        counts.put("comments", comments.size());
        return counts;
    }
}
