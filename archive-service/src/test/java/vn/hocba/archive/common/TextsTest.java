package vn.hocba.archive.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void foldsVietnameseToPlainLowerCaseLetters() {
        assertThat(Texts.fold("Nguyễn Văn An")).isEqualTo("nguyen van an");
        assertThat(Texts.fold("Đặng Thị Đào")).isEqualTo("dang thi dao");
        assertThat(Texts.fold(null)).isEmpty();
    }

    @Test
    void foldsEveryApostropheVariantToTheStraightOne() {
        for (String apostrophe : new String[] {"'", "\u2019", "\u02BC", "\u2018", "`", "\u00B4"}) {
            assertThat(Texts.fold("H" + apostrophe + "Hen Niê")).as(apostrophe).isEqualTo("h'hen nie");
        }
    }

    @Test
    void aHyphenInsideANameBecomesAnApostropheButNotBetweenDigits() {
        assertThat(Texts.fold("Y-Moan Êban")).isEqualTo("y'moan eban");
        assertThat(Texts.fold("Y\u2010Moan")).isEqualTo("y'moan");
        assertThat(Texts.fold("2024-2025")).isEqualTo("2024-2025");
        assertThat(Texts.fold("- Toán -")).isEqualTo("- toan -");
    }

    @Test
    void decomposedAndComposedTextFoldAlikeAndNfcComposes() {
        String nfd = Normalizer.normalize("Nguyễn Niê", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Nguyễn Niê");
        assertThat(Texts.fold(nfd)).isEqualTo(Texts.fold("Nguyễn Niê"));
        assertThat(Texts.nfc(nfd)).isEqualTo("Nguyễn Niê");
        assertThat(Texts.nfc(null)).isEmpty();
    }
}
