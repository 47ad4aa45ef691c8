package vn.hocba.archive.archive;

import java.util.UUID;

/**
 * An archived object is not what the database recorded (altered bytes, missing, or stored with nobody referring to it).
 * Published in the transaction that records the finding, so the audit entry commits with it.
 *
 * @param key        the object's key in the store
 * @param lookupCode the document it belongs to, null for an object nobody refers to
 * @param reason     SHA_MISMATCH, MISSING or UNREFERENCED
 * @param detail     what was found (hashes, no personal data)
 * @param foundBy    "download" or "sweep"
 */
public record IntegrityFailed(String key, UUID lookupCode, String reason, String detail, String foundBy) {
}
