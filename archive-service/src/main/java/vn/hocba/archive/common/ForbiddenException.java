package vn.hocba.archive.common;

import org.springframework.http.HttpStatus;

/** The caller is known but holds no role that allows this. */
public class ForbiddenException extends HocbaException {

    public ForbiddenException(String detailEn, String detailVi) {
        super(HttpStatus.FORBIDDEN, "forbidden", detailEn, detailVi);
    }
}
