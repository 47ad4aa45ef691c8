package vn.hocba.archive.archive;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** 409: retention and holds are about archived objects, and this document has none yet (still being signed). */
class NotArchivedException extends HocbaException {

    NotArchivedException() {
        super(HttpStatus.CONFLICT, "not-archived",
                "The document is not archived yet: retention and legal holds apply once it is.",
                "Văn bản chưa được lưu trữ: thời hạn lưu trữ và lệnh phong tỏa chỉ áp dụng sau khi lưu trữ.");
    }
}
