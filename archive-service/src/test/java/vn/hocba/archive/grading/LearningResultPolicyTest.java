package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocba.archive.grading.GradingFixtures.grades;
import static vn.hocba.archive.grading.GradingFixtures.join;
import static vn.hocba.archive.grading.GradingFixtures.of;
import static vn.hocba.archive.grading.GradingFixtures.times;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LearningResultPolicyTest {

    private static final String[] COMMENTS_DAT = {"Đ", "Đ", "Đ"};

    /** Six at 8.0 and the rest well above 6.5: Tốt as long as nothing else interferes. */
    private static String[] totWith(String... others) {
        return join(times(6, "8.0"), times(4 - others.length, "7.0"), others, COMMENTS_DAT);
    }

    private static Level unadjusted(String... values) {
        return LearningResultPolicy.unadjusted(grades(values));
    }

    private static Level evaluated(String... values) {
        return LearningResultPolicy.evaluate(grades(values));
    }

    @Nested
    class LevelConditions {

        @Test
        void totWithExactlySixSubjectsAt8_0() {
            assertThat(unadjusted(totWith())).isEqualTo(Level.TOT);
        }

        @Test
        void fiveSubjectsAt8_0AreOnlyKha() {
            assertThat(unadjusted(join(times(5, "8.0"), times(5, "7.0"), COMMENTS_DAT))).isEqualTo(Level.KHA);
        }

        @Test
        void aSubjectAt7_9DoesNotCountAmongTheSixAt8_0() {
            assertThat(unadjusted(join(times(5, "8.0"), of("7.9"), times(4, "7.0"), COMMENTS_DAT)))
                    .isEqualTo(Level.KHA);
        }

        @Test
        void commentSubjectsDoNotCountAmongTheSix() {
            assertThat(unadjusted(join(times(5, "8.0"), times(6, "Đ")))).isEqualTo(Level.CHUA_DAT);
        }

        @Test
        void aScoredSubjectAtExactly6_5KeepsTot() {
            assertThat(unadjusted(totWith("6.5"))).isEqualTo(Level.TOT);
        }

        @Test
        void aScoredSubjectAt6_4LowersTotToKha() {
            assertThat(unadjusted(totWith("6.4"))).isEqualTo(Level.KHA);
            assertThat(evaluated(totWith("6.4"))).isEqualTo(Level.KHA);
        }

        @Test
        void khaWithExactlySixSubjectsAt6_5AndTheRestAt5_0() {
            assertThat(unadjusted(join(times(6, "6.5"), times(4, "5.0"), COMMENTS_DAT))).isEqualTo(Level.KHA);
        }

        @Test
        void fiveSubjectsAt6_5AreOnlyDat() {
            assertThat(unadjusted(join(times(5, "6.5"), times(5, "5.0"), COMMENTS_DAT))).isEqualTo(Level.DAT);
        }

        @Test
        void aKhaSubjectAt4_9GivesDatAndIsNotRaisedBecauseKhaIsOnlyOneLevelUp() {
            String[] values = join(times(6, "6.5"), times(3, "5.0"), of("4.9"), COMMENTS_DAT);
            assertThat(unadjusted(values)).isEqualTo(Level.DAT);
            assertThat(evaluated(values)).isEqualTo(Level.DAT);
        }

        @Test
        void datAllowsASubjectAtExactly3_5() {
            assertThat(unadjusted(join(times(6, "5.0"), times(3, "4.0"), of("3.5"), COMMENTS_DAT)))
                    .isEqualTo(Level.DAT);
        }

        @Test
        void aSubjectAt3_4MakesDatChuaDat() {
            String[] values = join(times(6, "5.0"), times(3, "4.0"), of("3.4"), COMMENTS_DAT);
            assertThat(unadjusted(values)).isEqualTo(Level.CHUA_DAT);
            assertThat(evaluated(values)).isEqualTo(Level.CHUA_DAT);
        }

        @Test
        void datNeedsSixScoredSubjectsAt5_0() {
            String[] five = join(times(5, "5.0"), times(5, "4.0"), COMMENTS_DAT);
            assertThat(unadjusted(five)).isEqualTo(Level.CHUA_DAT);
            assertThat(evaluated(five)).isEqualTo(Level.CHUA_DAT);
        }

        @Test
        void datWithExactlyOneCommentSubjectChuaDat() {
            String[] values = join(times(6, "6.5"), times(4, "6.0"), of("Đ", "Đ", "CĐ"));
            assertThat(unadjusted(values)).isEqualTo(Level.DAT);
            assertThat(evaluated(values)).isEqualTo(Level.DAT);
        }

        @Test
        void twoCommentSubjectsChuaDatAreChuaDatAndNotRaised() {
            String[] values = join(times(6, "6.5"), times(4, "6.0"), of("Đ", "CĐ", "CĐ"));
            assertThat(unadjusted(values)).isEqualTo(Level.CHUA_DAT);
            assertThat(evaluated(values)).isEqualTo(Level.CHUA_DAT);
        }

        @Test
        void anIncompletePeriodIsRefused() {
            List<SubjectGrade> withGap = Arrays.asList(SubjectGrade.average(GradingFixtures.dec("8.0")), null);
            assertThatThrownBy(() -> LearningResultPolicy.evaluate(withGap)).isInstanceOf(NullPointerException.class);
        }
    }

    /** TT22 Điều 9.3: raised one level when one single subject pulls it two or more levels down. */
    @Nested
    class SingleSubjectAdjustment {

        @Test
        void totExceptOneSubjectAt4_0ComputedDatIsRaisedToKha() {
            assertThat(unadjusted(totWith("4.0"))).isEqualTo(Level.DAT);
            assertThat(evaluated(totWith("4.0"))).isEqualTo(Level.KHA);
        }

        @Test
        void totExceptOneCommentSubjectChuaDatComputedDatIsRaisedToKha() {
            String[] values = join(times(6, "8.0"), times(4, "7.0"), of("Đ", "Đ", "CĐ"));
            assertThat(unadjusted(values)).isEqualTo(Level.DAT);
            assertThat(evaluated(values)).isEqualTo(Level.KHA);
        }

        @Test
        void totExceptOneSubjectBelow3_5ComputedChuaDatIsRaisedOnlyToDat() {
            assertThat(unadjusted(totWith("3.0"))).isEqualTo(Level.CHUA_DAT);
            assertThat(evaluated(totWith("3.0"))).isEqualTo(Level.DAT);
        }

        @Test
        void khaExceptOneSubjectBelow3_5ComputedChuaDatIsRaisedToDat() {
            String[] values = join(times(6, "6.5"), times(3, "6.0"), of("3.0"), COMMENTS_DAT);
            assertThat(unadjusted(values)).isEqualTo(Level.CHUA_DAT);
            assertThat(evaluated(values)).isEqualTo(Level.DAT);
        }

        @Test
        void oneLevelBelowIsNotRaised() {
            assertThat(unadjusted(totWith("6.0"))).isEqualTo(Level.KHA);
            assertThat(evaluated(totWith("6.0"))).isEqualTo(Level.KHA);
        }

        @Test
        void twoWeakSubjectsAreNotOneSingleSubject() {
            // exempting either weak subject leaves the other: the best would-be level is Đạt
            assertThat(unadjusted(totWith("3.0", "4.0"))).isEqualTo(Level.CHUA_DAT);
            assertThat(evaluated(totWith("3.0", "4.0"))).isEqualTo(Level.CHUA_DAT);
        }

        @Test
        void theExemptSubjectStillCountsAsItIsInTheSixSubjectCounts() {
            // five at 8.0 and one at 4.0: without the 4.0 floor the student is Khá, not Tốt
            // (the 4.0 is not imagined to be an 8.0), so computed Đạt is one level below: no raise
            String[] values = join(times(5, "8.0"), of("4.0"), times(4, "7.0"), COMMENTS_DAT);
            assertThat(unadjusted(values)).isEqualTo(Level.DAT);
            assertThat(evaluated(values)).isEqualTo(Level.DAT);
        }

        @Test
        void theAdjustmentIsItsOwnStep() {
            List<SubjectGrade> grades = grades(totWith("4.0"));
            assertThat(LearningResultPolicy.adjustForSingleSubject(Level.DAT, grades)).isEqualTo(Level.KHA);
            assertThat(LearningResultPolicy.adjustForSingleSubject(Level.KHA, grades)).isEqualTo(Level.KHA);
            assertThat(LearningResultPolicy.adjustForSingleSubject(Level.CHUA_DAT, grades)).isEqualTo(Level.DAT);
        }

        @Test
        void aTotResultIsNeverChanged() {
            assertThat(evaluated(totWith())).isEqualTo(Level.TOT);
        }
    }
}
