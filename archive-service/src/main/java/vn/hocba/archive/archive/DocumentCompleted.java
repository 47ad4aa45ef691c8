package vn.hocba.archive.archive;

import java.util.UUID;

/**
 * A document received its last signature: it is complete and must be archived. Published in the transaction of that
 * signature and recorded in the event publication registry (the outbox), so that archiving happens after the answer,
 * and again after a crash or a store outage until it has succeeded.
 *
 * @param lookupCode the document
 * @param sha256     the complete PDF's sha256 (hex), which the archived object must have
 */
public record DocumentCompleted(UUID lookupCode, String sha256) {
}
