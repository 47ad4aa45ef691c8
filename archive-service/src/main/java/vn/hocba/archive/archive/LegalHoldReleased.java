package vn.hocba.archive.archive;

import java.util.UUID;

/** A legal hold released; the store's hold goes off when no other hold of the document is open. */
public record LegalHoldReleased(UUID holdId, UUID lookupCode, String actor, boolean storeHoldOff) {
}
