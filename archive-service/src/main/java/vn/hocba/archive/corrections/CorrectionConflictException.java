package vn.hocba.archive.corrections;

import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * A step out of order (409 {@code correction-out-of-order}): a confirmation or decision the request's state does not
 * allow, or a request on an unlocked term or on a mark that already has an open request. {@code status} is the
 * request's state when there is one.
 */
class CorrectionConflictException extends HocbaException {

    private final CorrectionStatus status;

    CorrectionConflictException(CorrectionStatus status, String detailEn, String detailVi) {
        super(HttpStatus.CONFLICT, "correction-out-of-order", detailEn, detailVi);
        this.status = status;
    }

    @Override
    public Map<String, Object> properties() {
        return status == null ? Map.of() : Map.of("correctionStatus", status.name());
    }
}
