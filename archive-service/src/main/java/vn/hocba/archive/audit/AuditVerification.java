package vn.hocba.archive.audit;

import java.util.Map;

/**
 * The result of recomputing the audit chain (API.md {@code GET /api/v1/audit/verification}).
 *
 * @param valid       whether every entry, the head row and the external anchors agree
 * @param entries     the number of entries verified (the head's seq)
 * @param head        the head's hash, hex
 * @param firstBroken the first entry found broken, null when valid
 * @param unanchored  hashes of verified entries not yet anchored (seq → hash), for the next anchor; empty unless valid
 */
public record AuditVerification(boolean valid, long entries, String head, Broken firstBroken,
                                Map<Long, String> unanchored) {

    /** The first broken entry: its seq and why. */
    public record Broken(long seq, String reason) {
    }
}
