package vn.hocba.archive.workflow;

import java.util.Objects;

import vn.hocba.archive.rendering.GradebookPeriod;

/**
 * What a document is about, the same for all its versions: a student's record of a school year, a subject's gradebook
 * of a class for a period, or a class's summary book for a period. Every version (a reissue after a correction) has its
 * own lookup code; the key names the series.
 *
 * @param student the student's id for {@link DocumentType#STUDENT_RECORD}, else null
 * @param subject the subject code for {@link DocumentType#CLASS_GRADEBOOK}, else null
 * @param period  the period of class documents, null for a student record (which covers the year)
 */
public record DocumentKey(DocumentType type, String school, String schoolYear, String classCode, String student,
                          String subject, GradebookPeriod period) {

    public DocumentKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(classCode, "classCode");
        switch (type) {
            case STUDENT_RECORD -> {
                Objects.requireNonNull(student, "student");
                if (subject != null || period != null) {
                    throw new IllegalArgumentException("a student record has no subject nor period");
                }
            }
            case CLASS_GRADEBOOK -> {
                Objects.requireNonNull(subject, "subject");
                Objects.requireNonNull(period, "period");
                if (student != null) {
                    throw new IllegalArgumentException("a gradebook belongs to a class, not a student");
                }
            }
            case CLASS_SUMMARY -> {
                Objects.requireNonNull(period, "period");
                if (student != null || subject != null) {
                    throw new IllegalArgumentException("a summary book has no student nor subject");
                }
            }
        }
    }

    public static DocumentKey studentRecord(String school, String year, String classCode, String student) {
        return new DocumentKey(DocumentType.STUDENT_RECORD, school, year, classCode, student, null, null);
    }

    public static DocumentKey gradebook(String school, String year, String classCode, String subject,
                                        GradebookPeriod period) {
        return new DocumentKey(DocumentType.CLASS_GRADEBOOK, school, year, classCode, null, subject, period);
    }

    public static DocumentKey summary(String school, String year, String classCode, GradebookPeriod period) {
        return new DocumentKey(DocumentType.CLASS_SUMMARY, school, year, classCode, null, null, period);
    }

    /** The terms whose data the document prints: both for a student record and a year book, else its term. */
    public java.util.Set<Integer> terms() {
        return period == null || !period.isTerm() ? java.util.Set.of(1, 2) : java.util.Set.of(period.term());
    }

    /** For messages, e.g. "CLASS_GRADEBOOK 6A TOAN TERM1 2024-2025". */
    public String describe() {
        StringBuilder s = new StringBuilder(type.name()).append(' ').append(classCode);
        if (student != null) {
            s.append(' ').append(student);
        }
        if (subject != null) {
            s.append(' ').append(subject);
        }
        if (period != null) {
            s.append(' ').append(period);
        }
        return s.append(' ').append(schoolYear).toString();
    }

    /** Vietnamese, for messages: "học bạ của HS…", "sổ theo dõi môn TOAN lớp 6A (Học kì I)". */
    public String describeVi() {
        return switch (type) {
            case STUDENT_RECORD -> "học bạ của " + student + " năm học " + schoolYear;
            case CLASS_GRADEBOOK -> "sổ theo dõi và đánh giá môn " + subject + " lớp " + classCode + " (" + period.label()
                    + ") năm học " + schoolYear;
            case CLASS_SUMMARY -> "sổ tổng hợp kết quả lớp " + classCode + " (" + period.label() + ") năm học " + schoolYear;
        };
    }
}
