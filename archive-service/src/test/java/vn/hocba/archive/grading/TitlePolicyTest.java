package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.archive.grading.GradingFixtures.grades;
import static vn.hocba.archive.grading.GradingFixtures.join;
import static vn.hocba.archive.grading.GradingFixtures.of;
import static vn.hocba.archive.grading.GradingFixtures.times;

import org.junit.jupiter.api.Test;

class TitlePolicyTest {

    @Test
    void sixSubjectsAtExactly9_0WithConductAndLearningTotIsXuatSac() {
        assertThat(TitlePolicy.title(Level.TOT, Level.TOT, grades(join(times(6, "9.0"), times(4, "8.0"), of("Đ")))))
                .contains(Title.XUAT_SAC);
    }

    @Test
    void fiveSubjectsAt9_0IsGioi() {
        assertThat(TitlePolicy.title(Level.TOT, Level.TOT, grades(join(times(5, "9.0"), times(5, "8.0"), of("Đ")))))
                .contains(Title.GIOI);
    }

    @Test
    void aSubjectAt8_9DoesNotCountTowardsXuatSac() {
        assertThat(TitlePolicy.title(Level.TOT, Level.TOT, grades(join(times(5, "9.0"), of("8.9"), times(4, "8.0")))))
                .contains(Title.GIOI);
    }

    @Test
    void commentSubjectsDoNotCountTowardsXuatSac() {
        assertThat(TitlePolicy.title(Level.TOT, Level.TOT, grades(join(times(5, "9.0"), times(5, "8.0"), times(4, "Đ")))))
                .contains(Title.GIOI);
    }

    @Test
    void conductBelowTotEarnsNoTitle() {
        assertThat(TitlePolicy.title(Level.KHA, Level.TOT, grades(times(10, "10.0")))).isEmpty();
    }

    @Test
    void learningBelowTotEarnsNoTitle() {
        assertThat(TitlePolicy.title(Level.TOT, Level.KHA, grades(times(10, "10.0")))).isEmpty();
    }
}
