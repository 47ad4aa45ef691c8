package vn.hocba.archive.workflow;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * 500 with the problem type {@code …/integrity} (API.md "Operations"), as for an archived file: the working PDF of a
 * version being signed is missing, or its bytes are not the ones whose sha256 the database recorded (changed behind
 * the service's back). It is neither signed nor archived; an administrator restores it or has the document rendered
 * again.
 */
public class WorkingCopyDamagedException extends HocbaException {

    private final UUID lookupCode;

    /** @param what "missing" or "altered" */
    WorkingCopyDamagedException(UUID lookupCode, String what) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "integrity",
                "the working copy of " + lookupCode + " is " + what + ": it is not signed or archived, and the "
                        + "administrators must restore it or have the document rendered again",
                "bản đang ký của văn bản " + lookupCode + (what.equals("missing") ? " bị mất" : " đã bị thay đổi")
                        + ": văn bản không được ký hay lưu trữ; quản trị viên cần khôi phục hoặc tạo lại văn bản");
        this.lookupCode = lookupCode;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("lookupCode", lookupCode.toString());
    }
}
