package vn.hocba.archive.search;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** 503 while the search index (Elasticsearch) does not answer: archiving goes on, and indexing catches up later. */
public final class SearchUnavailableException extends HocbaException {

    SearchUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable",
                "The search service does not answer; try again in a moment. Archiving is not affected.",
                "Dịch vụ tra cứu đang không phản hồi; vui lòng thử lại sau giây lát. Việc lưu trữ không bị ảnh hưởng.");
        initCause(cause);
    }
}
