package vn.hocba.archive.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.common.NotFoundException;

class ItemResultTest {

    /** A refusal as the workflow throws them: status, stable type, English and Vietnamese detail. */
    static final class Refusal extends HocbaException {
        Refusal(HttpStatus status, String type) {
            super(status, type, "en: " + type, "vi: " + type);
        }
    }

    @Test
    void aSequenceRefusalIsSkippedWithItsTypeAsTheReason() {
        for (String type : new String[] {"out-of-turn", "already-signed", "record-complete", "superseded", "step-signed"}) {
            var result = ItemResult.of(new Refusal(HttpStatus.CONFLICT, type));
            assertThat(result.outcome()).as(type).isEqualTo(ItemOutcome.SKIPPED);
            assertThat(result.reason()).isEqualTo(type);
            assertThat(result.detailEn()).isEqualTo("en: " + type);
            assertThat(result.detailVi()).isEqualTo("vi: " + type);
        }
    }

    @Test
    void noPlaceInTheSequenceOrAnUnreadableDocumentIsSkipped() {
        assertThat(ItemResult.of(new ForbiddenException("no place", "không có tên")))
                .isEqualTo(new ItemResult(ItemOutcome.SKIPPED, "forbidden", "no place", "không có tên"));
        assertThat(ItemResult.of(new NotFoundException("document x", "văn bản x")).outcome()).isEqualTo(ItemOutcome.SKIPPED);
    }

    @Test
    void aDocumentChangedSinceItWasCheckedIsSkipped() {
        assertThat(ItemResult.of(new Refusal(HttpStatus.PRECONDITION_FAILED, "precondition-failed")).outcome())
                .isEqualTo(ItemOutcome.SKIPPED);
    }

    @Test
    void aBusyDocumentFailsRatherThanSkips() {
        assertThat(ItemResult.of(new Refusal(HttpStatus.CONFLICT, "busy")))
                .extracting(ItemResult::outcome, ItemResult::reason).containsExactly(ItemOutcome.FAILED, "busy");
    }

    @Test
    void aDependencyDownFailsWithItsType() {
        assertThat(ItemResult.of(new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "timestamp-unavailable")))
                .extracting(ItemResult::outcome, ItemResult::reason)
                .containsExactly(ItemOutcome.FAILED, "timestamp-unavailable");
        var database = ItemResult.of(new DataAccessResourceFailureException("connection refused to 10.0.0.5 user=x"));
        assertThat(database.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(database.reason()).isEqualTo("unavailable");
        assertThat(database.detailEn()).doesNotContain("10.0.0.5");
    }

    @Test
    void aPdfNotIntactFailsAsAnIntegrityProblem() {
        var result = ItemResult.of(new DocumentNotIntactException("aa", "bb"));
        assertThat(result.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("integrity");
        assertThat(result.detailVi()).contains("không được ký");
    }

    @Test
    void aSigningKeyErrorFailsWithoutQuotingIt() {
        var result = ItemResult.of(new vn.hocba.signing.SigningException("PKCS#11 slot 3 pin=1234 locked"));
        assertThat(result.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("signing-failed");
        assertThat(result.detailEn() + result.detailVi()).doesNotContain("1234");
    }

    @Test
    void anUnexpectedErrorFailsAsInternal() {
        var result = ItemResult.of(new IllegalStateException("boom HS2400001"));
        assertThat(result).extracting(ItemResult::outcome, ItemResult::reason)
                .containsExactly(ItemOutcome.FAILED, "internal");
        assertThat(result.detailEn()).doesNotContain("HS2400001");
    }

    @Test
    void theIntegrityCheckRefusesBytesThatAreNotTheRecordedOnes() {
        var check = new IntegrityCheck();
        byte[] pdf = "%PDF-1.7 …".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var view = new vn.hocba.archive.workflow.DocumentView(java.util.UUID.randomUUID(),
                vn.hocba.archive.workflow.DocumentType.STUDENT_RECORD, "S", "2024-2025", "6A", "HS1", null, null, 1,
                vn.hocba.archive.workflow.DocumentStatus.SIGNING, vn.hocba.archive.common.Hashes.sha256(pdf), null, 0,
                "PAdES-BASELINE-B", java.util.List.of(), java.util.List.of("GV001"), 14);
        check.check(view, pdf); // intact: no refusal
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check.check(view, "%PDF-1.7 changed".getBytes()))
                .isInstanceOf(DocumentNotIntactException.class);
    }
}
