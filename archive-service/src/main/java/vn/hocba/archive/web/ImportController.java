package vn.hocba.archive.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.school.SchoolYearImport;
import vn.hocba.archive.security.HocbaUser;

/** {@code POST /api/v1/imports}: the stable import endpoint of SCHOOL-YEAR-FORMAT.md (here, where accounts and school data meet). */
@RestController
class ImportController {

    /** A 1,500-student school is about 7 MB; far larger bodies are refused before they are read whole. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private final SchoolYearImport imports;

    ImportController(SchoolYearImport imports) {
        this.imports = imports;
    }

    /**
     * 201 with the summary (also when the very same dataset was imported before: {@code changed} is then false and
     * nothing changed); 422 when refused. The system administrator imports for any school; a school's own
     * administrator (role ADMIN in its dataset) only for that school.
     */
    @PostMapping(path = "/api/v1/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SchoolYearImport.ImportSummary> importDataset(HttpServletRequest request,
                                                                 @AuthenticationPrincipal HocbaUser caller) throws IOException {
        byte[] body = readCapped(request);
        var summary = imports.importDataset(body, caller.getUsername(), school -> {
            if (caller.school() != null && !caller.school().equals(school)) {
                throw new ForbiddenException("you may import data of your own school " + caller.school() + " only",
                        "bạn chỉ được nhập dữ liệu của trường mình (" + caller.school() + ")");
            }
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(summary);
    }

    private static byte[] readCapped(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new TooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new TooLarge();
            }
            return body;
        }
    }

    static final class TooLarge extends HocbaException {
        TooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, "too-large", "the dataset is larger than " + MAX_BYTES / 1024 / 1024 + " MB",
                    "tập dữ liệu lớn hơn " + MAX_BYTES / 1024 / 1024 + " MB");
        }
    }
}
