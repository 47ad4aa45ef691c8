package vn.hocba.archive.workflow;

import java.util.UUID;

/**
 * A document version was rendered and awaits its signatures.
 *
 * @param supersedes the version it replaces after a correction; null for a first issue
 */
public record DocumentRendered(UUID lookupCode, DocumentKey key, int version, UUID supersedes, int corrections,
                               String sha256, String actor) {
}
