package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The entry point: applies the rules of Thông tư 22/2021/TT-BGDĐT to one student's year.
 *
 * <p>Order: each subject's term results ({@link TermAverage}, {@link CommentSubjectResult}) and
 * year result ({@link YearAverage}); the learning result per term and year
 * ({@link LearningResultPolicy}, with the Điều 9.3 adjustment); the year conduct
 * ({@link YearConductPolicy}); promotion ({@link PromotionPolicy}); title ({@link TitlePolicy}).
 *
 * <p>Incomplete input is never guessed: a term lacking a required assessment has no result, and
 * every value depending on a missing one is {@code null}; {@link StudentYearResult#complete()}
 * then is false. A student with no subjects at all has no learning result either.
 */
public final class Tt22Assessment {

    private Tt22Assessment() {
    }

    /** Computes every TT22 result of one student's year. */
    public static StudentYearResult evaluate(StudentYearInput input) {
        Objects.requireNonNull(input, "input");
        List<SubjectResult> subjects = new ArrayList<>();
        for (SubjectMarks marks : input.subjects()) {
            subjects.add(evaluateSubject(marks));
        }

        PeriodLevels learning = new PeriodLevels(
                learningOf(subjects, SubjectResult::term1),
                learningOf(subjects, SubjectResult::term2),
                learningOf(subjects, SubjectResult::year));

        Level conductYear = input.conductTerm1() == null || input.conductTerm2() == null
                ? null
                : YearConductPolicy.yearLevel(input.conductTerm1(), input.conductTerm2());
        PeriodLevels conduct = new PeriodLevels(input.conductTerm1(), input.conductTerm2(), conductYear);

        PromotionDecision promotion = null;
        Title title = null;
        if (conductYear != null && learning.year() != null) {
            promotion = PromotionPolicy.decide(conductYear, learning.year(), input.daysAbsent(), subjects);
            title = TitlePolicy.title(conductYear, learning.year(), grades(subjects, SubjectResult::year))
                    .orElse(null);
        }

        boolean complete = subjects.stream().allMatch(SubjectResult::complete)
                && learning.complete()
                && conduct.complete()
                && promotion != null;
        return new StudentYearResult(
                input.studentId(), subjects, learning, conduct, input.daysAbsent(), promotion, title, complete);
    }

    /**
     * The term and year results of one subject (a gradebook row). A scored subject's year average
     * needs both term averages; a comment subject's year result is its term 2 result, known as
     * soon as term 2 is.
     */
    public static SubjectResult evaluateSubject(SubjectMarks marks) {
        Objects.requireNonNull(marks, "marks");
        int required = marks.requiredRegularCount();
        if (marks.kind() == AssessmentKind.COMMENT) {
            Optional<CommentMark> term1 = CommentSubjectResult.ofTerm(marks.term1(), required);
            Optional<CommentMark> term2 = CommentSubjectResult.ofTerm(marks.term2(), required);
            Optional<CommentMark> year = term2.map(CommentSubjectResult::ofYear);
            return new SubjectResult(marks.subjectCode(), marks.kind(),
                    term1.map(SubjectGrade::comment).orElse(null),
                    term2.map(SubjectGrade::comment).orElse(null),
                    year.map(SubjectGrade::comment).orElse(null));
        }
        Optional<BigDecimal> term1 = TermAverage.of(marks.term1(), required);
        Optional<BigDecimal> term2 = TermAverage.of(marks.term2(), required);
        Optional<BigDecimal> year = term1.isPresent() && term2.isPresent()
                ? Optional.of(YearAverage.of(term1.get(), term2.get()))
                : Optional.empty();
        return new SubjectResult(marks.subjectCode(), marks.kind(),
                term1.map(SubjectGrade::average).orElse(null),
                term2.map(SubjectGrade::average).orElse(null),
                year.map(SubjectGrade::average).orElse(null));
    }

    /**
     * The learning result of one period, or {@code null} when a subject's result is missing or the
     * student has no subjects at all (nothing to assess is not an assessment).
     */
    private static Level learningOf(List<SubjectResult> subjects, Function<SubjectResult, SubjectGrade> period) {
        List<SubjectGrade> grades = grades(subjects, period);
        return grades.isEmpty() || grades.contains(null) ? null : LearningResultPolicy.evaluate(grades);
    }

    private static List<SubjectGrade> grades(List<SubjectResult> subjects, Function<SubjectResult, SubjectGrade> period) {
        List<SubjectGrade> grades = new ArrayList<>(subjects.size());
        for (SubjectResult subject : subjects) {
            grades.add(period.apply(subject));
        }
        return grades;
    }
}
