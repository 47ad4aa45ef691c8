package vn.hocba.archive.grading;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of a comment-only subject (TT22 Điều 9).
 *
 * <p>Term: Đ when every required assessment is present and every mark present is Đ, otherwise CĐ.
 * While a required assessment is missing the result is empty (entry in progress: incomplete, never
 * silently CĐ). Extra regular marks beyond the required count are judged too. Year: the term 2
 * result.
 */
public final class CommentSubjectResult {

    private CommentSubjectResult() {
    }

    /**
     * The term result, or empty when a required assessment is missing.
     *
     * @param marks the term's marks, all comment marks
     * @param requiredRegularCount see {@link RequiredAssessments#regularCount}
     * @throws IllegalArgumentException when a mark is a score
     */
    public static Optional<CommentMark> ofTerm(TermMarks marks, int requiredRegularCount) {
        Objects.requireNonNull(marks, "marks");
        if (!marks.hasRequiredAssessments(requiredRegularCount)) {
            return Optional.empty();
        }
        CommentMark result = CommentMark.DAT;
        for (Mark mark : marks.allMarks()) {
            if (!(mark instanceof Mark.Comment comment)) {
                throw new IllegalArgumentException("a comment subject needs Đ / CĐ, found the score " + mark);
            }
            if (comment.value() == CommentMark.CHUA_DAT) {
                result = CommentMark.CHUA_DAT;
            }
        }
        return Optional.of(result);
    }

    /** The year result: the term 2 result (TT22 Điều 9). */
    public static CommentMark ofYear(CommentMark term2Result) {
        return Objects.requireNonNull(term2Result, "term2Result");
    }
}
