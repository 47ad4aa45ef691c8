package vn.hocba.archive.grading;

import java.util.List;
import java.util.Objects;

/**
 * Everything TT22 computes for one student and school year, shaped like the results API
 * ({@code GET .../students/{studentId}/results}). A value that cannot be computed yet is
 * {@code null}.
 *
 * @param studentId the student's id
 * @param subjects per subject, in input order
 * @param learning learning result per term and year
 * @param conduct conduct per term (as entered) and year
 * @param daysAbsent days absent in the year
 * @param promotion the promotion decision, or {@code null} while the year conduct or learning is
 *     unknown
 * @param title the year title, or {@code null} when none is earned or it cannot be computed yet
 * @param complete true only when every subject result, learning and conduct level and the
 *     promotion decision are known ({@code title} may then still be {@code null}: none earned)
 */
public record StudentYearResult(
        String studentId,
        List<SubjectResult> subjects,
        PeriodLevels learning,
        PeriodLevels conduct,
        int daysAbsent,
        PromotionDecision promotion,
        Title title,
        boolean complete) {

    public StudentYearResult {
        Objects.requireNonNull(studentId, "studentId");
        subjects = List.copyOf(Objects.requireNonNull(subjects, "subjects"));
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(conduct, "conduct");
    }

    /** The API's {@code promoted}: whether the student moves up now; {@code null} while unknown. */
    public Boolean promoted() {
        return promotion == null ? null : promotion.promoted();
    }
}
