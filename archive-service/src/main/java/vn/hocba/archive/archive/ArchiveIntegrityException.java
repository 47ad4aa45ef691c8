package vn.hocba.archive.archive;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * 500 with the problem type {@code …/integrity} (API.md "Operations"): the archived bytes do not match the sha256 the
 * database recorded at archive time, so they are not served. Recorded as a fixity failure before this is thrown.
 */
public class ArchiveIntegrityException extends HocbaException {

    private final UUID lookupCode;

    ArchiveIntegrityException(UUID lookupCode) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "integrity",
                "the archived file of " + lookupCode + " does not match the fingerprint recorded when it was archived; "
                        + "it is not served, and the administrators have been alerted",
                "tệp lưu trữ của " + lookupCode + " không khớp với mã băm ghi nhận khi lưu trữ; tệp không được cung cấp "
                        + "và quản trị viên đã được cảnh báo");
        this.lookupCode = lookupCode;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("lookupCode", lookupCode.toString());
    }
}
