package vn.hocba.archive.archive;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an archive package's manifest says of the document beyond its bytes.
 *
 * @param document       the document (catalogue facts)
 * @param student        the student of a student record, else null
 * @param supersedes     the lookup code of the version this one replaces after a correction, else null
 * @param signatureLevel the PAdES level of the archived file (ETSI EN 319 142-1 name)
 * @param signers        the signatures, in signing order
 */
public record PackageFacts(DocumentFacts document, String student, UUID supersedes, String signatureLevel,
                           List<Signer> signers) {

    public PackageFacts {
        Objects.requireNonNull(document, "document");
        signers = List.copyOf(signers);
    }

    /** One signature: who, in which role of the sequence, when. */
    public record Signer(String staffId, String role, Instant signedAt) {
    }
}
