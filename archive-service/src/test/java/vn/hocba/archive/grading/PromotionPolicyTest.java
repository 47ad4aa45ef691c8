package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    private static SubjectResult yearResult(String code, String value) {
        return switch (value) {
            case "Đ" -> new SubjectResult(code, AssessmentKind.COMMENT, null, null, SubjectGrade.comment(CommentMark.DAT));
            case "CĐ" -> new SubjectResult(code, AssessmentKind.COMMENT, null, null,
                    SubjectGrade.comment(CommentMark.CHUA_DAT));
            default -> new SubjectResult(code, AssessmentKind.SCORED, null, null,
                    SubjectGrade.average(GradingFixtures.dec(value)));
        };
    }

    private static final List<SubjectResult> WEAK_YEAR = List.of(
            yearResult("TOAN", "4.9"),
            yearResult("NGU_VAN", "5.0"),
            yearResult("NN1", "3.0"),
            yearResult("GDTC", "Đ"),
            yearResult("NGHE_THUAT", "CĐ"));

    @Test
    void promotedWithConductAndLearningDatAnd45DaysAbsent() {
        PromotionDecision decision = PromotionPolicy.decide(Level.DAT, Level.DAT, 45, WEAK_YEAR);
        assertThat(decision.outcome()).isEqualTo(Promotion.PROMOTED);
        assertThat(decision.promoted()).isTrue();
        assertThat(decision.retestSubjects()).isEmpty();
    }

    @Test
    void fortySixDaysAbsentRepeatTheYearWhateverTheResults() {
        PromotionDecision decision = PromotionPolicy.decide(Level.TOT, Level.TOT, 46, WEAK_YEAR);
        assertThat(decision.outcome()).isEqualTo(Promotion.REPEAT_YEAR);
        assertThat(decision.promoted()).isFalse();
        assertThat(decision.retestSubjects()).isEmpty();
    }

    @Test
    void learningChuaDatLeadsToARetestOfEverySubjectBelow5_0OrChuaDat() {
        PromotionDecision decision = PromotionPolicy.decide(Level.DAT, Level.CHUA_DAT, 0, WEAK_YEAR);
        assertThat(decision.outcome()).isEqualTo(Promotion.RETEST);
        assertThat(decision.promoted()).isFalse();
        assertThat(decision.retestSubjects()).containsExactly("TOAN", "NN1", "NGHE_THUAT");
    }

    @Test
    void conductChuaDatLeadsToConductTraining() {
        PromotionDecision decision = PromotionPolicy.decide(Level.CHUA_DAT, Level.KHA, 0, WEAK_YEAR);
        assertThat(decision.outcome()).isEqualTo(Promotion.CONDUCT_TRAINING);
        assertThat(decision.retestSubjects()).isEmpty();
    }

    @Test
    void conductAndLearningChuaDatLeadToConductTrainingWithTheRetestSubjectsListed() {
        PromotionDecision decision = PromotionPolicy.decide(Level.CHUA_DAT, Level.CHUA_DAT, 10, WEAK_YEAR);
        assertThat(decision.outcome()).isEqualTo(Promotion.CONDUCT_TRAINING);
        assertThat(decision.retestSubjects()).containsExactly("TOAN", "NN1", "NGHE_THUAT");
    }

    @Test
    void aDecisionOtherThanRetestOrTrainingCarriesNoRetestSubjects() {
        assertThatThrownBy(() -> new PromotionDecision(Promotion.PROMOTED, List.of("TOAN")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeAbsence() {
        assertThatThrownBy(() -> PromotionPolicy.decide(Level.TOT, Level.TOT, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
