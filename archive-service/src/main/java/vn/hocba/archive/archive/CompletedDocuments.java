package vn.hocba.archive.archive;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The documents whose signatures are complete, as the feature that owns them sees them: implemented there, so that the
 * archive takes their bytes and records their archiving without depending on that feature.
 */
public interface CompletedDocuments {

    /** A complete document waiting for the archive: its bytes, their sha256, and what the catalogue keeps of it. */
    record Completed(UUID lookupCode, byte[] pdf, String sha256, PackageFacts facts) {
    }

    /** The document if it is complete and not archived yet; empty otherwise (archived already, or not complete). */
    Optional<Completed> awaitingArchive(UUID lookupCode);

    /**
     * Records that the document is archived under {@code key}, in the caller's transaction, and announces it.
     *
     * @return false when it was archived meanwhile (nothing changed)
     */
    boolean markArchived(UUID lookupCode, String key, Instant at);
}
