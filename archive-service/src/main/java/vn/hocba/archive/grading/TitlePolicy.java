package vn.hocba.archive.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The year title (TT22 Điều 15): Xuất sắc when conduct and learning are Tốt and at least 6 scored
 * subjects have ĐTBmcn ≥ 9.0; Giỏi when conduct and learning are Tốt; none otherwise.
 */
public final class TitlePolicy {

    static final BigDecimal XUAT_SAC_THRESHOLD = new BigDecimal("9.0");
    static final int XUAT_SAC_MINIMUM_SUBJECTS = 6;

    private TitlePolicy() {
    }

    /**
     * The title of a complete year, or empty when none is earned.
     *
     * @param yearConduct the year conduct
     * @param yearLearning the year learning result
     * @param yearGrades every subject's year result
     */
    public static Optional<Title> title(Level yearConduct, Level yearLearning, List<SubjectGrade> yearGrades) {
        Objects.requireNonNull(yearConduct, "yearConduct");
        Objects.requireNonNull(yearLearning, "yearLearning");
        Objects.requireNonNull(yearGrades, "yearGrades");
        if (yearConduct != Level.TOT || yearLearning != Level.TOT) {
            return Optional.empty();
        }
        long atNine = yearGrades.stream()
                .filter(SubjectGrade.Average.class::isInstance)
                .map(SubjectGrade.Average.class::cast)
                .filter(average -> average.atLeast(XUAT_SAC_THRESHOLD))
                .count();
        return Optional.of(atNine >= XUAT_SAC_MINIMUM_SUBJECTS ? Title.XUAT_SAC : Title.GIOI);
    }
}
