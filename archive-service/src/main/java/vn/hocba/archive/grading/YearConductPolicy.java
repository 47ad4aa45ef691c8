package vn.hocba.archive.grading;

import static vn.hocba.archive.grading.Level.CHUA_DAT;
import static vn.hocba.archive.grading.Level.DAT;
import static vn.hocba.archive.grading.Level.KHA;
import static vn.hocba.archive.grading.Level.TOT;

import java.util.Objects;

/**
 * The year conduct (kết quả rèn luyện cả năm) from the two term levels (TT22 Điều 8).
 *
 * <ul>
 *   <li>Tốt: T2 Tốt and T1 ≥ Khá.
 *   <li>Khá: (T2 Khá and T1 ≥ Đạt) or (T2 Đạt and T1 Tốt) or (T2 Tốt and T1 ≤ Đạt).
 *   <li>Đạt: (T2 Đạt and T1 Khá, Đạt or Chưa đạt) or (T2 Khá and T1 Chưa đạt).
 *   <li>Chưa đạt: otherwise, i.e. whenever T2 is Chưa đạt.
 * </ul>
 */
public final class YearConductPolicy {

    private YearConductPolicy() {
    }

    /** The year level from term 1 ({@code term1}) and term 2 ({@code term2}) conduct. */
    public static Level yearLevel(Level term1, Level term2) {
        Objects.requireNonNull(term1, "term1");
        Objects.requireNonNull(term2, "term2");
        if (term2 == TOT && term1.atLeast(KHA)) {
            return TOT;
        }
        if ((term2 == KHA && term1.atLeast(DAT))
                || (term2 == DAT && term1 == TOT)
                || (term2 == TOT && term1.atMost(DAT))) {
            return KHA;
        }
        if ((term2 == DAT && term1.atMost(KHA)) || (term2 == KHA && term1 == CHUA_DAT)) {
            return DAT;
        }
        return CHUA_DAT;
    }
}
