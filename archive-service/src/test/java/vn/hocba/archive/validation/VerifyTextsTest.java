package vn.hocba.archive.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** House rule (after petclinic's I18nPropertiesSyncTest): every word of the verify pages exists in both languages. */
class VerifyTextsTest {

    @Test
    void everyKeyHasAVietnameseAndAnEnglishText() {
        assertThat(VerifyTexts.EN.keySet()).containsExactlyElementsOf(VerifyTexts.VI.keySet());
        VerifyTexts.VI.forEach((k, v) -> assertThat(v).as(k).isNotBlank());
        VerifyTexts.EN.forEach((k, v) -> assertThat(v).as(k).isNotBlank());
    }

    @Test
    void placeholdersAgreeBetweenTheLanguages() {
        VerifyTexts.VI.forEach((k, v) -> assertThat(VerifyTexts.EN.get(k).contains("%s")).as(k).isEqualTo(v.contains("%s")));
    }

    @Test
    void onlyACanonicalUuidIsALookupCode() {
        assertThat(VerifyPages.lookupCode("0f8fad5b-d9cb-469f-a165-70867728950e")).isPresent();
        assertThat(VerifyPages.lookupCode("1-2-3-4-5")).isEmpty();
        assertThat(VerifyPages.lookupCode("not-a-code")).isEmpty();
        assertThat(VerifyPages.lookupCode("")).isEmpty();
    }

    @Test
    void aPdfIsRecognisedByItsHeaderInTheFirstKilobyte() {
        assertThat(DocumentValidation.looksLikePdf("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isTrue();
        assertThat(DocumentValidation.looksLikePdf(("garbage" + "%PDF-2.0").getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isTrue();
        assertThat(DocumentValidation.looksLikePdf("PK\u0003\u0004 a zip".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isFalse();
        assertThat(DocumentValidation.looksLikePdf(new byte[0])).isFalse();
        byte[] late = new byte[2048];
        System.arraycopy("%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, late, 1500, 8);
        assertThat(DocumentValidation.looksLikePdf(late)).isFalse();
    }
}
