package vn.hocba.archive.grading;

import java.util.List;
import java.util.Objects;

/**
 * The promotion outcome of a year and, when learning is Chưa đạt, the subjects to retest.
 *
 * @param outcome what follows the year
 * @param retestSubjects codes of the subjects with ĐTBmcn &lt; 5.0 or year result CĐ, in subject
 *     order, when the year learning is Chưa đạt and the outcome is {@link Promotion#RETEST} or
 *     {@link Promotion#CONDUCT_TRAINING}; empty otherwise
 */
public record PromotionDecision(Promotion outcome, List<String> retestSubjects) {

    public PromotionDecision {
        Objects.requireNonNull(outcome, "outcome");
        retestSubjects = List.copyOf(Objects.requireNonNull(retestSubjects, "retestSubjects"));
        if (outcome != Promotion.RETEST && outcome != Promotion.CONDUCT_TRAINING && !retestSubjects.isEmpty()) {
            throw new IllegalArgumentException(outcome + " has no retest subjects: " + retestSubjects);
        }
    }

    /** Whether the student moves up (lên lớp) now, without retest or training. */
    public boolean promoted() {
        return outcome == Promotion.PROMOTED;
    }
}
