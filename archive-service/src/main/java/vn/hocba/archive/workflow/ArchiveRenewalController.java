package vn.hocba.archive.workflow;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.InvalidInputException;

/**
 * {@code POST /api/v1/archive/timestamp-renewals} (the system administrator): runs the long-term preservation job
 * now. Optional body {@code {"renewBefore": "P365D"}} (ISO 8601 duration; default the configured horizon): files whose
 * newest archive timestamp's certificate expires within it get a new archive timestamp. {@code 200}
 * {@code {"examined", "renewed", "failed", "horizon"}}.
 */
@Allowed(Access.ADMINISTER)
@RestController
class ArchiveRenewalController {

    record Request(String renewBefore) implements vn.hocba.archive.common.StrictRequestBody {
    }

    private final ArchiveTimestampRenewal renewal;
    private final vn.hocba.archive.pki.SigningProperties properties;

    ArchiveRenewalController(ArchiveTimestampRenewal renewal, vn.hocba.archive.pki.SigningProperties properties) {
        this.renewal = renewal;
        this.properties = properties;
    }

    @PostMapping("/api/v1/archive/timestamp-renewals")
    ResponseEntity<ArchiveTimestampRenewal.Run> renew(@RequestBody(required = false) Request body, Caller caller) {
        if (!caller.administrator()) {
            throw new ForbiddenException("only the system administrator runs the archive timestamp renewal",
                    "chỉ quản trị hệ thống được chạy gia hạn dấu thời gian lưu trữ");
        }
        Duration within = properties.renewBefore();
        if (body != null && body.renewBefore() != null) {
            try {
                within = Duration.parse(body.renewBefore());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("invalid-duration", "renewBefore",
                        "renewBefore must be an ISO 8601 duration such as P365D",
                        "renewBefore phải là khoảng thời gian ISO 8601, ví dụ P365D");
            }
            if (within.compareTo(Duration.ofDays(100L * 366)) > 0) {
                throw new InvalidInputException("invalid-duration", "renewBefore", "renewBefore must be at most 100 years",
                        "renewBefore không được quá 100 năm");
            }
            if (within.isNegative()) {
                throw new InvalidInputException("invalid-duration", "renewBefore", "renewBefore must not be negative",
                        "renewBefore không được âm");
            }
        }
        return ResponseEntity.ok(renewal.renewDue(within));
    }
}
