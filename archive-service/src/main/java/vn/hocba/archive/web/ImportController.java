package vn.hocba.archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.school.DatasetDocument;
import vn.hocba.archive.school.DatasetWorkbooks;
import vn.hocba.archive.school.SchoolYearDataset;
import vn.hocba.archive.school.SchoolYearImport;
import vn.hocba.archive.school.StoredDatasets;
import vn.hocba.archive.security.StudentAccess;

/**
 * {@code POST /api/v1/imports}: the stable import endpoint of SCHOOL-YEAR-FORMAT.md (here, where accounts and school
 * data meet), as JSON or as an XLSX workbook; the exports of a stored year ({@code dataset.json},
 * {@code dataset.xlsx}) and the empty workbook ({@code template.xlsx}).
 */
@RestController
class ImportController {

    /** A 1,500-student school is about 7 MB; far larger bodies are refused before they are read whole. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType XLSX_TYPE = MediaType.parseMediaType(XLSX);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final SchoolYearImport imports;
    private final StoredDatasets stored;
    private final StudentAccess access;

    ImportController(SchoolYearImport imports, StoredDatasets stored, StudentAccess access) {
        this.imports = imports;
        this.stored = stored;
        this.access = access;
    }

    /**
     * 201 with the summary (also when the very same dataset was imported before: {@code changed} is then false and
     * nothing changed); 422 when refused. The system administrator imports for any school; a school's own
     * administrator (role ADMIN in its dataset) only for that school.
     */
    @PostMapping(path = "/api/v1/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Allowed(Access.IMPORT)
    ResponseEntity<SchoolYearImport.ImportSummary> importDataset(HttpServletRequest request,
                                                                 Caller caller) throws IOException {
        byte[] body = readCapped(request);
        return created(imports.importDataset(body, caller.username(), ownSchoolOnly(caller)));
    }

    /** The same import with the dataset as an XLSX workbook in the body. */
    @PostMapping(path = "/api/v1/imports", consumes = XLSX)
    @PreAuthorize("hasRole('ADMIN')")
    @Allowed(Access.IMPORT)
    ResponseEntity<SchoolYearImport.ImportSummary> importWorkbook(HttpServletRequest request,
                                                                  Caller caller) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new TooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            return importWorkbookFrom(in, caller);
        }
    }

    /** The same import as a file upload (part {@code file}): an XLSX workbook, or the JSON document. */
    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Allowed(Access.IMPORT)
    ResponseEntity<SchoolYearImport.ImportSummary> importUpload(@RequestPart("file") MultipartFile file,
                                                                Caller caller) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw new TooLarge();
        }
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(ZIP.length);
        }
        if (workbook(file, head)) {
            try (InputStream in = file.getInputStream()) {
                return importWorkbookFrom(in, caller);
            }
        }
        byte[] body;
        try (InputStream in = file.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw new TooLarge();
        }
        return created(imports.importDataset(body, caller.username(), ownSchoolOnly(caller)));
    }

    /**
     * An XLSX workbook is a zip file; a password-protected one (or an old .xls) an OLE2 file, which the workbook
     * reader refuses with that reason. A part named or typed as a workbook is one too; anything else is read as JSON.
     */
    private static boolean workbook(MultipartFile file, byte[] head) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        return java.util.Arrays.equals(head, ZIP) || java.util.Arrays.equals(head, OLE2) || XLSX.equals(file.getContentType())
                || name.endsWith(".xlsx") || name.endsWith(".xls");
    }

    /**
     * The stored dataset in the format's JSON shape (canonical order), for the system administrator and the school's
     * staff with a school-wide role that year.
     */
    @GetMapping(path = "/api/v1/schools/{schoolCode}/years/{schoolYear}/dataset.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Access.EXPORT)
    ResponseEntity<byte[]> exportJson(@PathVariable String schoolCode, @PathVariable String schoolYear,
                                      Caller caller) {
        SchoolYearDataset dataset = storedFor(caller, schoolCode, schoolYear);
        return download(DatasetDocument.json(dataset), MediaType.APPLICATION_JSON,
                "hocba-" + schoolCode + "-" + schoolYear + ".json");
    }

    /** The stored dataset as an XLSX workbook: imported again, it changes nothing. Same callers as the JSON. */
    @GetMapping(path = "/api/v1/schools/{schoolCode}/years/{schoolYear}/dataset.xlsx", produces = XLSX)
    @Allowed(Access.EXPORT)
    ResponseEntity<byte[]> exportWorkbook(@PathVariable String schoolCode, @PathVariable String schoolYear,
                                          Caller caller) throws IOException {
        SchoolYearDataset dataset = storedFor(caller, schoolCode, schoolYear);
        var out = new java.io.ByteArrayOutputStream();
        DatasetWorkbooks.write(dataset, out);
        return download(out.toByteArray(), XLSX_TYPE, "hocba-" + schoolCode + "-" + schoolYear + ".xlsx");
    }

    /**
     * The empty workbook: every sheet with its column names, and the instructions (in Vietnamese). For those who
     * import (the authorization table's IMPORT row).
     */
    @GetMapping(path = "/api/v1/imports/template.xlsx", produces = XLSX)
    @PreAuthorize("hasRole('ADMIN')")
    @Allowed(Access.IMPORT)
    ResponseEntity<byte[]> template() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        DatasetWorkbooks.writeTemplate(out);
        return download(out.toByteArray(), XLSX_TYPE, "hocba-mau-nhap-du-lieu.xlsx");
    }

    private SchoolYearDataset storedFor(Caller caller, String school, String year) {
        if (!access.seesWholeYear(caller, school, year)) {
            throw new ForbiddenException("only the system administrator and the school's principal, vice principals, "
                    + "clerks and administrators of that year may export its dataset",
                    "chỉ quản trị hệ thống và hiệu trưởng, phó hiệu trưởng, văn thư, quản trị của trường trong năm học đó "
                            + "được xuất dữ liệu năm học");
        }
        return stored.dataset(school, year).orElseThrow(() -> new NotFoundException(
                "school year " + year + " of " + school, "năm học " + year + " của trường " + school));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /**
     * The workbook is copied to a temporary file (owner-only, deleted afterwards) so that POI reads it from a zip
     * file, part by part, rather than unpacking it into memory.
     */
    private ResponseEntity<SchoolYearImport.ImportSummary> importWorkbookFrom(InputStream in, Caller caller)
            throws IOException {
        Path file = Files.createTempFile("hocba-import-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(new CappedOutput(out)); // throws TooLarge past MAX_BYTES
            }
            return created(imports.importWorkbook(file, caller.username(), ownSchoolOnly(caller)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ResponseEntity<SchoolYearImport.ImportSummary> created(SchoolYearImport.ImportSummary summary) {
        return ResponseEntity.status(HttpStatus.CREATED).body(summary);
    }

    private static Consumer<String> ownSchoolOnly(Caller caller) {
        return school -> {
            if (caller.school() != null && !caller.school().equals(school)) {
                throw new ForbiddenException("you may import data of your own school " + caller.school() + " only",
                        "bạn chỉ được nhập dữ liệu của trường mình (" + caller.school() + ")");
            }
        };
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

    /** Passes bytes on until {@link #MAX_BYTES}, then refuses (a chunked body has no length to check first). */
    private static final class CappedOutput extends java.io.FilterOutputStream {
        private long written;

        CappedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > MAX_BYTES) {
                throw new TooLarge();
            }
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    static final class TooLarge extends HocbaException {
        TooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, "too-large", "the dataset is larger than " + MAX_BYTES / 1024 / 1024 + " MB",
                    "tập dữ liệu lớn hơn " + MAX_BYTES / 1024 / 1024 + " MB");
        }
    }
}
