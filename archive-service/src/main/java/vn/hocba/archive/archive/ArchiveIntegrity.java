package vn.hocba.archive.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hocba.archive.common.Hashes;
import vn.hocba.storage.IntegrityException;
import vn.hocba.storage.NoSuchObjectException;
import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectStore;

/**
 * Fixity of the archive: a download is served only when its bytes match the sha256 the database recorded at archive
 * time (the store's own sidecar hash is not enough: whoever can rewrite a file can rewrite its sidecar). Every failure
 * is recorded for good ({@code integrity_finding}), written to the audit log and raised as an alert (an ERROR log line
 * starting with {@code ALERT}), in its own transaction so that it stays even though the request fails.
 *
 * <p>Two sweeps compare the store with the database both ways: {@link #reconcileReferences()} (at start: objects the
 * database refers to that are missing, objects nobody refers to) and {@link #sweep()} (scheduled: every object
 * re-hashed as well).
 */
@Service
public class ArchiveIntegrity {

    private static final Logger log = LoggerFactory.getLogger(ArchiveIntegrity.class);
    /** Where documents are archived; other prefixes (e.g. audit anchors) are not documents. */
    static final String DOCUMENTS_PREFIX = "records/";

    private final ObjectStore store;
    private final JdbcClient db;
    private final TransactionTemplate newTx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<ArchivedObjects> references;
    private final io.micrometer.core.instrument.MeterRegistry metrics;

    ArchiveIntegrity(ObjectStore store, JdbcClient db, PlatformTransactionManager transactions,
                     ApplicationEventPublisher events, Clock clock, List<ArchivedObjects> references,
                     io.micrometer.core.instrument.MeterRegistry metrics) {
        this.metrics = metrics;
        this.store = store;
        this.db = db;
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.references = references;
    }

    /**
     * The archived bytes of a document, checked against the sha256 recorded at archive time.
     *
     * @throws ArchiveIntegrityException (500, recorded and alerted) when the bytes are missing or do not match
     */
    public byte[] readVerified(String key, String recordedSha256, UUID lookupCode) {
        byte[] bytes;
        try {
            bytes = store.getBytes(new ObjectKey(key));
        } catch (IntegrityException e) {
            throw failedDownload(key, lookupCode, "SHA_MISMATCH", "the stored bytes do not match the store's own record: "
                    + e.expectedSha256().orElse("?") + " recorded, " + e.actualSha256().orElse("?") + " found");
        } catch (NoSuchObjectException e) {
            throw failedDownload(key, lookupCode, "MISSING", "the archived object is missing from the store");
        }
        String actual = Hashes.sha256(bytes);
        if (!actual.equals(recordedSha256)) {
            throw failedDownload(key, lookupCode, "SHA_MISMATCH",
                    "sha256 " + actual + " differs from " + recordedSha256 + " recorded at archive time");
        }
        return bytes;
    }

    private ArchiveIntegrityException failedDownload(String key, UUID lookupCode, String reason, String detail) {
        record(null, key, lookupCode, reason, detail, "download");
        return new ArchiveIntegrityException(lookupCode);
    }

    /** The result of a sweep. */
    public record SweepResult(long id, int objects, List<Finding> failures) {
    }

    /** One finding as the integrity report shows it. */
    public record Finding(String key, UUID lookupCode, String reason, String detail, Instant foundAt) {
    }

    /**
     * Compares what the database refers to with what the store lists, without reading the bytes: objects missing
     * from the store, and objects nobody refers to (e.g. written just before a crash lost the database change that
     * referred to them). Fast enough to run at every start.
     */
    public SweepResult reconcileReferences() {
        return run("REFERENCES", false, 1.0);
    }

    /** {@link #reconcileReferences()} plus every referenced object re-hashed against the database's sha256. */
    public SweepResult sweep() {
        return run("FULL", true, 1.0);
    }

    /**
     * {@link #reconcileReferences()} for a rotating share of the archive: {@code fraction} (0 to 1) of the referenced
     * objects, in key order from after the last key the previous sample checked (wrapping round), re-hashed; so that
     * {@code 1 / fraction} samples cover everything, each reading that share of the bytes. Listing the store for
     * unreferenced objects still covers it all.
     */
    public SweepResult sample(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the fixity sample is a fraction in (0, 1]: " + fraction);
        }
        return fraction == 1 ? sweep() : run("SAMPLE", true, fraction);
    }

    private SweepResult run(String kind, boolean rehash, double fraction) {
        Instant started = clock.instant();
        long sweepId = newTx.execute(status -> {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            db.sql("insert into fixity_sweep (kind, started_at) values (?, ?)").params(kind, Timestamp.from(started))
                    .update(keys, "id");
            return keys.getKey().longValue();
        });
        Set<String> referenced = new HashSet<>();
        List<Finding> failures = new ArrayList<>();
        List<ArchivedObjects.Reference> all = new ArrayList<>();
        for (ArchivedObjects source : references) {
            all.addAll(source.archivedObjects());
        }
        all.sort(java.util.Comparator.comparing(ArchivedObjects.Reference::key));
        Set<String> sampled = sampled(all, kind, fraction);
        // the sample's last key in rotation order: where the next sample starts
        String lastKey = sampled.isEmpty() ? null : new ArrayList<>(sampled).get(sampled.size() - 1);
        int objects = 0;
        for (ArchivedObjects.Reference ref : all) {
            referenced.add(ref.key());
            boolean read = rehash && sampled.contains(ref.key());
            objects++;
            Finding f = check(ref, read);
            metrics.counter("hocba.fixity.objects", "kind", kind, "read", Boolean.toString(read)).increment();
            if (f != null) {
                failures.add(f);
                record(sweepId, f.key(), f.lookupCode(), f.reason(), f.detail(), "sweep");
            }
        }
        List<String> stored;
        try (var keys = store.list(DOCUMENTS_PREFIX)) {
            stored = keys.map(ObjectKey::value).toList();
        }
        for (String key : stored) {
            // an archive package's manifest belongs to its PDF: unreferenced only when that PDF is
            String pdf = key.endsWith(RecordArchive.MANIFEST_SUFFIX)
                    ? key.substring(0, key.length() - RecordArchive.MANIFEST_SUFFIX.length()) + ".pdf" : key;
            if (!referenced.contains(pdf)) {
                var f = new Finding(key, null, "UNREFERENCED",
                        "stored in the archive, but no document in the database refers to it", clock.instant());
                failures.add(f);
                record(sweepId, key, null, f.reason(), f.detail(), "sweep");
            }
        }
        int counted = objects;
        String cursor = lastKey;
        newTx.executeWithoutResult(status -> db.sql(
                        "update fixity_sweep set finished_at = ?, objects = ?, failures = ?, last_key = ? where id = ?")
                .params(Timestamp.from(clock.instant()), counted, failures.size(), cursor, sweepId).update());
        failures.forEach(f -> metrics.counter("hocba.fixity.failures", "reason", f.reason()).increment());
        if (failures.isEmpty()) {
            log.info("fixity {}: {} archived object(s) checked, no failure", kind, objects);
        }
        return new SweepResult(sweepId, objects, failures);
    }

    /** The keys a run re-reads: all, or the share after the previous sample's last key, wrapping round. */
    private Set<String> sampled(List<ArchivedObjects.Reference> sorted, String kind, double fraction) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        if (!"SAMPLE".equals(kind)) {
            sorted.forEach(r -> keys.add(r.key()));
            return keys;
        }
        if (sorted.isEmpty()) {
            return keys;
        }
        String after = db.sql("""
                select last_key from fixity_sweep where kind = 'SAMPLE' and finished_at is not null
                and last_key is not null order by id desc fetch first 1 rows only""")
                .query(String.class).optional().orElse("");
        int start = 0;
        while (start < sorted.size() && sorted.get(start).key().compareTo(after) <= 0) {
            start++;
        }
        int count = (int) Math.min(sorted.size(), Math.ceil(fraction * sorted.size()));
        for (int i = 0; i < count; i++) {
            keys.add(sorted.get((start + i) % sorted.size()).key());
        }
        return keys;
    }

    private Finding check(ArchivedObjects.Reference ref, boolean rehash) {
        ObjectKey key = new ObjectKey(ref.key());
        var stored = store.stat(key);
        if (stored.isEmpty()) {
            return new Finding(ref.key(), ref.lookupCode(), "MISSING", "the archived object is missing from the store",
                    clock.instant());
        }
        if (!stored.get().sha256().equals(ref.sha256())) {
            return new Finding(ref.key(), ref.lookupCode(), "SHA_MISMATCH", "the store records sha256 "
                    + stored.get().sha256() + ", the database " + ref.sha256() + " recorded at archive time",
                    clock.instant());
        }
        if (!rehash) {
            return null;
        }
        metrics.counter("hocba.fixity.bytes").increment(stored.get().size());
        try {
            // the store re-reads the bytes against its record (equal to the database's, above); on S3 it also reads
            // every other version of the key, which only someone bypassing the service can have written
            if (!store.verify(key)) {
                return new Finding(ref.key(), ref.lookupCode(), "SHA_MISMATCH",
                        "the stored bytes no longer match the sha256 recorded at archive time, or another version or a "
                                + "delete marker was written under the key", clock.instant());
            }
            return manifestDisagrees(ref);
        } catch (NoSuchObjectException e) {
            return new Finding(ref.key(), ref.lookupCode(), "MISSING", "the archived object is missing from the store",
                    clock.instant());
        }
    }

    /**
     * The archive package's manifest must describe the object the database recorded (a document archived before
     * packages existed has none: nothing to compare).
     */
    private Finding manifestDisagrees(ArchivedObjects.Reference ref) {
        ObjectKey manifest = RecordArchive.manifestKey(ref.key());
        if (store.stat(manifest).isEmpty()) {
            return null;
        }
        try {
            if (!store.verify(manifest)) {
                return new Finding(ref.key(), ref.lookupCode(), "MANIFEST_MISMATCH", "the manifest " + manifest.value()
                        + " no longer matches what was written (altered bytes, or another version written under its key)",
                        clock.instant());
            }
            var json = MANIFESTS.readTree(store.getBytes(manifest));
            String described = json.path("object").path("sha256").asString("");
            return described.equals(ref.sha256()) ? null : new Finding(ref.key(), ref.lookupCode(),
                    "MANIFEST_MISMATCH", "the manifest " + manifest.value() + " describes sha256 " + described
                    + ", the database recorded " + ref.sha256(), clock.instant());
        } catch (IntegrityException | tools.jackson.core.JacksonException e) {
            return new Finding(ref.key(), ref.lookupCode(), "MANIFEST_MISMATCH", "the manifest " + manifest.value()
                    + " is damaged: " + e.getMessage(), clock.instant());
        }
    }

    private static final tools.jackson.databind.json.JsonMapper MANIFESTS =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /**
     * A sweep that could not run to its end (the store did not answer): recorded as a finding {@code SWEEP_FAILED}
     * (object key {@code (sweep)}), so that the integrity report and the audit log say the archive went unchecked.
     */
    void recordSweepFailure(String kind, RuntimeException cause) {
        String detail = "the " + kind + " fixity sweep could not finish: " + cause.getMessage();
        record(null, "(sweep)", null, "SWEEP_FAILED", detail.length() > 1000 ? detail.substring(0, 1000) : detail,
                "sweep");
        metrics.counter("hocba.fixity.failures", "reason", "SWEEP_FAILED").increment();
    }

    private void record(Long sweepId, String key, UUID lookupCode, String reason, String detail, String foundBy) {
        newTx.executeWithoutResult(status -> {
            db.sql("""
                    insert into integrity_finding (found_at, sweep_id, object_key, lookup_code, reason, detail)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(Timestamp.from(clock.instant()), sweepId, key, lookupCode, reason, detail).update();
            events.publishEvent(new IntegrityFailed(key, lookupCode, reason, detail, foundBy));
        });
        if ("UNREFERENCED".equals(reason)) {
            log.warn("ALERT archive integrity: {} {} ({})", reason, key, detail);
        } else {
            log.error("ALERT archive integrity: {} {} of document {} found by {} ({})", reason, key, lookupCode,
                    foundBy, detail);
        }
    }

    /** The integrity report: the latest finished sweep, and its failures plus those found by downloads since. */
    public Report report() {
        var latest = db.sql("""
                select id, kind, started_at, finished_at, objects from fixity_sweep where finished_at is not null
                order by id desc fetch first 1 rows only""")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5)})
                .optional();
        Instant since = latest.map(l -> (Instant) l[2]).orElse(Instant.EPOCH);
        long sweepId = latest.map(l -> (Long) l[0]).orElse(-1L);
        List<Finding> failures = db.sql("""
                select object_key, lookup_code, reason, detail, found_at from integrity_finding
                where sweep_id = ? or (sweep_id is null and found_at >= ?) order by id""")
                .params(sweepId, Timestamp.from(since))
                .query((rs, i) -> new Finding(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
        return new Report(latest.map(l -> (Instant) l[3]).orElse(null), latest.map(l -> (String) l[1]).orElse(null),
                latest.map(l -> (Integer) l[4]).orElse(0), failures);
    }

    /** API.md {@code GET /api/v1/integrity}: {@code checkedAt}, {@code objects}, {@code failures}. */
    public record Report(Instant checkedAt, String kind, int objects, List<Finding> failures) {
    }
}
