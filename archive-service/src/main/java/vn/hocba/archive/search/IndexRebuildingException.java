package vn.hocba.archive.search;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** 503 while the index is being reconciled with the database at start: an answer now could be incomplete. */
public final class IndexRebuildingException extends HocbaException {

    IndexRebuildingException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "index-rebuilding",
                "The search index is being brought up to date with the archive; try again in a moment.",
                "Chỉ mục tra cứu đang được cập nhật theo kho lưu trữ; vui lòng thử lại sau giây lát.");
    }
}
