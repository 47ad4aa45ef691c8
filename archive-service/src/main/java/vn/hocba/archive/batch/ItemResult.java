package vn.hocba.archive.batch;

import java.util.Objects;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;

import vn.hocba.archive.common.HocbaException;

/**
 * The decided outcome of one document, with a stable reason (the refusal's problem type, e.g. {@code out-of-turn}) and
 * the detail in English and Vietnamese.
 */
public record ItemResult(ItemOutcome outcome, String reason, String detailEn, String detailVi) {

    public ItemResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** Signed by this batch. */
    static ItemResult signed() {
        return new ItemResult(ItemOutcome.SIGNED, "signed", "signed", "đã ký");
    }

    /** Signed by this batch before a restart: the workflow committed it, the outcome was not yet written. */
    static ItemResult signedBeforeRestart() {
        return new ItemResult(ItemOutcome.SIGNED, "signed", "signed (before the service restarted)",
                "đã ký (trước khi dịch vụ khởi động lại)");
    }

    /**
     * The outcome of a refusal or error while checking or signing a document. Refusals of the sequence (403 no place
     * in it or unreadable, 404, 409 out of turn / signed already / complete / superseded / step signed meanwhile, 412
     * changed since the check) mean there is nothing for the caller to sign: SKIPPED. Everything else (409 busy, 5xx, a
     * dependency down, an unexpected error) is a FAILED attempt. The reason is the problem type's last segment.
     */
    static ItemResult of(Throwable error) {
        if (error instanceof HocbaException refusal) {
            String type = refusal.type().getPath();
            String reason = type.substring(type.lastIndexOf('/') + 1);
            int status = refusal.status().value();
            boolean skipped = (status == 403 || status == 404 || status == 409 || status == 412) && !reason.equals("busy")
                    && !reason.equals("authorization-expired");
            return new ItemResult(skipped ? ItemOutcome.SKIPPED : ItemOutcome.FAILED, reason, refusal.getMessage(),
                    refusal.detailVi());
        }
        if (error instanceof TransientDataAccessException || error instanceof org.springframework.dao.DataAccessResourceFailureException) {
            return new ItemResult(ItemOutcome.FAILED, "unavailable", "the database could not be reached; try again later",
                    "không kết nối được cơ sở dữ liệu; vui lòng thử lại sau");
        }
        if (error instanceof DataAccessException) {
            // a database message may quote personal data: the type only
            return new ItemResult(ItemOutcome.FAILED, "internal", "a database error occurred; it has been logged",
                    "đã xảy ra lỗi cơ sở dữ liệu; lỗi đã được ghi lại");
        }
        if (error.getClass().getName().startsWith("vn.hocba.signing.")) {
            return new ItemResult(ItemOutcome.FAILED, "signing-failed", "the signature could not be made (signing key or "
                    + "signing service unavailable); try again later", "không tạo được chữ ký số (khóa ký hoặc dịch vụ ký "
                    + "không sẵn sàng); vui lòng thử lại sau");
        }
        return new ItemResult(ItemOutcome.FAILED, "internal", "an unexpected error occurred; it has been logged",
                "đã xảy ra lỗi ngoài dự kiến; lỗi đã được ghi lại");
    }
}
