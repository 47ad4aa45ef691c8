package vn.hocba.archive.archive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;

/**
 * API.md "Retention and legal hold": {@code POST /api/v1/documents/{lookupCode}/holds} ({@code {"reason",
 * "reference"}}, 201 with the hold), {@code DELETE …/holds/{id}} (204), {@code GET …/retention}.
 */
@RestController
class LegalHoldController {

    private final LegalHolds holds;

    LegalHoldController(LegalHolds holds) {
        this.holds = holds;
    }

    /** The body of a hold: why, and on what decision or case it rests. */
    record HoldRequest(String reason, String reference)
            implements vn.hocba.archive.common.StrictRequestBody.JudgedAfterAccess {
    }

    @PostMapping("/api/v1/documents/{lookupCode}/holds")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Placed: the store holds "
            + "every object of the document until the last hold is released")
    @Allowed(Access.HOLD)
    ResponseEntity<LegalHolds.Hold> place(@PathVariable UUID lookupCode,
                                          @RequestBody(required = false) HoldRequest body, Caller caller) {
        var hold = holds.place(lookupCode, caller, body == null ? null : body.reason(),
                body == null ? null : body.reference());
        return ResponseEntity.status(HttpStatus.CREATED).body(hold);
    }

    @DeleteMapping("/api/v1/documents/{lookupCode}/holds/{id}")
    @Allowed(Access.HOLD)
    ResponseEntity<Void> release(@PathVariable UUID lookupCode, @PathVariable UUID id, Caller caller) {
        holds.release(lookupCode, id, caller);
        return ResponseEntity.noContent().build();
    }

    /** {@code retainUntil} null: permanent. */
    @GetMapping("/api/v1/documents/{lookupCode}/retention")
    @Allowed(Access.READ_DOCUMENT)
    RetentionBody retention(@PathVariable UUID lookupCode, Caller caller) {
        var r = holds.retention(lookupCode, caller);
        return new RetentionBody(r.lookupCode(), r.retainUntil(), r.basis(), r.holds());
    }

    record RetentionBody(UUID lookupCode, Instant retainUntil, String basis, List<LegalHolds.Hold> holds) {
    }
}
