package vn.hocba.archive.common;

import org.springframework.http.HttpStatus;

/** The thing asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends HocbaException {

    public NotFoundException(String whatEn, String whatVi) {
        super(HttpStatus.NOT_FOUND, "not-found", whatEn + " not found", "không tìm thấy " + whatVi);
    }
}
