package vn.hocba.archive.school;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

import vn.hocba.archive.common.Hashes;

/**
 * One mark of a locked class-term, changed by an approved correction (DOMAIN.md "Locking, corrections and audit": after
 * lock a score changes only through a correction request). {@link #check} names the mark a request is about and checks
 * its new value by {@link MarkRule}, the rule of the import and of mark entry; {@link #apply} stores it, the one write
 * the lock lets through, and only for an approved correction whose old value is still the stored one. Who may ask,
 * confirm and approve is the corrections feature's to decide.
 */
@Service
public class MarkCorrections {

    /** {@code final}, {@code midterm} or {@code regular[i]} (API.md "Lock windows and corrections"). */
    private static final Pattern FIELD = Pattern.compile("final|midterm|regular\\[(0|[1-9][0-9]{0,2})]");

    /**
     * The mark a correction is about, as stored now.
     *
     * @param oldValue the stored mark ("7.5", "Đ"), null when missing
     * @param newValue the new mark as it will be stored
     */
    public record Target(String classCode, String student, String subject, int term, String field, String oldValue,
                         String newValue) {
    }

    /** What {@link #check} found: the target when {@code problems} is empty. */
    public record Checked(Optional<Target> target, List<DatasetProblem> problems) {
        public Checked {
            problems = List.copyOf(problems);
        }
    }

    /**
     * A correction the principal approved: the only change of a locked class-term's mark that {@link #apply} makes.
     *
     * @param approvedBy the principal's account, as written in the audit log
     */
    public record ApprovedCorrection(UUID correctionId, String classCode, String student, String subject, int term,
                                     String field, String oldValue, String newValue, String approvedBy) {
        public ApprovedCorrection {
            Objects.requireNonNull(correctionId, "correctionId");
            Objects.requireNonNull(newValue, "newValue");
            Objects.requireNonNull(approvedBy, "approvedBy");
            if (!FIELD.matcher(Objects.requireNonNull(field, "field")).matches()) {
                throw new IllegalArgumentException("not a mark field: " + field);
            }
        }
    }

    private final JdbcClient db;
    private final SchoolDirectory directory;
    private final ClassTermLocks locks;

    MarkCorrections(JdbcClient db, SchoolDirectory directory, ClassTermLocks locks) {
        this.db = db;
        this.directory = directory;
        this.locks = locks;
    }

    /**
     * Names the mark and checks the new value, reporting every problem at once with the paths of the request body:
     * {@code student} (not in that year), {@code subject} (not taught in the student's grade), {@code term} (1 or 2),
     * {@code field} (not a mark field, or a mark the student does not have: a regular mark beyond those recorded, or
     * no marks of that subject and term), {@code newValue} (refused by {@link MarkRule}, or equal to the stored mark).
     */
    public Checked check(String school, String year, String studentId, String subjectCode, Integer term, String field,
                         JsonNode newValue) {
        List<DatasetProblem> problems = new ArrayList<>();
        MarkRule.Problems report = (path, en, vi) -> problems.add(new DatasetProblem(path, en, vi));
        var student = studentId == null ? Optional.<SchoolDirectory.Student>empty()
                : directory.student(school, year, studentId);
        if (studentId != null && student.isEmpty()) {
            report.add("student", "no such student in " + year, "không có học sinh này trong năm học " + year);
        }
        var schoolClass = student.flatMap(s -> directory.schoolClass(school, year, s.classCode()));
        var subject = subjectCode == null ? Optional.<SchoolDirectory.Subject>empty()
                : directory.subjects(school, year).stream().filter(s -> s.code().equals(subjectCode)).findFirst();
        if (subjectCode != null && (subject.isEmpty() || schoolClass.isPresent()
                && !subject.get().periodsPerYear().containsKey(schoolClass.get().grade()))) {
            report.add("subject", "no such subject in the student's grade", "không có môn học này ở khối lớp của học sinh");
        }
        if (term != null && term != 1 && term != 2) {
            report.add("term", "the term is 1 or 2", "học kì phải là 1 hoặc 2");
        }
        Matcher fieldMatch = field == null ? null : FIELD.matcher(field);
        if (fieldMatch != null && !fieldMatch.matches()) {
            report.add("field", "the field is \"final\", \"midterm\" or \"regular[i]\"",
                    "trường điểm phải là \"final\", \"midterm\" hoặc \"regular[i]\"");
        }
        String mark = null;
        if (newValue != null && !newValue.isNull() && subject.isPresent()) {
            mark = MarkRule.check(newValue, subject.get().comment(), "newValue", report);
        } else if (newValue == null || newValue.isNull()) {
            report.add("newValue", "the new mark is required", "thiếu điểm mới");
        }
        if (!problems.isEmpty() || student.isEmpty() || subject.isEmpty() || term == null || fieldMatch == null) {
            return new Checked(Optional.empty(), problems);
        }
        var row = assessment(school, year, studentId, subjectCode, term);
        if (row.isEmpty()) {
            report.add("field", "the student has no marks of " + subjectCode + " in term " + term,
                    "học sinh không có điểm môn " + subjectCode + " ở học kì " + term);
            return new Checked(Optional.empty(), problems);
        }
        String old;
        if (fieldMatch.group(1) != null) {
            int index = Integer.parseInt(fieldMatch.group(1));
            List<String> regular = row.get().regular();
            if (index >= regular.size()) {
                report.add("field", "the student has " + regular.size() + " regular marks in this term"
                                + (regular.isEmpty() ? "" : " (regular[0] to regular[" + (regular.size() - 1) + "])"),
                        "học sinh có " + regular.size() + " điểm đánh giá thường xuyên trong học kì này");
                return new Checked(Optional.empty(), problems);
            }
            old = regular.get(index);
        } else {
            old = field.equals("final") ? row.get().finalMark() : row.get().midterm();
        }
        if (mark.equals(old)) {
            report.add("newValue", "the new mark equals the stored one (" + old + ")",
                    "điểm mới trùng với điểm đang lưu (" + old + ")");
            return new Checked(Optional.empty(), problems);
        }
        return new Checked(Optional.of(new Target(schoolClass.get().code(), studentId, subjectCode, term, field, old,
                mark)), problems);
    }

    /**
     * Stores the new value of an approved correction, in the caller's transaction (with the approval and its audit
     * entries: all or nothing). The class-term must still be locked (an unlocked term is edited directly, 409
     * {@code not-locked}) and the stored mark must still be the correction's old value (409 {@code mark-changed}).
     * Takes the school year's row lock first, as lock, unlock, entry and import do.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(String school, String year, ApprovedCorrection c) {
        String sha = directory.lockYear(school, year);
        if (!locks.isLocked(school, year, c.classCode(), c.term())) {
            throw MarkCorrectionRefusedException.unlocked(school, year, new ClassTerm(c.classCode(), c.term()));
        }
        var row = assessment(school, year, c.student(), c.subject(), c.term())
                .orElseThrow(() -> MarkCorrectionRefusedException.missing(c.student(), c.subject(), c.term()));
        Matcher field = FIELD.matcher(c.field());
        field.matches();
        String regular = RegularMarks.join(row.regular());
        String midterm = row.midterm();
        String finalMark = row.finalMark();
        String stored;
        if (field.group(1) != null) {
            int index = Integer.parseInt(field.group(1));
            if (index >= row.regular().size()) {
                throw MarkCorrectionRefusedException.missing(c.student(), c.subject(), c.term());
            }
            stored = row.regular().get(index);
            List<String> changed = new ArrayList<>(row.regular());
            changed.set(index, c.newValue());
            regular = RegularMarks.join(changed);
        } else if (c.field().equals("final")) {
            stored = finalMark;
            finalMark = c.newValue();
        } else {
            stored = midterm;
            midterm = c.newValue();
        }
        if (!Objects.equals(stored, c.oldValue())) {
            throw MarkCorrectionRefusedException.changed(c.field(), c.oldValue(), stored);
        }
        db.sql("""
                update assessment set regular_marks = ?, midterm = ?, final_mark = ?
                where school_code = ? and school_year = ? and student_id = ? and subject_code = ? and term = ?""")
                .params(regular, midterm, finalMark, school, year, c.student(), c.subject(), c.term()).update();
        // as mark entry does: the stored year no longer equals the dataset it was imported from
        String corrected = "correction " + c.correctionId() + " " + c.field() + " " + c.oldValue() + " -> " + c.newValue();
        db.sql("update school_year set dataset_sha256 = ? where school_code = ? and school_year = ?")
                .params(Hashes.sha256((sha + "\n" + corrected).getBytes(StandardCharsets.UTF_8)), school, year)
                .update();
    }

    private Optional<SchoolDirectory.AssessmentRow> assessment(String school, String year, String student, String subject,
                                                               int term) {
        return db.sql("""
                select regular_marks, midterm, final_mark from assessment
                where school_code = ? and school_year = ? and student_id = ? and subject_code = ? and term = ?""")
                .params(school, year, student, subject, term)
                .query((rs, i) -> new SchoolDirectory.AssessmentRow(subject, term,
                        RegularMarks.split(rs.getString(1)),
                        rs.getString(2), rs.getString(3)))
                .optional();
    }
}
