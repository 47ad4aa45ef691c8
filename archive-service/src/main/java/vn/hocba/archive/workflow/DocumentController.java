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

/** API.md "Documents" by lookup code, for every document type: every issued version stays readable under its own code. */
@RestController
@RequestMapping("/api/v1/documents/{lookupCode}")
class DocumentController {

    private final DocumentWorkflow workflow;

    DocumentController(DocumentWorkflow workflow) {
        this.workflow = workflow;
    }

    /** The document body; 404 unknown code; 403 the caller may not read it. */
    @GetMapping
    ResponseEntity<DocumentView> document(@PathVariable UUID lookupCode, Caller caller) {
        var document = workflow.document(lookupCode, caller);
        return ResponseEntity.ok().eTag(document.sha256()).body(document);
    }

    /** The PDF of that version (archived bytes served only when they match the sha256 recorded at archive time). */
    @GetMapping("/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID lookupCode, Caller caller) {
        return workflow.pdf(lookupCode, caller).inline();
    }

    /**
     * The caller signs one step (the turn it had on arrival) of this version, which must be current (409
     * {@code superseded} otherwise); {@code If-Match} as for the record endpoint.
     */
    @PostMapping("/signatures")
    ResponseEntity<DocumentView> sign(@PathVariable UUID lookupCode,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Caller caller) {
        var signed = workflow.sign(lookupCode, caller, IfMatch.parse(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(signed.sha256()).body(signed);
    }
}
