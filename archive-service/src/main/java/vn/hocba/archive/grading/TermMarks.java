package vn.hocba.archive.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The marks of one subject in one term: the regular assessments (ĐĐGtx), the mid-term (ĐĐGgk)
 * and the end-of-term assessment (ĐĐGck).
 *
 * <p>A missing mark is absent: {@code midterm} and {@code finalMark} may be {@code null}; a
 * {@code null} {@code regular} list is read as empty, and {@code null} elements in it are dropped
 * (the import format writes a missing mark as {@code null} or leaves it out). Whether the marks
 * are enough to compute a result is decided by {@link RequiredAssessments}, not here.
 *
 * @param regular the regular marks present, in entry order; never {@code null} after construction
 * @param midterm the mid-term mark, or {@code null} when missing
 * @param finalMark the end-of-term mark, or {@code null} when missing
 */
public record TermMarks(List<Mark> regular, Mark midterm, Mark finalMark) {

    private static final TermMarks EMPTY = new TermMarks(List.of(), null, null);

    public TermMarks {
        List<Mark> present = new ArrayList<>();
        if (regular != null) {
            for (Mark mark : regular) {
                if (mark != null) {
                    present.add(mark);
                }
            }
        }
        regular = List.copyOf(present);
    }

    /** A term with no marks entered yet. */
    public static TermMarks empty() {
        return EMPTY;
    }

    /** Every mark present in this term: regular, then mid-term, then end-of-term. */
    public List<Mark> allMarks() {
        List<Mark> all = new ArrayList<>(regular);
        if (midterm != null) {
            all.add(midterm);
        }
        if (finalMark != null) {
            all.add(finalMark);
        }
        return List.copyOf(all);
    }

    /**
     * Whether every assessment TT22 requires is present: at least {@code requiredRegularCount}
     * regular marks, the mid-term and the end-of-term mark.
     */
    public boolean hasRequiredAssessments(int requiredRegularCount) {
        return regular.size() >= requiredRegularCount && midterm != null && finalMark != null;
    }

    @Override
    public String toString() {
        return "TermMarks[regular=" + regular + ", midterm=" + midterm + ", final=" + finalMark + "]";
    }

    static TermMarks orEmpty(TermMarks marks) {
        return Objects.requireNonNullElse(marks, EMPTY);
    }
}
