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
                                      @PathVariable String student, Caller caller) {
        var rendered = workflow.render(school, year, student, caller);
        return ResponseEntity.status(rendered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(rendered.record());
    }

    @GetMapping("/record")
    ResponseEntity<RecordView> get(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                                   Caller caller) {
        var record = workflow.get(school, year, student, caller);
        return ResponseEntity.ok().eTag(record.sha256()).body(record);
    }

    @PostMapping("/record/signatures")
    ResponseEntity<RecordView> sign(@PathVariable String school, @PathVariable String year,
                                    @PathVariable String student,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    Caller caller) {
        var signed = workflow.sign(school, year, student, caller, entityTag(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(signed.sha256()).body(signed);
    }

    /**
     * The sha256 an {@code If-Match} names (RFC 9110 13.1.1): null when absent or {@code *} (any current version); a
     * weak tag ({@code W/"…"}) never matches, since If-Match compares strongly, so it is kept as given and fails.
     */
    static String entityTag(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return tag.toLowerCase(java.util.Locale.ROOT);
    }

    @GetMapping("/record.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                               @RequestParam(required = false) Integer version,
                               Caller caller) {
        return workflow.pdf(school, year, student, version, caller).inline();
    }
}
