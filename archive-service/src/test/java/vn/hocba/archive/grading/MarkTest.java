package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocba.archive.grading.GradingFixtures.dec;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkTest {

    @Test
    void parsesTheImportSymbolsForDatAndChuaDat() {
        assertThat(Mark.parse("Đ")).isEqualTo(Mark.comment(CommentMark.DAT));
        assertThat(Mark.parse("CĐ")).isEqualTo(Mark.comment(CommentMark.CHUA_DAT));
    }

    @Test
    void parsesAScoreWithOneDecimal() {
        assertThat(Mark.parse("7.5")).isEqualTo(Mark.score(dec("7.5")));
    }

    @Test
    void holdsEveryScoreWithScaleOneSoThatEqualMarksAreEqual() {
        Mark.Score whole = Mark.score("7");
        assertThat(whole.value()).isEqualByComparingTo("7");
        assertThat(whole.value().scale()).isEqualTo(1);
        assertThat(whole).isEqualTo(Mark.score("7.0")).isEqualTo(Mark.score(dec("7.00")));
    }

    @Test
    void acceptsTheBoundsZeroAndTen() {
        assertThat(Mark.score("0").value()).hasToString("0.0");
        assertThat(Mark.score("10").value()).hasToString("10.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1", "-0.1", "11", "7.55", "6.45", "abc", "", "D", "CD", "đ", " 7"})
    void refusesAnythingThatIsNeitherAScoreNorACommentMark(String text) {
        assertThatThrownBy(() -> Mark.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Mark.score((BigDecimal) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Mark.comment(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Mark.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void knowsWhichKindOfSubjectItBelongsTo() {
        assertThat(Mark.parse("8").kind()).isEqualTo(AssessmentKind.SCORED);
        assertThat(Mark.parse("Đ").kind()).isEqualTo(AssessmentKind.COMMENT);
    }

    @Test
    void commentMarksHaveAnImportSymbolAndAnApiCode() {
        assertThat(CommentMark.DAT.importSymbol()).isEqualTo("Đ");
        assertThat(CommentMark.DAT.code()).isEqualTo("D");
        assertThat(CommentMark.CHUA_DAT.importSymbol()).isEqualTo("CĐ");
        assertThat(CommentMark.CHUA_DAT.code()).isEqualTo("CD");
        assertThat(CommentMark.fromCode("CD")).isEqualTo(CommentMark.CHUA_DAT);
        assertThatThrownBy(() -> CommentMark.fromCode("Đ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommentMark.parse("D")).isInstanceOf(IllegalArgumentException.class);
    }
}
