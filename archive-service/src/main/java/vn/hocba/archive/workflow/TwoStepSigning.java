package vn.hocba.archive.workflow;

import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.common.InvalidInputException;
import vn.hocba.archive.pki.SignatureServices;
import vn.hocba.archive.pki.SignerCertificates;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.signing.InvalidSignatureValueException;
import vn.hocba.signing.PdfSigner;
import vn.hocba.signing.PendingSignature;
import vn.hocba.signing.PreparedElsewhereException;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningSettings;

/**
 * Two-step signing with the signer's own key (USB token, HSM, remote signing service; API.md "Documents"): the
 * service prepares the signature of the caller's turn with their registered certificate and hands out the data to
 * sign; the signer's device signs it; the service completes the signature with that value. The pending signature is
 * stored encoded ({@code pending_signature}), so any instance completes it, also after a restart; it is bound to the
 * document's revision, so a document that moved on meanwhile refuses it (409).
 */
@Service
public class TwoStepSigning {

    /** How long a prepared signature may wait for its value. */
    static final Duration VALIDITY = Duration.ofMinutes(15);
    /** How long an expired prepared signature is kept, so that a late completion answers 409 expired, not 404. */
    static final Duration EXPIRED_KEPT = Duration.ofDays(1);

    /** The answer to a prepare: what the signer's device signs. */
    public record Prepared(UUID id, String digestAlgorithm, byte[] dataToSign, Instant expiresAt) {
    }

    private record Row(UUID id, UUID lookupCode, String staffId, String role, int revision, byte[] encoded,
                       String createdBy, Instant expiresAt, Instant completedAt) {
    }

    private final DocumentWorkflow workflow;
    private final DocumentRepository documents;
    private final SignerCertificates certificates;
    private final SignatureServices signatures;
    private final PdfSigner signer;
    private final SchoolDirectory directory;
    private final JdbcClient db;
    private final Clock clock;

    TwoStepSigning(DocumentWorkflow workflow, DocumentRepository documents, SignerCertificates certificates,
                   SignatureServices signatures, PdfSigner signer, SchoolDirectory directory, JdbcClient db, Clock clock) {
        this.workflow = workflow;
        this.documents = documents;
        this.certificates = certificates;
        this.signatures = signatures;
        this.signer = signer;
        this.directory = directory;
        this.db = db;
        this.clock = clock;
    }

    /**
     * Who may take part at all, before anything the caller sent is read: 403 (as for an unknown code) for a caller
     * with no place in the document's signing sequence, so that such a caller learns nothing from the validation of a
     * body. Whose turn it is decides later.
     *
     * @throws ForbiddenException (403) not in the sequence, or may not read the document
     */
    public void requirePlace(UUID lookupCode, Caller caller) {
        workflow.requirePlace(workflow.arrivedForSigning(lookupCode, caller), caller);
    }

    /**
     * Step 1: checks that it is the caller's turn, that {@code certificate} is the one registered for the caller, and
     * that it chains to a trusted root, is within its validity and not revoked; then prepares the signature.
     *
     * @param certificate the signer's certificate (must equal the registered one)
     * @param chain       its chain as the signer gives it (may be empty: the registered chain is used)
     * @throws ForbiddenException          (403) not in the sequence, or may not read the document
     * @throws WorkflowConflictException   (409) out of turn, complete, superseded
     * @throws InvalidInputException       (422) no certificate registered, or another one
     * @throws CertificateRefusedException (409/503) untrusted, expired, revoked; revocation status unknown
     */
    public Prepared prepare(UUID lookupCode, Caller caller, X509Certificate certificate, List<X509Certificate> chain) {
        var arrived = workflow.arrivedForSigning(lookupCode, caller);
        SigningStep turn = workflow.openStep(arrived, caller, null);
        var registered = certificates.find(arrived.key().school(), caller.staffId()).orElseThrow(() ->
                new InvalidInputException("certificate-not-registered", "certificate",
                        "register your certificate first: PUT /api/v1/accounts/me/certificate",
                        "hãy đăng ký chứng thư số trước: PUT /api/v1/accounts/me/certificate"));
        if (!registered.certificate().equals(certificate)) {
            throw new InvalidInputException("certificate-not-registered", "certificate",
                    "this is not the certificate registered for you (serial "
                            + registered.certificate().getSerialNumber().toString(16) + ")",
                    "đây không phải chứng thư số đã đăng ký cho bạn (số hiệu "
                            + registered.certificate().getSerialNumber().toString(16) + ")");
        }
        List<X509Certificate> full = new ArrayList<>(List.of(certificate));
        (chain.isEmpty() ? registered.chain() : chain).stream().filter(c -> !c.equals(certificate)).forEach(full::add);
        return prepareChecked(arrived, turn, caller, full);
    }

    /**
     * Step 1 for a key held by the school's remote signing service (its credential for the caller, configured by the
     * school, so no registration): as {@link #prepare} otherwise, the certificate checked the same way.
     *
     * @param chain the credential's chain, signer first
     */
    public Prepared prepareRemote(UUID lookupCode, Caller caller, List<X509Certificate> chain) {
        var arrived = workflow.arrivedForSigning(lookupCode, caller);
        SigningStep turn = workflow.openStep(arrived, caller, null);
        return prepareChecked(arrived, turn, caller, chain);
    }

    private Prepared prepareChecked(DocumentRepository.Version arrived, SigningStep turn, Caller caller,
                                    List<X509Certificate> full) {
        UUID lookupCode = arrived.lookupCode();
        DocumentWorkflow.requireUsable(signatures.check(full));
        Instant now = clock.instant();
        var school = directory.school(arrived.key().school()).orElseThrow();
        SigningSettings settings = signatures.signing();
        PendingSignature pending;
        try {
            pending = signer.prepare(workflow.toSign(lookupCode), full,
                    workflow.signatureRequest(arrived.key(), turn, school.name(), now), settings);
        } catch (SigningException e) {
            throw SigningUnavailableException.because(e);
        }
        UUID id = UUID.randomUUID();
        Instant expires = now.plus(VALIDITY);
        // prepared signatures nobody completed: kept a day past expiry (a late completion learns it expired, 409),
        // then gone, so the table holds only what can still be answered
        db.sql("delete from pending_signature where expires_at < ?").param(Timestamp.from(now.minus(EXPIRED_KEPT)))
                .update();
        db.sql("""
                insert into pending_signature (id, lookup_code, staff_id, role, revision, encoded, created_by, created_at,
                    expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lookupCode, turn.staffId(), turn.role().name(), arrived.revision(), pending.encode(),
                        caller.username(), Timestamp.from(now), Timestamp.from(expires)).update();
        return new Prepared(id, "SHA256", pending.dataToSign(), expires);
    }

    /**
     * Step 2: completes a prepared signature with the value the signer's device made over its data to sign.
     *
     * @throws NotFoundException          (404) no such pending signature of this document for the caller
     * @throws WorkflowConflictException  (409) expired, or the document moved on (signed, superseded) meanwhile
     * @throws InvalidInputException      (422) the value does not verify with the certificate
     */
    public DocumentView complete(UUID lookupCode, UUID id, Caller caller, byte[] signatureValue) {
        var arrived = workflow.arrivedForSigning(lookupCode, caller);
        Row row = find(id).filter(r -> r.lookupCode().equals(lookupCode) && r.createdBy().equals(caller.username()))
                .orElseThrow(() -> {
                    // who has no place in the sequence learns nothing more (403); a planned signer, in turn or not,
                    // that this id is not theirs (404)
                    workflow.requirePlace(arrived, caller);
                    return new PendingNotFoundException();
                });
        if (row.completedAt() != null) {
            // the same value sent again, e.g. by an agent whose first answer was lost: done already, not signed twice
            throw new WorkflowConflictException("pending-completed", "this prepared signature was completed already",
                    "yêu cầu ký này đã được hoàn tất", documents.plan(lookupCode).awaiting());
        }
        Instant now = clock.instant();
        // refusals keep the row (until the clean-up a day past expiry), so that a retry gets the same answer
        if (now.isAfter(row.expiresAt())) {
            throw new WorkflowConflictException("pending-expired", "the prepared signature expired; prepare a new one",
                    "yêu cầu ký đã hết hạn; hãy tạo yêu cầu mới", documents.plan(lookupCode).awaiting());
        }
        PendingSignature pending;
        try {
            pending = PendingSignature.decode(row.encoded());
        } catch (SigningException unreadable) {
            // a stored form this version cannot read (damaged, or from an incompatible release): prepare again
            throw new WorkflowConflictException("pending-unreadable",
                    "the prepared signature can no longer be read; prepare a new one",
                    "không đọc được yêu cầu ký đã tạo; hãy tạo yêu cầu mới", documents.plan(lookupCode).awaiting());
        }
        // the certificate as it stands now: revoked or replaced since the data to sign was handed out, it signs nothing
        var registered = certificates.find(arrived.key().school(), caller.staffId());
        if (registered.isPresent() && !registered.get().certificate().equals(pending.certificate())) {
            throw new WorkflowConflictException("certificate-replaced",
                    "another certificate was registered for you after this signature was prepared; prepare again",
                    "bạn đã đăng ký chứng thư số khác sau khi tạo yêu cầu ký này; hãy tạo yêu cầu mới",
                    documents.plan(lookupCode).awaiting());
        }
        DocumentWorkflow.requireUsable(signatures.check(pending.chain()));
        return workflow.underSigningLock(arrived.key(), () -> {
            var version = workflow.byLookupCode(lookupCode);
            SigningPlan plan = documents.plan(lookupCode);
            // read again under the lock: a concurrent completion of the same id may have won meanwhile
            if (find(id).map(Row::completedAt).isPresent()) {
                throw new WorkflowConflictException("pending-completed", "this prepared signature was completed already",
                        "yêu cầu ký này đã được hoàn tất", plan.awaiting());
            }
            if (version.revision() != row.revision()) {
                throw new WorkflowConflictException("document-changed",
                        "the document changed after the signature was prepared (signed by another, or superseded); prepare again",
                        "văn bản đã thay đổi sau khi tạo yêu cầu ký (đã có người khác ký hoặc đã bị thay thế); hãy tạo yêu cầu mới",
                        plan.awaiting());
            }
            SigningStep turn = workflow.openStep(version, caller, null);
            if (!turn.staffId().equals(row.staffId()) || !turn.role().name().equals(row.role())) {
                throw new WorkflowConflictException("step-signed", "the step this signature was prepared for is no longer open",
                        "bước ký của yêu cầu này không còn mở", plan.awaiting());
            }
            byte[] signed;
            SigningSettings settings = signatures.signing().withLevel(pending.level());
            try {
                signed = signer.complete(workflow.toSign(lookupCode), pending, signatureValue, settings);
            } catch (InvalidSignatureValueException e) {
                throw new InvalidInputException("invalid-signature-value", "signatureValue",
                        "the signature value does not verify with your certificate over the data to sign",
                        "giá trị chữ ký không khớp với chứng thư số của bạn trên dữ liệu cần ký");
            } catch (PreparedElsewhereException e) {
                throw new WorkflowConflictException("prepared-elsewhere",
                        "this signature was prepared by another version of the service and cannot be completed; prepare again",
                        "yêu cầu ký này được tạo bởi một phiên bản khác của hệ thống nên không thể hoàn tất; hãy tạo yêu cầu mới",
                        plan.awaiting());
            } catch (SigningException e) {
                throw SigningUnavailableException.because(e);
            }
            if (!workflow.store(version, plan, turn, caller, signed, pending.level(), now, () -> completed(id, now))) {
                throw new WorkflowConflictException("document-changed",
                        "the document changed while the signature was completed; prepare again",
                        "văn bản đã thay đổi trong lúc hoàn tất chữ ký; hãy tạo yêu cầu mới", plan.awaiting());
            }
            return workflow.view(workflow.byLookupCode(lookupCode));
        });
    }

    private Optional<Row> find(UUID id) {
        return db.sql("""
                select id, lookup_code, staff_id, role, revision, encoded, created_by, expires_at, completed_at
                from pending_signature where id = ?""").param(id)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getBytes(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .optional();
    }

    /** Kept, marked, until the clean-up a day past its expiry: see {@link #complete}. */
    private void completed(UUID id, Instant now) {
        db.sql("update pending_signature set completed_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }


    /** No pending signature with that id for this document and caller (404). */
    static class PendingNotFoundException extends HocbaException {
        PendingNotFoundException() {
            super(HttpStatus.NOT_FOUND, "pending-not-found", "no such prepared signature of this document for you",
                    "không có yêu cầu ký này của bạn cho văn bản này");
        }
    }
}
