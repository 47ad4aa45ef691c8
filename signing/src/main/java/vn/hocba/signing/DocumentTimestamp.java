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
 * @param validUntil the notAfter of the time-stamping unit's certificate: an archive timestamp is renewed before
 *                   then (ETSI EN 319 102-1 long-term preservation); null if the certificate is not in the file
 */
public record DocumentTimestamp(String id, Instant producedAt, boolean passed, Instant validUntil) {

    /** A timestamp whose certificate's validity is not known. */
    public DocumentTimestamp(String id, Instant producedAt, boolean passed) {
        this(id, producedAt, passed, null);
    }

    /** Checks the identifier and the time are present. */
    public DocumentTimestamp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(producedAt, "producedAt");
    }
}
