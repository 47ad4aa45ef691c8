package vn.hocba.archive.workflow;

import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * 412: the signer reviewed another version than the current one ({@code If-Match: "<sha256>"}, API.md). Carries the
 * current sha256 so that the signer can review the current version and try again.
 */
public class PreconditionFailedException extends HocbaException {

    private final String currentSha256;

    PreconditionFailedException(String currentSha256) {
        super(HttpStatus.PRECONDITION_FAILED, "version-changed",
                "the document changed since the version you reviewed; review the current version and sign again",
                "văn bản đã thay đổi so với phiên bản bạn đã xem; hãy xem lại phiên bản hiện tại rồi ký lại");
        this.currentSha256 = currentSha256;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("sha256", currentSha256);
    }
}
