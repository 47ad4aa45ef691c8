package vn.hocba.archive.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;

/** {@code GET /api/v1/audit/verification} (API.md "Operations"), for the system administrator. */
@Allowed(Access.ADMINISTER)
@RestController
class AuditController {

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/audit/verification")
    Verification verification(Caller caller) {
        if (!caller.administrator()) {
            throw new ForbiddenException("only the system administrator verifies the audit log",
                    "chỉ quản trị hệ thống được kiểm tra nhật ký kiểm toán");
        }
        var v = verifier.verify();
        return new Verification(v.valid(), v.entries(), v.head(),
                v.firstBroken() == null ? null : new Broken(v.firstBroken().seq(), v.firstBroken().reason()));
    }

    record Verification(boolean valid, long entries, String head, Broken firstBroken) {
    }

    record Broken(long seq, String reason) {
    }
}
