package vn.hocba.archive.workflow;

import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;
import vn.hocba.signing.SigningException;

/**
 * A signature could not be made now: the time-stamping authority or the signing device did not answer ({@code 503}).
 * Nothing was stored; the signer tries again.
 */
public class SigningUnavailableException extends HocbaException {

    SigningUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "signing-unavailable",
                "the signature cannot be made now (the time-stamping or signing service does not answer); nothing was signed, try again",
                "chưa thể ký lúc này (dịch vụ cấp dấu thời gian hoặc thiết bị ký không phản hồi); chưa có gì được ký, vui lòng thử lại");
    }

    static SigningUnavailableException because(SigningException cause) {
        LoggerFactory.getLogger(SigningUnavailableException.class).warn("signing failed: {}", cause.getMessage());
        return new SigningUnavailableException();
    }
}
