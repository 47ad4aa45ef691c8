package vn.hocba.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * A document timestamp of a PDF (ETSI EN 319 142-1 PAdES-BASELINE-LTA): a timestamp over the whole file, signatures
 * and validation data included, that keeps them verifiable after their certificates expire.
 *
 * @param id         the validator's identifier of the timestamp
 * @param producedAt the production time the timestamp authority states
 * @param passed     whether the timestamp itself validated (its message imprint matches, its signature is sound)
 */
public record DocumentTimestamp(String id, Instant producedAt, boolean passed) {

    /** Checks the identifier and the time are present. */
    public DocumentTimestamp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(producedAt, "producedAt");
    }
}
