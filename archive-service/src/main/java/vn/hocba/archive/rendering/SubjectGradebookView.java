package vn.hocba.archive.rendering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed in one subject's class gradebook (sổ theo dõi và đánh giá học sinh, theo
 * lớp) for one period, already formatted for display in Vietnamese ("7.5", "Đ", "CĐ"). A mark
 * not taken is an empty string; a result the grading engine cannot compute yet is "—"; never
 * {@code null}.
 *
 * @param regularColumns how many ĐĐGtx columns a term page shows (the required count, or more
 *                       when a student has more marks); unused for {@link GradebookPeriod#YEAR}
 * @param commentOnly    the subject is assessed by comment (Đ / CĐ) rather than scored
 */
public record SubjectGradebookView(
        String lookupCode,
        int version,
        StudentRecordView.SchoolInfo school,
        String schoolYear,
        String className,
        int grade,
        String subjectCode,
        String subjectName,
        boolean commentOnly,
        GradebookPeriod period,
        int regularColumns,
        List<Row> rows,
        String subjectTeacherName,
        String homeroomTeacherName,
        String principalName,
        Instant renderedAt,
        Reissue reissue) {

    /** A first issue ({@link Reissue#NONE}). */
    public SubjectGradebookView(String lookupCode, int version, StudentRecordView.SchoolInfo school, String schoolYear, String className, int grade, String subjectCode, String subjectName, boolean commentOnly, GradebookPeriod period, int regularColumns, List<Row> rows, String subjectTeacherName, String homeroomTeacherName, String principalName, Instant renderedAt) {
        this(lookupCode, version, school, schoolYear, className, grade, subjectCode, subjectName, commentOnly, period, regularColumns, rows, subjectTeacherName, homeroomTeacherName, principalName, renderedAt, Reissue.NONE);
    }

    public SubjectGradebookView {
        Objects.requireNonNull(reissue, "reissue");
        GradebookViews.requireHeader(lookupCode, version, school, schoolYear, className, grade, renderedAt);
        GradebookViews.requireText(subjectCode, "subjectCode");
        SignatureSlot.subject(subjectCode); // a non-blank word
        GradebookViews.requireText(subjectName, "subjectName");
        Objects.requireNonNull(period, "period");
        if (period.isTerm() && (regularColumns < 1 || regularColumns > 12)) {
            throw new IllegalArgumentException("regularColumns must be 1..12: " + regularColumns);
        }
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a class gradebook lists at least one student");
        }
        for (Row row : rows) {
            if (period.isTerm() && row.regular().size() > regularColumns) {
                throw new IllegalArgumentException("student " + row.studentId() + " has more regular marks than columns");
            }
        }
        GradebookViews.requireText(subjectTeacherName, "subjectTeacherName");
        GradebookViews.requireText(homeroomTeacherName, "homeroomTeacherName");
        GradebookViews.requireText(principalName, "principalName");
    }

    /**
     * One student's line.
     *
     * @param regular  ĐĐGtx in the order taken (term pages)
     * @param midterm  ĐĐGgk (term pages)
     * @param finalMark ĐĐGck (term pages)
     * @param term1    ĐTBmhkI or the term 1 comment result
     * @param term2    ĐTBmhkII or the term 2 comment result
     * @param year     ĐTBmcn or the year comment result
     */
    public record Row(int number, String studentId, String fullName, List<String> regular, String midterm,
                      String finalMark, String term1, String term2, String year) {
        public Row {
            if (number < 1) {
                throw new IllegalArgumentException("number must be 1 or more: " + number);
            }
            GradebookViews.requireText(studentId, "row.studentId");
            GradebookViews.requireText(fullName, "row.fullName");
            regular = List.copyOf(regular);
            GradebookViews.requireText(midterm, "row.midterm");
            GradebookViews.requireText(finalMark, "row.finalMark");
            GradebookViews.requireText(term1, "row.term1");
            GradebookViews.requireText(term2, "row.term2");
            GradebookViews.requireText(year, "row.year");
        }
    }
}
