package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The learning result (kết quả học tập) of a term or of the year, from the subject results of that
 * period (TT22 Điều 9): term averages and term comment results for a term, year averages and year
 * comment results for the year.
 *
 * <p>Two named steps: {@link #unadjusted} applies the level conditions (Điều 9.1-9.2), then
 * {@link #adjustForSingleSubject} applies the one-subject adjustment (Điều 9.3);
 * {@link #evaluate} does both.
 *
 * <p>Level conditions, "subjects" meaning scored subjects when a score is compared:
 * <ul>
 *   <li>Tốt: every comment subject Đ; every scored subject ≥ 6.5; at least 6 scored subjects ≥ 8.0.
 *   <li>Khá: every comment subject Đ; every scored subject ≥ 5.0; at least 6 scored subjects ≥ 6.5.
 *   <li>Đạt: at most 1 comment subject CĐ; at least 6 scored subjects ≥ 5.0; no scored subject &lt; 3.5.
 *   <li>Chưa đạt: otherwise.
 * </ul>
 * Each condition is either a <em>floor</em>, which every single subject must meet ("every comment
 * subject Đ", "every scored subject ≥ x", "at most 1 CĐ", "no subject &lt; 3.5"), or a
 * <em>count</em> ("at least 6 subjects ≥ y").
 */
public final class LearningResultPolicy {

    /** "at least 6 subjects" of every level (TT22 Điều 9). */
    static final int MINIMUM_SUBJECTS_AT_THRESHOLD = 6;
    /** Comment subjects allowed at CĐ for Đạt. */
    static final int MAXIMUM_CHUA_DAT_FOR_DAT = 1;

    static final BigDecimal TOT_COUNT_THRESHOLD = new BigDecimal("8.0");
    static final BigDecimal TOT_FLOOR = new BigDecimal("6.5");
    static final BigDecimal KHA_COUNT_THRESHOLD = new BigDecimal("6.5");
    static final BigDecimal KHA_FLOOR = new BigDecimal("5.0");
    static final BigDecimal DAT_COUNT_THRESHOLD = new BigDecimal("5.0");
    static final BigDecimal DAT_FLOOR = new BigDecimal("3.5");

    /** Index meaning "no subject is exempt". */
    private static final int NONE_EXEMPT = -1;

    private LearningResultPolicy() {
    }

    /**
     * The learning result of one period: {@link #unadjusted} followed by
     * {@link #adjustForSingleSubject}.
     *
     * @param grades the result of every subject of the period, none {@code null} (an incomplete
     *     period has no learning result: do not call this)
     */
    public static Level evaluate(List<SubjectGrade> grades) {
        return adjustForSingleSubject(unadjusted(grades), grades);
    }

    /**
     * The level the conditions of TT22 Điều 9.1-9.2 give, before the Điều 9.3 adjustment.
     *
     * @param grades the result of every subject of the period, none {@code null}
     */
    public static Level unadjusted(List<SubjectGrade> grades) {
        return levelExempting(requireGrades(grades), NONE_EXEMPT);
    }

    /**
     * TT22 Điều 9.3: "if the level falls two or more levels below the level it would have reached
     * were it not for the result of one single subject, it is raised to the next level up".
     *
     * <p>Interpretation (verify, DOMAIN.md marks it so): for each subject s, the hypothetical level
     * H(s) is computed with s exempt from every floor condition ("every comment subject Đ", "every
     * scored subject ≥ x", "at most 1 CĐ", "no subject &lt; 3.5") while s still counts as it is in
     * the "at least 6 subjects ≥ y" counts. H is the best H(s) over all subjects. If
     * {@code computed} is two or more levels below H, the result is {@code computed} raised by
     * exactly one level (never up to H itself); otherwise {@code computed} stands.
     *
     * <p>Examples: Tốt but for one subject at 4.0 (or one comment subject CĐ), computed Đạt, gives
     * Khá; Tốt but for one subject at 3.0, computed Chưa đạt, gives Đạt; Tốt but for one subject
     * at 6.0, computed Khá, stays Khá (one level only). Two weak subjects are not "one single
     * subject": exempting either leaves the other in force.
     *
     * <p>The adjusted level can never be Tốt (it would need a computed Khá two levels below H), so
     * titles, which need Tốt, are never earned through this adjustment.
     *
     * @param computed the level from {@link #unadjusted}
     * @param grades the same grades it was computed from
     */
    public static Level adjustForSingleSubject(Level computed, List<SubjectGrade> grades) {
        Objects.requireNonNull(computed, "computed");
        requireGrades(grades);
        Level best = computed;
        for (int exempt = 0; exempt < grades.size(); exempt++) {
            Level hypothetical = levelExempting(grades, exempt);
            if (hypothetical.atLeast(best)) {
                best = hypothetical;
            }
        }
        return computed.levelsBelow(best) >= 2 ? computed.raisedByOne() : computed;
    }

    /** The level of Điều 9.1-9.2, with the subject at {@code exempt} (if any) spared the floors. */
    private static Level levelExempting(List<SubjectGrade> grades, int exempt) {
        boolean everyCommentDat = true;
        int commentChuaDat = 0;
        boolean everyScoredAtTotFloor = true;
        boolean everyScoredAtKhaFloor = true;
        boolean noScoredBelowDatFloor = true;
        int atTotThreshold = 0;
        int atKhaThreshold = 0;
        int atDatThreshold = 0;

        for (int i = 0; i < grades.size(); i++) {
            boolean floorsApply = i != exempt;
            SubjectGrade grade = grades.get(i);
            if (grade instanceof SubjectGrade.Comment comment) {
                if (floorsApply && comment.value() == CommentMark.CHUA_DAT) {
                    everyCommentDat = false;
                    commentChuaDat++;
                }
            } else if (grade instanceof SubjectGrade.Average average) {
                // counts: the exempt subject still counts as it is
                if (average.atLeast(TOT_COUNT_THRESHOLD)) {
                    atTotThreshold++;
                }
                if (average.atLeast(KHA_COUNT_THRESHOLD)) {
                    atKhaThreshold++;
                }
                if (average.atLeast(DAT_COUNT_THRESHOLD)) {
                    atDatThreshold++;
                }
                if (floorsApply) {
                    everyScoredAtTotFloor &= average.atLeast(TOT_FLOOR);
                    everyScoredAtKhaFloor &= average.atLeast(KHA_FLOOR);
                    noScoredBelowDatFloor &= average.atLeast(DAT_FLOOR);
                }
            }
        }

        if (everyCommentDat && everyScoredAtTotFloor && atTotThreshold >= MINIMUM_SUBJECTS_AT_THRESHOLD) {
            return Level.TOT;
        }
        if (everyCommentDat && everyScoredAtKhaFloor && atKhaThreshold >= MINIMUM_SUBJECTS_AT_THRESHOLD) {
            return Level.KHA;
        }
        if (commentChuaDat <= MAXIMUM_CHUA_DAT_FOR_DAT
                && atDatThreshold >= MINIMUM_SUBJECTS_AT_THRESHOLD
                && noScoredBelowDatFloor) {
            return Level.DAT;
        }
        return Level.CHUA_DAT;
    }

    private static List<SubjectGrade> requireGrades(List<SubjectGrade> grades) {
        Objects.requireNonNull(grades, "grades");
        for (SubjectGrade grade : grades) {
            Objects.requireNonNull(grade, "a subject result is missing: the period is incomplete");
        }
        return grades;
    }
}
