package vn.hocba.archive.batch;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** The PDF that would be signed is not the one the database recorded (its sha256 differs): it is not signed. */
public class DocumentNotIntactException extends HocbaException {

    DocumentNotIntactException(String expected, String found) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "integrity",
                "the document's PDF does not match its recorded sha256 (" + expected + ", found " + found
                        + "); it was not signed",
                "tệp PDF của văn bản không khớp mã sha256 đã ghi (" + expected + ", thực tế " + found
                        + "); văn bản không được ký");
    }
}
