package vn.hocba.archive.pki;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.HocbaException;

/**
 * The embedded demo only: an administrator revokes a staff member's demo certificate
 * ({@code POST /api/v1/pki/demo/revocations} {@code {"school", "staff"}}), so that the refusal of a revoked
 * certificate at signing time can be tried, and issues a new one ({@code POST /api/v1/pki/demo/reissues}, same
 * body). Elsewhere both answer 404: a real CA revokes certificates, not this service.
 */
@Allowed(Access.ADMINISTER)
@RestController
class DemoRevocationController {

    private final SigningKeys keys;
    private final SignatureServices signatures;

    DemoRevocationController(SigningKeys keys, SignatureServices signatures) {
        this.keys = keys;
        this.signatures = signatures;
    }

    record StaffRef(String school, String staff) implements vn.hocba.archive.common.StrictRequestBody {
    }

    @PostMapping("/api/v1/pki/demo/revocations")
    ResponseEntity<Map<String, Object>> revoke(@RequestBody StaffRef ref, Caller caller) {
        DemoPki demo = demo(caller, ref);
        try {
            var certificate = demo.revoke(ref.school(), ref.staff());
            signatures.forget(certificate);
            return ResponseEntity.ok(Map.of("school", ref.school(), "staff", ref.staff(), "serial",
                    certificate.getSerialNumber().toString(16), "revoked", true));
        } catch (IllegalArgumentException e) {
            throw new DemoPkiException(HttpStatus.NOT_FOUND, "no demo certificate for that staff member",
                    "nhân sự này chưa có chứng thư số demo");
        }
    }

    @PostMapping("/api/v1/pki/demo/reissues")
    ResponseEntity<Map<String, Object>> reissue(@RequestBody StaffRef ref, Caller caller) throws IOException {
        boolean had;
        try {
            had = demo(caller, ref).reissue(ref.school(), ref.staff());
        } catch (IllegalArgumentException e) {
            had = false;
        }
        if (!had) {
            throw new DemoPkiException(HttpStatus.NOT_FOUND, "no demo certificate for that staff member",
                    "nhân sự này chưa có chứng thư số demo");
        }
        return ResponseEntity.ok(Map.of("school", ref.school(), "staff", ref.staff(), "reissued", true));
    }

    private DemoPki demo(Caller caller, StaffRef ref) {
        if (!(keys instanceof DemoPki demo)) {
            throw new DemoPkiException(HttpStatus.NOT_FOUND, "there is no demo PKI here", "không có PKI demo");
        }
        if (!caller.administrator()) {
            throw new DemoPkiException(HttpStatus.FORBIDDEN, "only an administrator may do this",
                    "chỉ quản trị viên được thực hiện thao tác này");
        }
        if (ref == null || ref.school() == null || ref.staff() == null) {
            throw new DemoPkiException(HttpStatus.UNPROCESSABLE_CONTENT, "give school and staff",
                    "cần có school và staff");
        }
        return demo;
    }

    static class DemoPkiException extends HocbaException {
        DemoPkiException(HttpStatus status, String en, String vi) {
            super(status, "demo-pki", en, vi);
        }
    }
}
