package vn.hocba.archive.school;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** A workbook that unpacks to more than the import accepts (a zip bomb, or far more than a school's year): 413. */
public class WorkbookTooLargeException extends HocbaException {

    WorkbookTooLargeException(String en, String vi) {
        super(HttpStatus.CONTENT_TOO_LARGE, "too-large", en + "; nothing was stored", vi + "; không có gì được lưu");
    }
}
