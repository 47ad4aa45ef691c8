package vn.hocba.archive.rendering;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything printed in a class's summary book (tổng hợp kết quả đánh giá của lớp) for one
 * period: per student the result of every subject, the learning result, conduct and days absent;
 * for the year also the promotion decision and the title. Formatted for display; a result the
 * grading engine cannot compute yet is "—", never guessed; never {@code null}.
 */
public record ClassSummaryView(
        String lookupCode,
        int version,
        StudentRecordView.SchoolInfo school,
        String schoolYear,
        String className,
        int grade,
        GradebookPeriod period,
        List<SubjectColumn> subjects,
        List<Row> rows,
        String homeroomTeacherName,
        String principalName,
        Instant renderedAt,
        Reissue reissue) {

    /** A first issue ({@link Reissue#NONE}). */
    public ClassSummaryView(String lookupCode, int version, StudentRecordView.SchoolInfo school, String schoolYear, String className, int grade, GradebookPeriod period, List<SubjectColumn> subjects, List<Row> rows, String homeroomTeacherName, String principalName, Instant renderedAt) {
        this(lookupCode, version, school, schoolYear, className, grade, period, subjects, rows, homeroomTeacherName, principalName, renderedAt, Reissue.NONE);
    }

    public ClassSummaryView {
        Objects.requireNonNull(reissue, "reissue");
        GradebookViews.requireHeader(lookupCode, version, school, schoolYear, className, grade, renderedAt);
        Objects.requireNonNull(period, "period");
        subjects = List.copyOf(subjects);
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("a summary book lists at least one subject");
        }
        Set<String> codes = new HashSet<>();
        for (SubjectColumn subject : subjects) {
            if (!codes.add(subject.code())) {
                throw new IllegalArgumentException("subject listed twice: " + subject.code());
            }
        }
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a summary book lists at least one student");
        }
        for (Row row : rows) {
            if (row.subjectResults().size() != subjects.size()) {
                throw new IllegalArgumentException("student " + row.studentId() + " needs one result per subject");
            }
        }
        GradebookViews.requireText(homeroomTeacherName, "homeroomTeacherName");
        GradebookViews.requireText(principalName, "principalName");
    }

    /** A subject column, in the school's subject order. */
    public record SubjectColumn(String code, String name) {
        public SubjectColumn {
            GradebookViews.requireText(code, "subject.code");
            GradebookViews.requireText(name, "subject.name");
        }
    }

    /**
     * One student's line.
     *
     * @param subjectResults one per {@link #subjects()}, same order
     * @param promotion      "Được lên lớp"... for the year, empty for a term
     * @param title          "Học sinh Giỏi"... for the year, empty for none or a term
     */
    public record Row(int number, String studentId, String fullName, List<String> subjectResults, String learning,
                      String conduct, String daysAbsent, String promotion, String title) {
        public Row {
            if (number < 1) {
                throw new IllegalArgumentException("number must be 1 or more: " + number);
            }
            GradebookViews.requireText(studentId, "row.studentId");
            GradebookViews.requireText(fullName, "row.fullName");
            subjectResults = List.copyOf(subjectResults);
            GradebookViews.requireText(learning, "row.learning");
            GradebookViews.requireText(conduct, "row.conduct");
            GradebookViews.requireText(daysAbsent, "row.daysAbsent");
            GradebookViews.requireText(promotion, "row.promotion");
            GradebookViews.requireText(title, "row.title");
        }
    }
}
