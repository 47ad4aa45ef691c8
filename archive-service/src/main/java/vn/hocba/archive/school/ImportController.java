package vn.hocba.archive.school;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/imports}: the stable import endpoint of SCHOOL-YEAR-FORMAT.md. */
@RestController
class ImportController {

    private final SchoolYearImport imports;

    ImportController(SchoolYearImport imports) {
        this.imports = imports;
    }

    /** 201 when stored; 200 when the very same dataset was imported before (nothing changed); 422 when refused. */
    @PostMapping(path = "/api/v1/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SchoolYearImport.ImportSummary> importDataset(@RequestBody byte[] body, Principal caller) {
        var summary = imports.importDataset(body, caller.getName());
        return ResponseEntity.status(summary.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(summary);
    }
}
