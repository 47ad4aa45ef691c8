package vn.hocba.archive.workflow;

import java.util.UUID;

/**
 * A document awaiting the signed-in staff member's signature now (their worklist, "Việc của tôi").
 *
 * @param lookupCode the version's lookup code
 * @param key        what the document is (type, class, student or subject and period)
 * @param version    1 for the first issue, +1 per reissue
 * @param role       the role they sign it in (a subject teacher, the homeroom teacher, the principal)
 * @param signed     signatures collected so far
 * @param signers    signatures the document needs in all (its signing plan)
 */
public record AwaitingSignature(UUID lookupCode, DocumentKey key, int version, SignerRole role, int signed,
                                int signers) {
}
