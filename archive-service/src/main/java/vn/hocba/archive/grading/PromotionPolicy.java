package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Promotion at the end of the year (lên lớp, TT22 Điều 12-14).
 *
 * <p>Promoted when the year conduct is at least Đạt, the year learning result is at least Đạt and
 * the student was absent at most 45 days (excused and unexcused together; TT22 counts "buổi",
 * which is a day under the one-session-a-day plan: verify for two-session schools).
 * Otherwise, in this order:
 * <ol>
 *   <li>more than 45 days absent: {@link Promotion#REPEAT_YEAR}, nothing to retest;
 *   <li>year conduct Chưa đạt: {@link Promotion#CONDUCT_TRAINING} (Điều 13), with the retest
 *       subjects listed if learning is Chưa đạt too (Điều 14 lets only students with conduct
 *       ≥ Đạt retest, so training comes first);
 *   <li>year learning Chưa đạt: {@link Promotion#RETEST} (Điều 14) of every scored subject with
 *       ĐTBmcn &lt; 5.0 and every comment subject with year result CĐ.
 * </ol>
 * The results of a retest or a training, and the decision after them, are out of scope here.
 */
public final class PromotionPolicy {

    /** Most days a student may be absent in the year and still be promoted. */
    static final int MAXIMUM_DAYS_ABSENT = 45;
    /** A scored subject below this year average is retested. */
    static final BigDecimal RETEST_BELOW = new BigDecimal("5.0");

    private PromotionPolicy() {
    }

    /**
     * The promotion decision of a complete year.
     *
     * @param yearConduct the year conduct
     * @param yearLearning the year learning result (after the Điều 9.3 adjustment)
     * @param daysAbsent days absent in the year, at least 0
     * @param subjects the subject results, each with its year result
     */
    public static PromotionDecision decide(
            Level yearConduct, Level yearLearning, int daysAbsent, List<SubjectResult> subjects) {
        Objects.requireNonNull(yearConduct, "yearConduct");
        Objects.requireNonNull(yearLearning, "yearLearning");
        Objects.requireNonNull(subjects, "subjects");
        if (daysAbsent < 0) {
            throw new IllegalArgumentException("daysAbsent must not be negative: " + daysAbsent);
        }
        if (daysAbsent > MAXIMUM_DAYS_ABSENT) {
            return new PromotionDecision(Promotion.REPEAT_YEAR, List.of());
        }
        List<String> retest = yearLearning.atLeast(Level.DAT) ? List.of() : retestSubjects(subjects);
        if (yearConduct.isBelow(Level.DAT)) {
            return new PromotionDecision(Promotion.CONDUCT_TRAINING, retest);
        }
        if (yearLearning.isBelow(Level.DAT)) {
            return new PromotionDecision(Promotion.RETEST, retest);
        }
        return new PromotionDecision(Promotion.PROMOTED, List.of());
    }

    /** Subjects with ĐTBmcn &lt; 5.0 or year result CĐ, in subject order (TT22 Điều 14). */
    static List<String> retestSubjects(List<SubjectResult> subjects) {
        List<String> codes = new ArrayList<>();
        for (SubjectResult subject : subjects) {
            SubjectGrade year = Objects.requireNonNull(subject.year(), () -> subject.code() + ": no year result");
            boolean weak = year instanceof SubjectGrade.Average average
                    ? !average.atLeast(RETEST_BELOW)
                    : ((SubjectGrade.Comment) year).value() == CommentMark.CHUA_DAT;
            if (weak) {
                codes.add(subject.code());
            }
        }
        return codes;
    }
}
