package vn.hocba.archive.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * An archived document got a new archive timestamp (long-term preservation): its file is now {@code newKey}; the
 * replaced one, {@code oldKey}, stays in the store.
 *
 * @param timestampValidUntil notAfter of the new timestamp's certificate
 */
public record DocumentArchiveRenewed(UUID lookupCode, String oldKey, String newKey, String sha256,
                                     Instant timestampValidUntil) {
}
