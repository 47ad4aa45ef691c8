package vn.hocba.archive.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.NotFoundException;

/**
 * {@code POST /api/v1/search/rebuild} (system administrator): rebuilds the whole index from the archive in the
 * background ({@link IndexRebuild}); {@code 202} with its progress, {@code 409} while one runs.
 * {@code GET /api/v1/search/rebuild}: the latest rebuild's progress ({@code 404} when none ran since the start).
 */
@Allowed(Access.ADMINISTER)
@RestController
class IndexRebuildController {

    private final IndexRebuild rebuild;

    IndexRebuildController(IndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/v1/search/rebuild")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "Started (status RUNNING)")
    ResponseEntity<IndexRebuild.View> start(Caller caller) {
        requireAdministrator(caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping("/api/v1/search/rebuild")
    IndexRebuild.View progress(Caller caller) {
        requireAdministrator(caller);
        return rebuild.latest().orElseThrow(() -> new NotFoundException("index rebuild", "lần dựng lại chỉ mục"));
    }

    private static void requireAdministrator(Caller caller) {
        if (caller == null || !caller.administrator()) {
            throw new ForbiddenException("only the system administrator rebuilds the search index",
                    "chỉ quản trị hệ thống được dựng lại chỉ mục tra cứu");
        }
    }
}
