package vn.hocba.archive.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.hocba.archive.workflow.DocumentWorkflow;
import vn.hocba.signing.DocumentTimestamp;
import vn.hocba.signing.SignatureResult;
import vn.hocba.signing.SignatureResult.Chain;
import vn.hocba.signing.SignatureResult.Revocation;
import vn.hocba.signing.ValidationReport;

/** How the validator's results become the API's report and the page's words, in Vietnamese and English. */
class ValidationAnswerTest {

    private static final Instant SIGNED = Instant.parse("2025-05-30T03:15:00Z");
    private static final Instant STAMPED = Instant.parse("2025-05-30T03:15:02Z");

    static SignatureResult passed() {
        return new SignatureResult("S-1", "SERIALNUMBER=GV0042,CN=Nguyễn Thị Hồng Nhung,O=Trường THCS Nguyễn Du,C=VN",
                "TOTAL_PASSED", null, SIGNED, "PAdES-BASELINE-LT", "Nguyễn Thị Hồng Nhung", "CN=Hocba Root CA,C=VN",
                STAMPED, true, true, Chain.TRUSTED, Revocation.GOOD);
    }

    static SignatureResult failed(String indication, String subIndication) {
        return new SignatureResult("S-2", "CN=Trần Văn Đức", indication, subIndication, SIGNED, "PAdES-BASELINE-B",
                "Trần Văn Đức", "CN=Hocba Root CA,C=VN", null, false, false,
                subIndication.startsWith("NO_CERTIFICATE") ? Chain.NOT_TRUSTED : Chain.TRUSTED,
                Revocation.NO_REVOCATION_AVAILABLE);
    }

    @Test
    void everyMemberOfTheApiComesFromTheValidatorsResult() {
        UUID code = UUID.randomUUID();
        var validation = new DocumentValidation.Validation("ab".repeat(32),
                new ValidationReport(List.of(passed()), List.of(new DocumentTimestamp("T-1", STAMPED, true))),
                new PdfaCheck.Pdfa(true, "PDF/A-2B"), new DocumentWorkflow.ArchivedVersion(code, 2));

        ValidationAnswer answer = ValidationAnswer.of(validation, false);

        assertThat(answer.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signer()).isEqualTo("Nguyễn Thị Hồng Nhung");
            assertThat(s.signedAt()).isEqualTo(SIGNED);
            assertThat(s.timestampedAt()).isEqualTo(STAMPED);
            assertThat(s.level()).isEqualTo("PAdES-BASELINE-LT");
            assertThat(s.indication()).isEqualTo("TOTAL_PASSED");
            assertThat(s.subIndication()).isNull();
            assertThat(s.timestamped()).isTrue();
            assertThat(s.revocationEmbedded()).isTrue();
            assertThat(s.integrity()).isEqualTo("INTACT");
            assertThat(s.chain()).isEqualTo(Chain.TRUSTED);
            assertThat(s.revocation()).isEqualTo(Revocation.GOOD);
            assertThat(s.issuer()).isEqualTo("CN=Hocba Root CA,C=VN");
            assertThat(s.message()).startsWith("Chữ ký hợp lệ");
        });
        assertThat(answer.documentTimestamps()).singleElement().isEqualTo(new ValidationAnswer.DocumentTimestampReport(STAMPED, true));
        assertThat(answer.pdfa()).isEqualTo(new ValidationAnswer.PdfaReport(true, "PDF/A-2B"));
        assertThat(answer.archived()).isEqualTo(new ValidationAnswer.ArchivedVersion(code, 2));
        assertThat(answer.summary()).isEqualTo("Cả 1 chữ ký đều hợp lệ. Tệp trùng khớp từng byte với một văn bản đã lưu"
                + " trữ trong hệ thống.");
    }

    @Test
    void aFileChangedAfterItsSignaturesSaysSoFirstAndEachSignatureIsValidOnlyForWhatItSigned() {
        var validation = new DocumentValidation.Validation("ab".repeat(32),
                new ValidationReport(List.of(passed()), List.of(), 1_234, java.util.Set.of()),
                new PdfaCheck.Pdfa(false, "PDF/A-2B"), null);

        ValidationAnswer answer = ValidationAnswer.of(validation, false);

        assertThat(answer.changedAfterSigning()).isTrue();
        assertThat(answer.summary()).startsWith("CẢNH BÁO: tệp đã bị sửa đổi sau khi ký")
                .contains("1 trên 1 chữ ký hợp lệ với bản mà chữ ký đó đã ký").doesNotContain("đều hợp lệ");
        assertThat(answer.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).as("DSS's own result over the signed bytes").isEqualTo("TOTAL_PASSED");
            assertThat(s.integrity()).isEqualTo("CHANGED_AFTER");
            assertThat(s.message()).startsWith("Cảnh báo: chữ ký hợp lệ với bản đã ký, nhưng tệp đã bị sửa đổi");
        });
        assertThat(ValidationAnswer.of(validation, true).summary())
                .startsWith("WARNING: the file was changed after it was signed");

        // DSS's modification detection names one signature: only that one is changed after
        SignatureResult later = new SignatureResult("S-9", "CN=Lê Văn Phúc", "TOTAL_PASSED", null, SIGNED,
                "PAdES-BASELINE-LT", "Lê Văn Phúc", "CN=Hocba Root CA,C=VN", STAMPED, true, true, Chain.TRUSTED,
                Revocation.GOOD);
        var detected = new DocumentValidation.Validation("cd".repeat(32),
                new ValidationReport(List.of(passed(), later), List.of(), 0, java.util.Set.of("S-1")),
                new PdfaCheck.Pdfa(true, "PDF/A-2B"), null);
        var signatures = ValidationAnswer.of(detected, false).signatures();
        assertThat(signatures.get(0).integrity()).isEqualTo("CHANGED_AFTER");
        assertThat(signatures.get(1).integrity()).isEqualTo("INTACT");
        assertThat(ValidationAnswer.of(detected, false).changedAfterSigning()).isTrue();
    }

    @Test
    void aTrustedChainWithoutRevocationDataInTheFileSaysSoRatherThanAGeneralFailure() {
        SignatureResult beingSigned = new SignatureResult("S-3", "CN=Trần Văn Đức", "INDETERMINATE",
                "CERTIFICATE_CHAIN_GENERAL_FAILURE", SIGNED, "PAdES-BASELINE-T", "Trần Văn Đức", "CN=Hocba Root CA,C=VN",
                STAMPED, true, false, Chain.TRUSTED, Revocation.NOT_CHECKED);

        assertThat(SignatureVerdict.message(beingSigned, false, false))
                .isEqualTo("Chưa xác nhận được: tệp không kèm dữ liệu thu hồi dùng được cho chứng thư số của người ký.");
        assertThat(SignatureVerdict.message(beingSigned, false, true))
                .isEqualTo("Not confirmed: the file holds no usable revocation data for the signer's certificate.");
    }

    @Test
    void aDocumentTimestampThatDoesNotVerifyIsCountedInTheSummary() {
        var validation = new DocumentValidation.Validation("ab".repeat(32),
                new ValidationReport(List.of(passed()), List.of(new DocumentTimestamp("T-1", STAMPED, false))),
                new PdfaCheck.Pdfa(true, "PDF/A-2B"), null);

        assertThat(ValidationAnswer.of(validation, false).summary()).startsWith("Cả 1 chữ ký đều hợp lệ. Có 1 dấu thời"
                + " gian toàn văn bản không hợp lệ");
        assertThat(ValidationAnswer.of(validation, true).summary()).contains("1 document timestamp(s) do not verify");
    }

    @Test
    void aChangedDocumentIsNamedAsSuchInBothLanguages() {
        SignatureResult changed = failed("TOTAL_FAILED", "HASH_FAILURE");

        assertThat(SignatureVerdict.of(changed, false, false).integrity()).isEqualTo("CHANGED");
        assertThat(SignatureVerdict.of(changed, false, false).message())
                .isEqualTo("Chữ ký không hợp lệ: văn bản đã bị thay đổi sau khi ký.");
        assertThat(SignatureVerdict.of(changed, false, true).message())
                .isEqualTo("Invalid signature: the document was changed after it was signed.");
        assertThat(SignatureVerdict.of(changed, false, false).integrityText()).isEqualTo("ĐÃ BỊ THAY ĐỔI sau khi ký");
    }

    @Test
    void anUntrustedIssuerIsNotConfirmedButTheDocumentIsIntact() {
        SignatureVerdict verdict = SignatureVerdict.of(failed("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND"), false, true);

        assertThat(verdict.integrity()).isEqualTo("INTACT");
        assertThat(verdict.message()).isEqualTo("Not confirmed: the signer's certificate does not come from an issuer"
                + " this service trusts.");
        assertThat(verdict.chainText()).startsWith("not trusted");
    }

    @Test
    void anUnknownSubIndicationIsStillReportedByName() {
        assertThat(SignatureVerdict.of(failed("INDETERMINATE", "POLICY_PROCESSING_ERROR"), false, false).message())
                .isEqualTo("Chưa xác nhận được (POLICY_PROCESSING_ERROR).");
        assertThat(SignatureVerdict.of(failed("TOTAL_FAILED", "FORMAT_FAILURE"), false, true).integrity()).isEqualTo("UNKNOWN");
    }

    @Test
    void timesAreShownInVietnamsTimeZoneAndAMissingTimestampIsSaidSo() {
        SignatureVerdict vi = SignatureVerdict.of(failed("TOTAL_FAILED", "HASH_FAILURE"), false, false);
        assertThat(vi.signedAtText()).isEqualTo("10:15:00 ngày 30/05/2025 (giờ Việt Nam)");
        assertThat(vi.timestampText()).isEqualTo("không có (chỉ có thời điểm do người ký khai)");
        assertThat(SignatureVerdict.of(passed(), false, true).timestampText()).isEqualTo("2025-05-30 10:15:02 (UTC+7)");
    }

    @Test
    void revocationStatusesReadAsWords() {
        assertThat(SignatureVerdict.revocationText(Revocation.REVOKED, false)).isEqualTo("ĐÃ BỊ THU HỒI");
        assertThat(SignatureVerdict.revocationText(Revocation.NOT_CHECKED, true))
                .isEqualTo("not checked: the file holds no revocation data");
        for (Revocation r : Revocation.values()) {
            assertThat(SignatureVerdict.revocationText(r, false)).isNotBlank();
            assertThat(SignatureVerdict.revocationText(r, true)).isNotBlank();
        }
    }

    @Test
    void theSummaryCountsValidSignaturesAndSaysWhetherTheFileIsArchived() {
        var signatures = List.of(ValidationAnswer.signature(passed(), false, true),
                ValidationAnswer.signature(failed("TOTAL_FAILED", "HASH_FAILURE"), false, true));
        assertThat(ValidationAnswer.summary(signatures, false, 0, false, true))
                .isEqualTo("1 of 2 signature(s) are valid. The file is not a document archived by this service.");
        assertThat(ValidationAnswer.summary(List.of(), false, 0, false, false))
                .isEqualTo("Tệp không có chữ ký số nào. Tệp không trùng với văn bản nào đã lưu trữ trong hệ thống.");
    }

    @Test
    void aSignerWithoutCommonNameIsNamedByTheSubject() {
        SignatureResult noCn = new SignatureResult("S-3", "O=Trường,C=VN", "TOTAL_PASSED", null, SIGNED,
                "PAdES-BASELINE-B", null, "CN=Root", null, false, false, Chain.TRUSTED, Revocation.NOT_CHECKED);
        assertThat(ValidationAnswer.signature(noCn, false, false).signer()).isEqualTo("O=Trường,C=VN");
    }
}
