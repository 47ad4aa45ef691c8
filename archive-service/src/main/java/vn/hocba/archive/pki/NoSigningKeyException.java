package vn.hocba.archive.pki;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** No signing key is configured for that staff member. */
public class NoSigningKeyException extends HocbaException {

    public NoSigningKeyException(String account) {
        super(HttpStatus.CONFLICT, "no-signing-key", "no signing key is configured for " + account,
                "chưa cấu hình khóa ký số cho " + account);
    }
}
