package vn.hocba.archive.grading;

import java.util.Objects;

/**
 * The results of one subject: term 1, term 2 and year, each an average with one decimal
 * ({@link SubjectGrade.Average}), a comment result ({@link SubjectGrade.Comment}), or {@code null}
 * while it cannot be computed. For the results API write
 * {@code SubjectGrade.jsonValueOf(term1())} etc.: {@code {"code":"TOAN","term1":7.9,...}}.
 *
 * @param code the subject code
 * @param kind how the subject is assessed
 * @param term1 ĐTBmhkI or the term 1 comment result, or {@code null}
 * @param term2 ĐTBmhkII or the term 2 comment result, or {@code null}
 * @param year ĐTBmcn or the year comment result, or {@code null}
 */
public record SubjectResult(
        String code, AssessmentKind kind, SubjectGrade term1, SubjectGrade term2, SubjectGrade year) {

    public SubjectResult {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        requireKind(code, kind, term1);
        requireKind(code, kind, term2);
        requireKind(code, kind, year);
    }

    /** Whether term 1, term 2 and year are all known. */
    public boolean complete() {
        return term1 != null && term2 != null && year != null;
    }

    private static void requireKind(String code, AssessmentKind kind, SubjectGrade grade) {
        if (grade == null) {
            return;
        }
        AssessmentKind gradeKind = grade instanceof SubjectGrade.Average ? AssessmentKind.SCORED : AssessmentKind.COMMENT;
        if (gradeKind != kind) {
            throw new IllegalArgumentException(code + " is assessed " + kind + " but has the result " + grade);
        }
    }
}
