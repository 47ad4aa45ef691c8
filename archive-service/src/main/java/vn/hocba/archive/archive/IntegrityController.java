package vn.hocba.archive.archive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;

/** {@code GET /api/v1/integrity} (API.md "Operations"): the latest fixity results, for the system administrator. */
@Allowed(Access.ADMINISTER)
@RestController
class IntegrityController {

    private final ArchiveIntegrity integrity;
    private final FixitySchedule schedule;

    IntegrityController(ArchiveIntegrity integrity, FixitySchedule schedule) {
        this.integrity = integrity;
        this.schedule = schedule;
    }

    /**
     * The administrator's command: a full fixity sweep now, in the background: {@code 202}, the report at
     * {@code GET /api/v1/integrity} once it is done; {@code 409 …/sweep-running} while one runs.
     */
    @org.springframework.web.bind.annotation.PostMapping("/api/v1/integrity/sweeps")
    org.springframework.http.ResponseEntity<SweepStarted> startSweep(Caller caller) {
        requireAdministrator(caller);
        if (!schedule.startFullSweep()) {
            throw new SweepRunningException();
        }
        return org.springframework.http.ResponseEntity.accepted()
                .location(java.net.URI.create("/api/v1/integrity")).body(new SweepStarted("FULL", "/api/v1/integrity"));
    }

    record SweepStarted(String kind, String report) {
    }

    /** 409: one sweep at a time. */
    static class SweepRunningException extends vn.hocba.archive.common.HocbaException {
        SweepRunningException() {
            super(org.springframework.http.HttpStatus.CONFLICT, "sweep-running",
                    "A fixity sweep is running; its report will be at /api/v1/integrity.",
                    "Đang kiểm tra toàn vẹn kho lưu trữ; kết quả sẽ có tại /api/v1/integrity.");
        }
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.administrator()) {
            throw new ForbiddenException("only the system administrator sees the integrity report",
                    "chỉ quản trị hệ thống được xem báo cáo toàn vẹn dữ liệu");
        }
    }

    @GetMapping("/api/v1/integrity")
    IntegrityReport report(Caller caller) {
        requireAdministrator(caller);
        var r = integrity.report();
        return new IntegrityReport(r.checkedAt(), r.kind(), r.objects(), r.failures().stream()
                .map(f -> new Failure(f.key(), f.lookupCode(), f.reason(), f.detail(), f.foundAt())).toList());
    }

    record IntegrityReport(Instant checkedAt, String kind, int objects, List<Failure> failures) {
    }

    record Failure(String key, UUID lookupCode, String reason, String detail, Instant foundAt) {
    }
}
