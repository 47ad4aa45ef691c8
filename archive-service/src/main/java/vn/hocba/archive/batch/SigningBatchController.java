package vn.hocba.archive.batch;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.workflow.DocumentType;

/** API.md "Batch countersigning". */
@RestController
@RequestMapping("/api/v1/signing-batches")
class SigningBatchController {

    private final SigningBatches batches;

    SigningBatchController(SigningBatches batches) {
        this.batches = batches;
    }

    /** The two forms of the body, for the API description only (the body is read by {@link SigningBatchRequest}). */
    @Schema(name = "SigningBatchRequest", description = "Either `documents`, or `school`, `schoolYear`, `class` (null: "
            + "every class of the year the caller may see) and `documentType`; not both")
    record Body(@Schema(description = "1 to 5,000 lookup codes, each once") List<UUID> documents, String school,
                @Schema(example = "2024-2025") String schoolYear, @JsonProperty("class") String classCode,
                DocumentType documentType) {
    }

    /**
     * Starts a batch: {@code {"documents": [lookup codes]}} or {@code {"school", "schoolYear", "class": null | "6A",
     * "documentType"}}. 202 with the batch (status RUNNING) and its {@code Location}; 422 with {@code errors} for a bad
     * body (the body is read here, so that every problem, unknown members included, is reported at once).
     */
    @PostMapping(consumes = "application/json")
    @Operation(summary = "Start a batch: the service signs, in the background, every listed document where it is the "
            + "caller's turn")
    @ApiResponse(responseCode = "202", description = "Started (status RUNNING); `Location` names the batch",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SigningBatchView.class)))
    @ApiResponse(responseCode = "403", description = "Not staff of a school, or may not see that school year or class",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "404", description = "No such school year or class (of the caller's school)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "Refused: every problem in `errors` (path, message, messageVi): "
            + "not one JSON object, both forms or neither, an unknown member, an empty list or more than 5,000, a malformed "
            + "or repeated lookup code, an unknown documentType",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @Allowed(Access.START_SIGNING_BATCH)
    ResponseEntity<SigningBatchView> start(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Body.class), examples = {
                    @ExampleObject(name = "documents", value = "{\"documents\": [\"0b6f0c7e-5d7b-4a53-9b0e-2f1d3c4b5a69\"]}"),
                    @ExampleObject(name = "class", value = "{\"school\": \"THCS-MK2\", \"schoolYear\": \"2024-2025\", "
                            + "\"class\": \"6A\", \"documentType\": \"STUDENT_RECORD\"}")}))
                                            @RequestBody(required = false) byte[] body, Caller caller) {
        var request = SigningBatchRequest.parse(body);
        var batch = batches.start(request, caller, SigningBatchRequest.pin(body));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/signing-batches/" + batch.id()))
                .body(batch);
    }

    /** The batch with its decided documents; 403 for anyone but its creator and the administrator. */
    @GetMapping("/{id}")
    @Operation(summary = "A batch: counters, status (RUNNING, then DONE) and the outcome of each decided document")
    @ApiResponse(responseCode = "200", description = "The batch with its `items`",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SigningBatchView.class)))
    @ApiResponse(responseCode = "403", description = "Not the batch's creator nor the administrator (also for an id that "
            + "does not exist)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "404", description = "No such batch (told to the administrator only)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @Allowed(Access.FOLLOW_SIGNING_BATCH)
    SigningBatchView batch(@PathVariable UUID id, Caller caller) {
        return batches.view(id, caller, true);
    }
}
