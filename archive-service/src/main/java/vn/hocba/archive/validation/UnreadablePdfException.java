package vn.hocba.archive.validation;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** The body is no PDF, or one that cannot be read (422, {@code errors} naming the path {@code body}). */
class UnreadablePdfException extends HocbaException {

    UnreadablePdfException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-pdf", "the body is not a readable PDF document",
                "nội dung gửi lên không phải là tệp PDF đọc được");
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", List.of(Map.of("path", "body", "message", getMessage(), "messageVi", detailVi())));
    }
}
