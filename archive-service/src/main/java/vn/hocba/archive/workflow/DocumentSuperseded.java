package vn.hocba.archive.workflow;

import java.util.UUID;

/**
 * A document version was replaced by a new one after an approved correction; it stays readable and verifiable under
 * its own lookup code.
 *
 * @param correction the approved correction that caused it
 */
public record DocumentSuperseded(UUID lookupCode, UUID supersededBy, DocumentKey key, UUID correction, String actor) {
}
