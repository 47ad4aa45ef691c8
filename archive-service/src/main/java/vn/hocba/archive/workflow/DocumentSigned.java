package vn.hocba.archive.workflow;

import java.util.UUID;

/** One signature was added to a document version, as a new incremental revision. */
public record DocumentSigned(UUID lookupCode, DocumentKey key, String staff, SignerRole role, int revision,
                             String sha256, String actor) {
}
