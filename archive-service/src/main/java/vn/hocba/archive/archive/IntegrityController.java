package vn.hocba.archive.archive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;

/** {@code GET /api/v1/integrity} (API.md "Operations"): the latest fixity results, for the system administrator. */
@RestController
class IntegrityController {

    private final ArchiveIntegrity integrity;

    IntegrityController(ArchiveIntegrity integrity) {
        this.integrity = integrity;
    }

    @GetMapping("/api/v1/integrity")
    IntegrityReport report(Caller caller) {
        if (!caller.administrator()) {
            throw new ForbiddenException("only the system administrator sees the integrity report",
                    "chỉ quản trị hệ thống được xem báo cáo toàn vẹn dữ liệu");
        }
        var r = integrity.report();
        return new IntegrityReport(r.checkedAt(), r.kind(), r.objects(), r.failures().stream()
                .map(f -> new Failure(f.key(), f.lookupCode(), f.reason(), f.detail(), f.foundAt())).toList());
    }

    record IntegrityReport(Instant checkedAt, String kind, int objects, List<Failure> failures) {
    }

    record Failure(String key, UUID lookupCode, String reason, String detail, Instant foundAt) {
    }
}
