package vn.hocba.archive.workflow;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.school.SchoolDirectory;

/** The stable student record and signature endpoints (API.md "Documents"; SCHOOL-YEAR-FORMAT.md). */
@RestController
@RequestMapping("/api/v1/schools/{school}/years/{year}/students/{student}")
class RecordController {

    private final DocumentWorkflow workflow;
    private final SchoolDirectory directory;

    RecordController(DocumentWorkflow workflow, SchoolDirectory directory) {
        this.workflow = workflow;
        this.directory = directory;
    }

    @PostMapping("/record")
    ResponseEntity<DocumentView> render(@PathVariable String school, @PathVariable String year,
                                        @PathVariable String student, Caller caller) {
        var rendered = workflow.render(key(school, year, student, caller), caller);
        return ResponseEntity.status(rendered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(rendered.document());
    }

    @GetMapping("/record")
    ResponseEntity<DocumentView> get(@PathVariable String school, @PathVariable String year,
                                     @PathVariable String student, Caller caller) {
        var record = workflow.current(key(school, year, student, caller), caller);
        return ResponseEntity.ok().eTag(record.sha256()).body(record);
    }

    @PostMapping("/record/signatures")
    ResponseEntity<DocumentView> sign(@PathVariable String school, @PathVariable String year,
                                      @PathVariable String student,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Caller caller) {
        var signed = workflow.signCurrent(key(school, year, student, caller), caller, IfMatch.parse(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(signed.sha256()).body(signed);
    }

    @GetMapping("/record.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                               @RequestParam(required = false) Integer version, Caller caller) {
        return workflow.pdf(key(school, year, student, caller), version, caller).inline();
    }

    /**
     * The key of the student's record; the student's class comes from the school's data. An unknown student answers
     * 404 to a caller who may see the school, 403 to others (who learn nothing of it).
     */
    private DocumentKey key(String school, String year, String student, Caller caller) {
        var found = directory.student(school, year, student);
        if (found.isEmpty()) {
            if (!caller.mayRead(school)) {
                throw new vn.hocba.archive.common.ForbiddenException("you may not see data of school " + school,
                        "bạn không được xem dữ liệu của trường " + school);
            }
            throw new NotFoundException("student " + student + " in " + year, "học sinh " + student + " năm học " + year);
        }
        return DocumentKey.studentRecord(school, year, found.get().classCode(), student);
    }
}
