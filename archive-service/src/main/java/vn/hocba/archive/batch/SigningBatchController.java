package vn.hocba.archive.batch;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

import vn.hocba.archive.common.Caller;

/** API.md "Batch countersigning". */
@RestController
@RequestMapping("/api/v1/signing-batches")
class SigningBatchController {

    private final SigningBatches batches;

    SigningBatchController(SigningBatches batches) {
        this.batches = batches;
    }

    /**
     * Starts a batch: {@code {"documents": [lookup codes]}} or {@code {"school", "schoolYear", "class": null | "6A",
     * "documentType"}}. 202 with the batch (status RUNNING) and its {@code Location}; 422 with {@code errors} for a bad
     * body (the body is read here, so that every problem, unknown members included, is reported at once).
     */
    @PostMapping(consumes = "application/json")
    ResponseEntity<SigningBatchView> start(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = {
                    @ExampleObject(name = "documents", value = "{\"documents\": [\"0b6f0c7e-5d7b-4a53-9b0e-2f1d3c4b5a69\"]}"),
                    @ExampleObject(name = "class", value = "{\"school\": \"THCS-MK2\", \"schoolYear\": \"2024-2025\", "
                            + "\"class\": \"6A\", \"documentType\": \"STUDENT_RECORD\"}")}))
                                            @RequestBody(required = false) byte[] body, Caller caller) {
        var batch = batches.start(SigningBatchRequest.parse(body), caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/signing-batches/" + batch.id()))
                .body(batch);
    }

    /** The batch with its decided documents; 403 for anyone but its creator and the administrator. */
    @GetMapping("/{id}")
    SigningBatchView batch(@PathVariable UUID id, Caller caller) {
        return batches.view(id, caller, true);
    }
}
