package vn.hocba.archive.batch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The batch body of API.md ("Batch countersigning"). {@code items} is absent from the answer to its creation.
 *
 * @param status  RUNNING, then DONE when every document has its outcome
 * @param total   the documents listed
 * @param pending documents not yet decided ({@code total - signed - failed - skipped})
 * @param items   the decided documents, in the order listed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SigningBatchView(UUID id, String status, int total, int signed, int failed, int skipped, int pending,
                               String createdBy, Instant createdAt, Instant finishedAt, List<Item> items) {

    /**
     * One decided document.
     *
     * @param reason   a stable code: {@code signed}, or the refusal's problem type ({@code out-of-turn},
     *                 {@code already-signed}, {@code record-complete}, {@code superseded}, {@code forbidden},
     *                 {@code integrity}, {@code unavailable}, …)
     * @param detail   the reason in the caller's language (Vietnamese unless Accept-Language prefers English)
     * @param detailVi the reason in Vietnamese
     * @param detailEn the reason in English
     */
    public record Item(UUID lookupCode, ItemOutcome outcome, String reason, String detail, String detailVi,
                       String detailEn) {
    }
}
