package vn.hocba.archive.grading;

import java.util.Objects;

/**
 * All marks of one student in one subject for a school year.
 *
 * <p>Every mark must match the subject's {@link AssessmentKind} (scores for SCORED, Đ / CĐ for
 * COMMENT). A {@code null} term is read as a term with no marks yet.
 *
 * @param subjectCode the subject code of the school-year dataset, e.g. {@code "TOAN"}
 * @param kind how the subject is assessed
 * @param periodsPerYear the subject's periods in this grade's school year, at least 1
 * @param term1 the marks of term 1 (học kỳ I)
 * @param term2 the marks of term 2 (học kỳ II)
 */
public record SubjectMarks(
        String subjectCode, AssessmentKind kind, int periodsPerYear, TermMarks term1, TermMarks term2) {

    public SubjectMarks {
        Objects.requireNonNull(subjectCode, "subjectCode");
        if (subjectCode.isBlank()) {
            throw new IllegalArgumentException("subjectCode must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        if (periodsPerYear < 1) {
            throw new IllegalArgumentException(
                    subjectCode + ": periodsPerYear must be positive: " + periodsPerYear);
        }
        term1 = TermMarks.orEmpty(term1);
        term2 = TermMarks.orEmpty(term2);
        requireKind(subjectCode, kind, 1, term1);
        requireKind(subjectCode, kind, 2, term2);
    }

    /** The number of regular assessments required per term for this subject. */
    public int requiredRegularCount() {
        return RequiredAssessments.regularCount(kind, periodsPerYear);
    }

    private static void requireKind(String subjectCode, AssessmentKind kind, int term, TermMarks marks) {
        for (Mark mark : marks.allMarks()) {
            if (mark.kind() != kind) {
                throw new IllegalArgumentException(subjectCode + " is assessed " + kind
                        + " but term " + term + " holds the mark " + mark);
            }
        }
    }
}
