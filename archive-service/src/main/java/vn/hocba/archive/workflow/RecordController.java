package vn.hocba.archive.workflow;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.security.HocbaUser;

/** The stable record and signature endpoints of SCHOOL-YEAR-FORMAT.md. */
@RestController
@RequestMapping("/api/v1/schools/{school}/years/{year}/students/{student}")
class RecordController {

    private final RecordWorkflow workflow;

    RecordController(RecordWorkflow workflow) {
        this.workflow = workflow;
    }

    @PostMapping("/record")
    ResponseEntity<RecordView> render(@PathVariable String school, @PathVariable String year,
                                      @PathVariable String student, @AuthenticationPrincipal HocbaUser caller) {
        var rendered = workflow.render(school, year, student, caller);
        return ResponseEntity.status(rendered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(rendered.record());
    }

    @GetMapping("/record")
    RecordView get(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                   @AuthenticationPrincipal HocbaUser caller) {
        return workflow.get(school, year, student, caller);
    }

    @PostMapping("/record/signatures")
    ResponseEntity<RecordView> sign(@PathVariable String school, @PathVariable String year,
                                    @PathVariable String student, @AuthenticationPrincipal HocbaUser caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(workflow.sign(school, year, student, caller));
    }

    @GetMapping("/record.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                               @RequestParam(required = false) Integer version,
                               @AuthenticationPrincipal HocbaUser caller) {
        return workflow.pdf(school, year, student, version, caller).inline();
    }
}
