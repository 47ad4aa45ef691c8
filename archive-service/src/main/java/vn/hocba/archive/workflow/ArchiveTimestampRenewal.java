package vn.hocba.archive.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hocba.archive.archive.RecordArchive;
import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.pki.SignatureServices;
import vn.hocba.archive.pki.SigningProperties;
import vn.hocba.signing.DocumentTimestamp;
import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.PdfSigner;
import vn.hocba.signing.dss.DssSignatureValidator;

/**
 * Long-term preservation of archived documents (ETSI EN 319 102-1 / PAdES-BASELINE-LTA): before the certificate of
 * the time-stamping unit that made a file's newest document timestamp expires, a new archive timestamp is added over
 * the whole file, which keeps every earlier signature and timestamp verifiable. The renewed file is archived as a new
 * immutable object; the one it replaces stays in the store, listed in {@code document_archived_copy} and still
 * checked by the fixity sweeps. Runs on a schedule ({@code hocba.signing.renewal-interval}, default daily) and on an
 * administrator's command; a bounded number of documents per run ({@code hocba.signing.renewal-batch}).
 */
@Service
public class ArchiveTimestampRenewal {

    private static final Logger log = LoggerFactory.getLogger(ArchiveTimestampRenewal.class);

    /** What one run did. */
    public record Run(int examined, int renewed, int failed, Instant horizon) {
    }

    private final DocumentRepository documents;
    private final RecordArchive archive;
    private final PdfSigner signer;
    private final SignatureServices signatures;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration renewBefore;
    private final int batch;

    ArchiveTimestampRenewal(DocumentRepository documents, RecordArchive archive, PdfSigner signer,
                            SignatureServices signatures, TransactionTemplate tx, ApplicationEventPublisher events,
                            Clock clock, SigningProperties properties) {
        this.documents = documents;
        this.archive = archive;
        this.signer = signer;
        this.signatures = signatures;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.renewBefore = properties.renewBefore();
        this.batch = properties.renewalBatch();
    }

    @Scheduled(initialDelayString = "${hocba.signing.renewal-initial-delay:PT30M}",
            fixedDelayString = "${hocba.signing.renewal-interval:P1D}")
    void scheduled() {
        try {
            Run run = renewDue(renewBefore);
            if (run.examined() > 0 || run.renewed() > 0) {
                log.info("archive timestamps: {} examined, {} renewed, {} failed", run.examined(), run.renewed(), run.failed());
            }
        } catch (RuntimeException e) {
            log.warn("archive timestamp renewal failed; tried again at the next run", e);
        }
    }

    /**
     * Examines archived files whose timestamp validity is not recorded yet, then renews those whose newest document
     * timestamp's certificate expires within {@code within} of now.
     *
     * @param within the horizon, e.g. one year
     * @return counts of this run
     */
    public Run renewDue(Duration within) {
        Objects.requireNonNull(within, "within");
        int examined = 0;
        var validator = new DssSignatureValidator(signatures.trustAnchors());
        for (var version : documents.archivedWithoutTimestampInfo(batch)) {
            byte[] pdf = archive.read(version.archiveKey(), version.sha256(), version.lookupCode());
            // a file with no document timestamp (archived at B-LT, or before this stage) is due at once
            documents.setArchiveTimestampUntil(version.lookupCode(), newestValidity(validator, pdf).orElse(Instant.EPOCH));
            examined++;
        }
        Instant horizon = clock.instant().plus(within);
        int renewed = 0;
        int failed = 0;
        for (var version : documents.archivedTimestampsExpiringBefore(horizon, batch)) {
            try {
                if (renew(version, validator)) {
                    renewed++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("archive timestamp of {} not renewed: {}", version.lookupCode(), e.getMessage());
            }
        }
        return new Run(examined, renewed, failed, horizon);
    }

    private boolean renew(DocumentRepository.Version version, DssSignatureValidator validator) {
        byte[] pdf = archive.read(version.archiveKey(), version.sha256(), version.lookupCode());
        byte[] renewed = signer.extend(pdf, PadesLevel.B_LTA, signatures.signing());
        String sha = Hashes.sha256(renewed);
        Instant until = newestValidity(validator, renewed).orElseThrow(() ->
                new IllegalStateException("the renewed file has no document timestamp"));
        String key = archive.archive(renewed, sha, DocumentWorkflow.packageFacts(documents, version, PadesLevel.B_LTA.label()),
                version.archiveKey());
        Instant now = clock.instant();
        UUID lookupCode = version.lookupCode();
        Boolean done = tx.execute(status -> {
            if (!documents.renewArchive(lookupCode, version.archiveKey(), version.sha256(), key, sha, until, now)) {
                return false;
            }
            events.publishEvent(new DocumentArchiveRenewed(lookupCode, version.archiveKey(), key, sha, until));
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    private static Optional<Instant> newestValidity(DssSignatureValidator validator, byte[] pdf) {
        return validator.validate(pdf).documentTimestamps().stream()
                .max(Comparator.comparing(DocumentTimestamp::producedAt))
                .map(DocumentTimestamp::validUntil);
    }
}
