package vn.hocba.archive.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The document body of API.md ("Documents"), answered by the record, gradebook and {@code /api/v1/documents/…} endpoints.
 *
 * @param lookupCode     the version's lookup code (UUID v4); a reissued version gets a new one
 * @param documentType   {@code STUDENT_RECORD}, {@code CLASS_GRADEBOOK} or {@code CLASS_SUMMARY}
 * @param school         the school's code
 * @param schoolYear     e.g. {@code 2024-2025}
 * @param classCode      the class ({@code class} in JSON)
 * @param student        the student's id; null for class documents
 * @param subject        the subject of a gradebook; null for a student record
 * @param period         {@code TERM1}, {@code TERM2} or {@code YEAR} for class documents; null for a student record
 * @param version        1 for the first issue, +1 per reissue
 * @param status         SIGNING, ARCHIVED or SUPERSEDED
 * @param sha256         hex SHA-256 of the current PDF (also the {@code ETag})
 * @param supersedes     the lookup code of the version this one replaces, null for the first
 * @param corrections    approved corrections printed on it
 * @param signatureLevel the PAdES level of its signatures (ETSI EN 319 142-1)
 * @param signatures     the signatures collected, in signing order
 * @param awaiting       staff ids whose turn it is now (empty when complete)
 * @param signers        signatures the document needs in all (its signing plan; {@code signatures} of them collected)
 */
public record DocumentView(UUID lookupCode, DocumentType documentType, String school, String schoolYear,
                         @JsonProperty("class") String classCode, String student, String subject, String period,
                         int version, DocumentStatus status, String sha256, UUID supersedes, int corrections,
                         String signatureLevel, List<Signature> signatures, List<String> awaiting,
                           int signers) {

    /** One collected signature. */
    public record Signature(String staff, SignerRole role, List<String> subjects, Instant signedAt) {
    }
}
