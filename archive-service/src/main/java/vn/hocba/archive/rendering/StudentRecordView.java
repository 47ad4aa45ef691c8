package vn.hocba.archive.rendering;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything printed on one student's record for one school year, already formatted for display
 * in Vietnamese ("7.9", "Đ", "CĐ", "Tốt", "28/09/2013"...). An absent value is an empty string,
 * never {@code null}.
 *
 * @param lookupCode          record lookup code (mã số tra cứu, UUID v4), printed on every page
 * @param version             issue version of this record, 1 or more
 * @param renderedAt          creation time written into the PDF metadata; passed in so that the
 *                            same view always renders to the same bytes
 */
public record StudentRecordView(
        String lookupCode,
        int version,
        SchoolInfo school,
        String schoolYear,
        String className,
        int grade,
        StudentInfo student,
        List<SubjectRow> subjects,
        Summary summary,
        String homeroomTeacherName,
        String principalName,
        Instant renderedAt,
        Reissue reissue) {

    /** A first issue ({@link Reissue#NONE}). */
    public StudentRecordView(String lookupCode, int version, SchoolInfo school, String schoolYear, String className, int grade, StudentInfo student, List<SubjectRow> subjects, Summary summary, String homeroomTeacherName, String principalName, Instant renderedAt) {
        this(lookupCode, version, school, schoolYear, className, grade, student, subjects, summary, homeroomTeacherName, principalName, renderedAt, Reissue.NONE);
    }

    public StudentRecordView {
        Objects.requireNonNull(reissue, "reissue");
        requireText(lookupCode, "lookupCode");
        if (lookupCode.isBlank()) {
            throw new IllegalArgumentException("lookupCode must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more: " + version);
        }
        Objects.requireNonNull(school, "school");
        requireText(schoolYear, "schoolYear");
        requireText(className, "className");
        if (grade < 1 || grade > 12) {
            throw new IllegalArgumentException("grade must be 1..12: " + grade);
        }
        Objects.requireNonNull(student, "student");
        subjects = List.copyOf(subjects);
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("a student record lists at least one subject");
        }
        Set<String> codes = new HashSet<>();
        for (SubjectRow row : subjects) {
            if (!codes.add(row.code())) {
                throw new IllegalArgumentException("subject listed twice: " + row.code());
            }
        }
        Objects.requireNonNull(summary, "summary");
        requireText(homeroomTeacherName, "homeroomTeacherName");
        requireText(principalName, "principalName");
        Objects.requireNonNull(renderedAt, "renderedAt");
    }

    /** The school that keeps the record. */
    public record SchoolInfo(String name, String province, String district, String address) {
        public SchoolInfo {
            requireText(name, "school.name");
            requireText(province, "school.province");
            requireText(district, "school.district");
            requireText(address, "school.address");
        }
    }

    /** Personal data of the student as on the personal page of the record. */
    public record StudentInfo(
            String id,
            String fullName,
            String sex,
            String dateOfBirth,
            String ethnicity,
            String placeOfBirth,
            String address,
            String father,
            String mother,
            String enrolmentNo) {
        public StudentInfo {
            requireText(id, "student.id");
            requireText(fullName, "student.fullName");
            if (fullName.isBlank()) {
                throw new IllegalArgumentException("student.fullName must not be blank");
            }
            requireText(sex, "student.sex");
            requireText(dateOfBirth, "student.dateOfBirth");
            requireText(ethnicity, "student.ethnicity");
            requireText(placeOfBirth, "student.placeOfBirth");
            requireText(address, "student.address");
            requireText(father, "student.father");
            requireText(mother, "student.mother");
            requireText(enrolmentNo, "student.enrolmentNo");
        }
    }

    /**
     * One row of the subject results table.
     *
     * @param code        stable subject code, e.g. {@code TOAN}; names the row's signature box
     *                    ({@link SignatureSlot#subject})
     * @param retest      result of the summer re-test, empty when there was none
     * @param teacherName subject teacher who signs the row
     */
    public record SubjectRow(
            String code, String name, String term1, String term2, String year, String retest, String teacherName) {
        public SubjectRow {
            requireText(code, "subject.code");
            if (code.isBlank() || !code.equals(code.strip())) {
                throw new IllegalArgumentException("subject.code must be a non-blank word: '" + code + "'");
            }
            requireText(name, "subject.name");
            requireText(term1, "subject.term1");
            requireText(term2, "subject.term2");
            requireText(year, "subject.year");
            requireText(retest, "subject.retest");
            requireText(teacherName, "subject.teacherName");
        }
    }

    /**
     * The summary page: conduct (rèn luyện), learning result (học tập) and days absent per term
     * and year, promotion, title, homeroom comment, and the corrections made on the results page.
     *
     * @param promotion          e.g. "Được lên lớp"
     * @param title              "Học sinh Xuất sắc", "Học sinh Giỏi" or empty
     * @param correctionsCount   corrections after lock on the results page (TT22 footer "có sửa
     *                           chữa ở … chỗ")
     * @param correctedSubjects  names of the subjects those corrections belong to ("thuộc môn học …")
     */
    public record Summary(
            String conductTerm1, String conductTerm2, String conductYear,
            String learningTerm1, String learningTerm2, String learningYear,
            String daysAbsentTerm1, String daysAbsentTerm2, String daysAbsentYear,
            String promotion,
            String title,
            String homeroomComment,
            int correctionsCount,
            List<String> correctedSubjects) {
        public Summary {
            requireText(conductTerm1, "summary.conductTerm1");
            requireText(conductTerm2, "summary.conductTerm2");
            requireText(conductYear, "summary.conductYear");
            requireText(learningTerm1, "summary.learningTerm1");
            requireText(learningTerm2, "summary.learningTerm2");
            requireText(learningYear, "summary.learningYear");
            requireText(daysAbsentTerm1, "summary.daysAbsentTerm1");
            requireText(daysAbsentTerm2, "summary.daysAbsentTerm2");
            requireText(daysAbsentYear, "summary.daysAbsentYear");
            requireText(promotion, "summary.promotion");
            requireText(title, "summary.title");
            requireText(homeroomComment, "summary.homeroomComment");
            if (correctionsCount < 0) {
                throw new IllegalArgumentException("summary.correctionsCount must not be negative");
            }
            correctedSubjects = List.copyOf(correctedSubjects);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null (use \"\" for none)");
    }
}
