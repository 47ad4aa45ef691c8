package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.archive.grading.GradingFixtures.comment;
import static vn.hocba.archive.grading.GradingFixtures.dec;
import static vn.hocba.archive.grading.GradingFixtures.scored;
import static vn.hocba.archive.grading.GradingFixtures.term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Tt22AssessmentTest {

    /** Toán, 140 periods (4 regular assessments): term 1 average 7.9, term 2 8.1, year 8.0. */
    private static final SubjectMarks TOAN = new SubjectMarks("TOAN", AssessmentKind.SCORED, 140,
            term("7.9", "7.9", "7.9", "7.9", "7.9", "7.9"),
            term("8.1", "8.1", "8.1", "8.1", "8.1", "8.1"));

    /** The other subjects of a grade-6 student: five scored at 8.0 or more, two at 7.5, four comment Đ. */
    private static List<SubjectMarks> otherSubjects() {
        return List.of(
                scored("NGU_VAN", "8.5"),
                scored("NN1", "8.0"),
                scored("GDCD", "9.0"),
                scored("LSDL", "8.0"),
                scored("KHTN", "8.0"),
                scored("CONG_NGHE", "7.5"),
                scored("TIN_HOC", "7.5"),
                comment("GDTC", "Đ"),
                comment("NGHE_THUAT", "Đ"),
                comment("HDTN_HN", "Đ"),
                comment("GDDP", "Đ"));
    }

    private static List<SubjectMarks> with(SubjectMarks first, List<SubjectMarks> rest) {
        List<SubjectMarks> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static StudentYearInput student(List<SubjectMarks> subjects, Level conduct1, Level conduct2, int days) {
        return new StudentYearInput("HS2400001", subjects, conduct1, conduct2, days);
    }

    @Test
    void aCompleteYearGivesEveryResultOfTheApiExample() {
        StudentYearResult result = Tt22Assessment.evaluate(
                student(with(TOAN, otherSubjects()), Level.TOT, Level.TOT, 3));

        SubjectResult toan = result.subjects().get(0);
        assertThat(toan.code()).isEqualTo("TOAN");
        assertThat(SubjectGrade.jsonValueOf(toan.term1())).isEqualTo(dec("7.9"));
        assertThat(SubjectGrade.jsonValueOf(toan.term2())).isEqualTo(dec("8.1"));
        assertThat(SubjectGrade.jsonValueOf(toan.year())).isEqualTo(dec("8.0"));
        SubjectResult gdtc = result.subjects().get(8);
        assertThat(gdtc.code()).isEqualTo("GDTC");
        assertThat(List.of(gdtc.term1(), gdtc.term2(), gdtc.year()))
                .extracting(SubjectGrade::jsonValue).containsExactly("D", "D", "D");

        // term 1: only five subjects at 8.0 (Toán 7.9); term 2 and year: six
        assertThat(result.learning()).isEqualTo(new PeriodLevels(Level.KHA, Level.TOT, Level.TOT));
        assertThat(result.conduct()).isEqualTo(new PeriodLevels(Level.TOT, Level.TOT, Level.TOT));
        assertThat(result.daysAbsent()).isEqualTo(3);
        assertThat(result.promoted()).isTrue();
        assertThat(result.promotion().outcome()).isEqualTo(Promotion.PROMOTED);
        assertThat(result.title()).isEqualTo(Title.GIOI);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void averagesAreDecimalsWithOneDigitAfterThePointForTheApi() {
        StudentYearResult result = Tt22Assessment.evaluate(
                student(with(TOAN, otherSubjects()), Level.TOT, Level.TOT, 3));

        Object year = SubjectGrade.jsonValueOf(result.subjects().get(0).year());
        assertThat(year).isInstanceOf(BigDecimal.class).hasToString("8.0");
        assertThat(((BigDecimal) year).scale()).isEqualTo(1);
    }

    @Test
    void aMissingFinalMarkLeavesEverythingThatDependsOnItNull() {
        SubjectMarks toanWithoutTerm2Final = new SubjectMarks("TOAN", AssessmentKind.SCORED, 140,
                TOAN.term1(), new TermMarks(TOAN.term2().regular(), TOAN.term2().midterm(), null));

        StudentYearResult result = Tt22Assessment.evaluate(
                student(with(toanWithoutTerm2Final, otherSubjects()), Level.TOT, Level.TOT, 3));

        SubjectResult toan = result.subjects().get(0);
        assertThat(toan.term1()).isEqualTo(SubjectGrade.average(dec("7.9")));
        assertThat(toan.term2()).isNull();
        assertThat(toan.year()).isNull();
        assertThat(result.learning()).isEqualTo(new PeriodLevels(Level.KHA, null, null));
        assertThat(result.conduct().year()).isEqualTo(Level.TOT);
        assertThat(result.promotion()).isNull();
        assertThat(result.promoted()).isNull();
        assertThat(result.title()).isNull();
        assertThat(result.complete()).isFalse();
    }

    @Test
    void tooFewRegularMarksMakeTheTermIncomplete() {
        SubjectMarks toanWithThreeRegular = new SubjectMarks("TOAN", AssessmentKind.SCORED, 140,
                term("7.9", "7.9", "7.9", "7.9", "7.9"), TOAN.term2());

        StudentYearResult result = Tt22Assessment.evaluate(
                student(with(toanWithThreeRegular, otherSubjects()), Level.TOT, Level.TOT, 3));

        assertThat(result.subjects().get(0).term1()).isNull();
        assertThat(result.learning()).isEqualTo(new PeriodLevels(null, Level.TOT, null));
        assertThat(result.complete()).isFalse();
    }

    @Test
    void conductNotYetEnteredForTermTwoLeavesYearConductAndPromotionNull() {
        StudentYearResult result = Tt22Assessment.evaluate(
                student(with(TOAN, otherSubjects()), Level.TOT, null, 3));

        assertThat(result.conduct()).isEqualTo(new PeriodLevels(Level.TOT, null, null));
        assertThat(result.learning().complete()).isTrue();
        assertThat(result.promoted()).isNull();
        assertThat(result.title()).isNull();
        assertThat(result.complete()).isFalse();
    }

    @Test
    void aStudentWithoutSubjectsHasNoLearningResult() {
        StudentYearResult result = Tt22Assessment.evaluate(student(List.of(), Level.TOT, Level.TOT, 0));

        assertThat(result.learning()).isEqualTo(new PeriodLevels(null, null, null));
        assertThat(result.complete()).isFalse();
    }

    @Test
    void fortySixDaysAbsentIsNotPromotedAndFortyFiveIs() {
        StudentYearInput base = student(with(TOAN, otherSubjects()), Level.TOT, Level.TOT, 45);
        assertThat(Tt22Assessment.evaluate(base).promoted()).isTrue();

        StudentYearResult absent = Tt22Assessment.evaluate(
                student(with(TOAN, otherSubjects()), Level.TOT, Level.TOT, 46));
        assertThat(absent.promoted()).isFalse();
        assertThat(absent.promotion().outcome()).isEqualTo(Promotion.REPEAT_YEAR);
        assertThat(absent.complete()).isTrue();
    }

    @Test
    void sixSubjectsAt9_0AreXuatSac() {
        List<SubjectMarks> subjects = List.of(
                scored("TOAN", "9.0"), scored("NGU_VAN", "9.0"), scored("NN1", "9.0"),
                scored("GDCD", "9.0"), scored("LSDL", "9.0"), scored("KHTN", "9.0"),
                scored("CONG_NGHE", "8.0"), scored("TIN_HOC", "7.0"), comment("GDTC", "Đ"));

        StudentYearResult result = Tt22Assessment.evaluate(student(subjects, Level.KHA, Level.TOT, 0));

        assertThat(result.conduct().year()).isEqualTo(Level.TOT);
        assertThat(result.learning().year()).isEqualTo(Level.TOT);
        assertThat(result.title()).isEqualTo(Title.XUAT_SAC);
    }

    @Test
    void theSingleSubjectAdjustmentAppliesToEveryPeriod() {
        // Tốt everywhere except Công nghệ at 4.0 in both terms: each period computes Đạt, raised to Khá
        List<SubjectMarks> subjects = List.of(
                scored("TOAN", "8.0"), scored("NGU_VAN", "8.0"), scored("NN1", "8.0"),
                scored("GDCD", "8.0"), scored("LSDL", "8.0"), scored("KHTN", "8.0"),
                scored("CONG_NGHE", "4.0"), scored("TIN_HOC", "7.0"), comment("GDTC", "Đ"));

        StudentYearResult result = Tt22Assessment.evaluate(student(subjects, Level.TOT, Level.TOT, 0));

        assertThat(result.learning()).isEqualTo(new PeriodLevels(Level.KHA, Level.KHA, Level.KHA));
        assertThat(result.promoted()).isTrue();
        assertThat(result.title()).isNull();
    }

    @Test
    void learningChuaDatListsTheSubjectsToRetest() {
        List<SubjectMarks> subjects = List.of(
                scored("TOAN", "3.0"), scored("NGU_VAN", "4.0"), scored("NN1", "5.0"),
                scored("GDCD", "6.0"), scored("LSDL", "6.0"), scored("KHTN", "6.0"),
                scored("CONG_NGHE", "6.0"), scored("TIN_HOC", "6.0"), comment("GDTC", "CĐ"),
                comment("NGHE_THUAT", "Đ"));

        StudentYearResult result = Tt22Assessment.evaluate(student(subjects, Level.KHA, Level.KHA, 0));

        assertThat(result.learning().year()).isEqualTo(Level.CHUA_DAT);
        assertThat(result.promoted()).isFalse();
        assertThat(result.promotion().outcome()).isEqualTo(Promotion.RETEST);
        assertThat(result.promotion().retestSubjects()).containsExactly("TOAN", "NGU_VAN", "GDTC");
        assertThat(result.complete()).isTrue();
    }

    @Test
    void subjectsKeepTheirInputOrder() {
        StudentYearResult result = Tt22Assessment.evaluate(
                student(with(TOAN, otherSubjects()), Level.TOT, Level.TOT, 0));

        assertThat(result.subjects()).extracting(SubjectResult::code).containsExactly(
                "TOAN", "NGU_VAN", "NN1", "GDCD", "LSDL", "KHTN", "CONG_NGHE", "TIN_HOC",
                "GDTC", "NGHE_THUAT", "HDTN_HN", "GDDP");
    }
}
