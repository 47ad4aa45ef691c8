package vn.hocba.archive.archive;

import java.util.UUID;

/** A legal hold placed on an archived document: its objects cannot be deleted, whatever their retention. */
public record LegalHoldPlaced(UUID holdId, UUID lookupCode, String actor, String reason, String reference) {
}
