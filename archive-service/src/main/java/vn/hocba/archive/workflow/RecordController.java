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

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;

/** The stable student record and signature endpoints (API.md "Documents"; SCHOOL-YEAR-FORMAT.md). */
@RestController
@RequestMapping("/api/v1/schools/{school}/years/{year}/students/{student}")
class RecordController {

    private final DocumentWorkflow workflow;

    RecordController(DocumentWorkflow workflow) {
        this.workflow = workflow;
    }

    @PostMapping("/record")
    @Allowed(Access.RENDER)
    ResponseEntity<DocumentView> render(@PathVariable String school, @PathVariable String year,
                                        @PathVariable String student, Caller caller) {
        var rendered = workflow.render(workflow.studentRecordKey(school, year, student, caller), caller);
        return ResponseEntity.status(rendered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(rendered.document());
    }

    @GetMapping("/record")
    @Allowed(Access.READ_SCHOOL_DATA)
    ResponseEntity<DocumentView> get(@PathVariable String school, @PathVariable String year,
                                     @PathVariable String student, Caller caller) {
        var record = workflow.current(workflow.studentRecordKey(school, year, student, caller), caller);
        return ResponseEntity.ok().eTag(record.sha256()).body(record);
    }

    @PostMapping("/record/signatures")
    @Allowed(Access.SIGN)
    ResponseEntity<DocumentView> sign(@PathVariable String school, @PathVariable String year,
                                      @PathVariable String student,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Caller caller) {
        var signed = workflow.signCurrent(workflow.studentRecordKey(school, year, student, caller), caller, IfMatch.parse(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(signed.sha256()).body(signed);
    }

    @GetMapping("/record.pdf")
    @Allowed(Access.READ_SCHOOL_DATA)
    ResponseEntity<byte[]> pdf(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                               @RequestParam(required = false) Integer version, Caller caller) {
        return workflow.pdf(workflow.studentRecordKey(school, year, student, caller), version, caller).inline();
    }
}
