package vn.hocba.archive.workflow;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Caller;

/**
 * API.md "Documents" by lookup code: every issued version stays readable under its own code. Student records today;
 * gradebooks and summary books answer the same shape when they join the workflow.
 */
@RestController
@RequestMapping("/api/v1/documents/{lookupCode}")
class DocumentController {

    private final RecordWorkflow workflow;

    DocumentController(RecordWorkflow workflow) {
        this.workflow = workflow;
    }

    /** The document body; 404 unknown code; 403 the caller may not read it. */
    @GetMapping
    ResponseEntity<RecordView> document(@PathVariable UUID lookupCode, Caller caller) {
        var document = workflow.document(lookupCode, caller);
        return ResponseEntity.ok().eTag(document.sha256()).body(document);
    }

    /** The PDF of that version (archived bytes served only when they match the sha256 recorded at archive time). */
    @GetMapping("/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID lookupCode, Caller caller) {
        return workflow.documentPdf(lookupCode, caller).inline();
    }

    /** The caller signs one step (the turn it had on arrival); {@code If-Match} as for the record endpoint. */
    @PostMapping("/signatures")
    ResponseEntity<RecordView> sign(@PathVariable UUID lookupCode,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    Caller caller) {
        var signed = workflow.signDocument(lookupCode, caller, RecordController.entityTag(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(signed.sha256()).body(signed);
    }
}
