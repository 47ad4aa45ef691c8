package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builders that keep the tests readable. Marks and grades are written as in the import format. */
final class GradingFixtures {

    /** Periods a year that require exactly 2 regular assessments. */
    static final int PERIODS_FOR_TWO_REGULAR = 35;
    /** Periods a year that require exactly 3 regular assessments. */
    static final int PERIODS_FOR_THREE_REGULAR = 70;

    private GradingFixtures() {
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static List<Mark> marks(String... texts) {
        List<Mark> marks = new ArrayList<>();
        for (String text : texts) {
            marks.add(Mark.parse(text));
        }
        return marks;
    }

    /** A term with the given mid-term, end-of-term and regular marks ("7.5", "Đ", "CĐ"). */
    static TermMarks term(String midterm, String finalMark, String... regular) {
        return new TermMarks(marks(regular), Mark.parse(midterm), Mark.parse(finalMark));
    }

    /** A complete scored term (2 regular marks) whose every mark, hence whose average, is {@code value}. */
    static TermMarks flatScoredTerm(String value) {
        return term(value, value, value, value);
    }

    /** A scored subject of 35 periods whose term and year averages are all {@code average}. */
    static SubjectMarks scored(String code, String average) {
        return new SubjectMarks(code, AssessmentKind.SCORED, PERIODS_FOR_TWO_REGULAR,
                flatScoredTerm(average), flatScoredTerm(average));
    }

    /** A comment subject with every mark Đ except the term 2 final, which is {@code term2Final}. */
    static SubjectMarks comment(String code, String term2Final) {
        return new SubjectMarks(code, AssessmentKind.COMMENT, PERIODS_FOR_TWO_REGULAR,
                term("Đ", "Đ", "Đ", "Đ"), term("Đ", term2Final, "Đ", "Đ"));
    }

    /** Period results as written: "8.0" is an average, "Đ" / "CĐ" a comment result. */
    static List<SubjectGrade> grades(String... values) {
        List<SubjectGrade> grades = new ArrayList<>();
        for (String value : values) {
            grades.add(switch (value) {
                case "Đ" -> SubjectGrade.comment(CommentMark.DAT);
                case "CĐ" -> SubjectGrade.comment(CommentMark.CHUA_DAT);
                default -> SubjectGrade.average(dec(value));
            });
        }
        return grades;
    }

    /** {@code count} copies of {@code value}. */
    static String[] times(int count, String value) {
        String[] values = new String[count];
        Arrays.fill(values, value);
        return values;
    }

    /** The arrays concatenated. */
    static String[] join(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] part : parts) {
            all.addAll(Arrays.asList(part));
        }
        return all.toArray(String[]::new);
    }

    /** Shorthand for a few literal values. */
    static String[] of(String... values) {
        return values;
    }
}
