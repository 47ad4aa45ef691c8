package vn.hocba.archive.workflow;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;

/** API.md "Documents" by lookup code, for every document type: every issued version stays readable under its own code. */
@RestController
@RequestMapping("/api/v1/documents/{lookupCode}")
class DocumentController {

    private final DocumentWorkflow workflow;
    private final TwoStepSigning twoStep;

    DocumentController(DocumentWorkflow workflow, TwoStepSigning twoStep) {
        this.workflow = workflow;
        this.twoStep = twoStep;
    }

    /** Step 1 of two-step signing: {@code {"certificate": "<base64 DER>", "chain": [...]}}. */
    record PendingRequest(String certificate, java.util.List<String> chain)
            implements vn.hocba.archive.common.StrictRequestBody.JudgedAfterAccess {
    }

    /** The data to sign: {@code {"id", "digestAlgorithm", "dataToSign", "expiresAt"}}. */
    record PendingAnswer(UUID id, String digestAlgorithm, String dataToSign, java.time.Instant expiresAt) {
    }

    /** Step 2: {@code {"signatureValue": "<base64>"}}. */
    record CompletionRequest(String signatureValue)
            implements vn.hocba.archive.common.StrictRequestBody.JudgedAfterAccess {
    }

    /**
     * Prepares the caller's turn with their registered certificate: 201 with the data to sign; 403 no place in the
     * sequence; 409 out of turn, complete, superseded, certificate revoked or expired; 422 not the registered
     * certificate; 503 revocation status unknown.
     */
    @PostMapping("/signatures/pending")
    @Allowed(Access.SIGN)
    ResponseEntity<PendingAnswer> prepare(@PathVariable UUID lookupCode,
                                          @RequestBody(required = false) PendingRequest body, Caller caller) {
        twoStep.requirePlace(lookupCode, caller);
        vn.hocba.archive.common.StrictRequestBody.requireKnownMembers();
        var certificate = vn.hocba.archive.pki.SignerCertificates.certificate(body == null ? null : body.certificate(),
                "certificate");
        var chain = new java.util.ArrayList<java.security.cert.X509Certificate>();
        if (body != null && body.chain() != null) {
            for (int i = 0; i < body.chain().size(); i++) {
                chain.add(vn.hocba.archive.pki.SignerCertificates.certificate(body.chain().get(i), "chain[" + i + "]"));
            }
        }
        var prepared = twoStep.prepare(lookupCode, caller, certificate, chain);
        return ResponseEntity.status(HttpStatus.CREATED).body(new PendingAnswer(prepared.id(), prepared.digestAlgorithm(),
                java.util.Base64.getEncoder().encodeToString(prepared.dataToSign()), prepared.expiresAt()));
    }

    /**
     * Completes a prepared signature: 201 with the document; 404 no such pending signature for the caller; 409 the
     * document moved on or it expired; 422 the value does not verify.
     */
    @PostMapping("/signatures/pending/{id}")
    @Allowed(Access.SIGN)
    ResponseEntity<DocumentView> complete(@PathVariable UUID lookupCode, @PathVariable UUID id,
                                          @RequestBody(required = false) CompletionRequest body, Caller caller) {
        twoStep.requirePlace(lookupCode, caller);
        vn.hocba.archive.common.StrictRequestBody.requireKnownMembers();
        byte[] value;
        try {
            value = java.util.Base64.getMimeDecoder().decode(body == null || body.signatureValue() == null ? ""
                    : body.signatureValue().strip());
        } catch (IllegalArgumentException e) {
            value = new byte[0];
        }
        if (value.length == 0) {
            throw new vn.hocba.archive.common.InvalidInputException("invalid-signature-value", "signatureValue",
                    "signatureValue must be the base64 signature over dataToSign",
                    "signatureValue phải là chữ ký (base64) trên dataToSign");
        }
        var signed = twoStep.complete(lookupCode, id, caller, value);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(signed.sha256()).body(signed);
    }

    /** The document body; 404 unknown code; 403 the caller may not read it. */
    @GetMapping
    @Allowed(Access.READ_DOCUMENT)
    ResponseEntity<DocumentView> document(@PathVariable UUID lookupCode, Caller caller) {
        var document = workflow.document(lookupCode, caller);
        return ResponseEntity.ok().eTag(document.sha256()).body(document);
    }

    /** The PDF of that version (archived bytes served only when they match the sha256 recorded at archive time). */
    @GetMapping("/pdf")
    @Allowed(Access.READ_DOCUMENT)
    ResponseEntity<byte[]> pdf(@PathVariable UUID lookupCode, Caller caller) {
        return workflow.pdf(lookupCode, caller).inline();
    }

    /**
     * The caller signs one step (the turn it had on arrival) of this version, which must be current (409
     * {@code superseded} otherwise); {@code If-Match} as for the record endpoint.
     */
    @PostMapping("/signatures")
    @Allowed(Access.SIGN)
    ResponseEntity<DocumentView> sign(@PathVariable UUID lookupCode,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Caller caller) {
        var signed = workflow.sign(lookupCode, caller, IfMatch.parse(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(signed.sha256()).body(signed);
    }
}
