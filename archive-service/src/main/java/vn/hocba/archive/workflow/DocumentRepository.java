package vn.hocba.archive.workflow;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.rendering.GradebookPeriod;
import vn.hocba.archive.rendering.SignatureSlot;
import vn.hocba.signing.SignatureBox;

/**
 * Documents and their versions, with each version's signing plan (tables {@code document}, {@code document_signer},
 * {@code document_signer_subject}). Writes run in the caller's transaction.
 *
 * <p>The working PDF of a version not yet archived is in the row's {@code pdf} column, or, when
 * {@link WorkingCopyFiles} writes (the embedded default), in a file named by the row's {@code sha256}, written before
 * the transaction commits ({@link #withWorkingCopy}); the file a new revision replaces is retired after the commit
 * (removed once the database has forced that commit to disk), a new one whose transaction rolls back at once.
 */
@Repository
class DocumentRepository {

    /** Everything but the PDF bytes, which only signing, archiving and downloads read ({@link #workingPdf}). */
    private static final String SELECT = """
            select lookup_code, document_type, school_code, school_year, class_code, student_id, subject_code, period,
                   version, status, revision, sha256, supersedes, corrections, archive_key, signature_level
            from document""";

    private final JdbcClient db;
    private final WorkingCopyFiles files;

    DocumentRepository(JdbcClient db, WorkingCopyFiles files) {
        this.db = db;
        this.files = files;
    }

    /** One version of a document, without its bytes. */
    record Version(UUID lookupCode, DocumentKey key, int version, DocumentStatus status, int revision, String sha256,
                   UUID supersedes, int corrections, String archiveKey, String signatureLevel) {
    }

    /** A document awaiting one staff member's signature now, with how far its sequence has come. */
    record Awaiting(Version version, SignerRole role, int signed, int signers) {
    }

    /**
     * The documents of a school year where it is {@code staffId}'s turn now (an open step of theirs in the lowest stage
     * with an open step), in class and key order; at most {@code limit}.
     */
    List<Awaiting> awaiting(String school, String schoolYear, String staffId, int limit) {
        return db.sql("select d.lookup_code, d.document_type, d.school_code, d.school_year, d.class_code, d.student_id,"
                        + " d.subject_code, d.period, d.version, d.status, d.revision, d.sha256, d.supersedes, d.corrections,"
                        + " d.archive_key, d.signature_level, s.role,"
                        + " (select count(*) from document_signer x where x.lookup_code = d.lookup_code and x.signed_at is not null),"
                        + " (select count(*) from document_signer x where x.lookup_code = d.lookup_code)"
                        + " from document_signer s join document d on d.lookup_code = s.lookup_code"
                        + " where s.staff_id = ? and d.school_code = ? and d.school_year = ? and d.status = 'SIGNING'"
                        + " and s.signed_at is null and s.stage = (select min(x.stage) from document_signer x"
                        + " where x.lookup_code = s.lookup_code and x.signed_at is null)"
                        + " order by d.class_code, d.document_type, d.student_id, d.subject_code, d.period"
                        + " fetch first " + Math.max(1, limit) + " rows only")
                .params(staffId, school, schoolYear)
                .query((rs, i) -> new Awaiting(version(rs, i), SignerRole.valueOf(rs.getString(17)), rs.getInt(18),
                        rs.getInt(19)))
                .list();
    }

    Optional<Version> byLookupCode(UUID lookupCode) {
        return db.sql(SELECT + " where lookup_code = ?").param(lookupCode).query(DocumentRepository::version).optional();
    }

    /** The latest version of the series {@code key} (the current one, whatever its status). */
    Optional<Version> latest(DocumentKey key) {
        return db.sql(SELECT + " where " + KEY + " order by version desc fetch first 1 rows only")
                .params(keyParams(key)).query(DocumentRepository::version).optional();
    }

    Optional<Version> byVersion(DocumentKey key, int version) {
        return db.sql(SELECT + " where " + KEY + " and version = ?")
                .params(append(keyParams(key), version)).query(DocumentRepository::version).optional();
    }

    /** Versions of a class that are not superseded, of one type, in key order. */
    List<Version> currentOfClass(String school, String year, String classCode, DocumentType type) {
        return db.sql(SELECT + " where school_code = ? and school_year = ? and class_code = ? and document_type = ?"
                        + " and status <> 'SUPERSEDED' order by student_id, subject_code, period")
                .params(school, year, classCode, type.name()).query(DocumentRepository::version).list();
    }

    /** Counts of current (not superseded) student records per class, and of those archived. */
    Map<String, int[]> recordCounts(String school, String year) {
        Map<String, int[]> out = new LinkedHashMap<>();
        db.sql("""
                select class_code, count(*), sum(case when status = 'ARCHIVED' then 1 else 0 end) from document
                where school_code = ? and school_year = ? and document_type = 'STUDENT_RECORD' and status <> 'SUPERSEDED'
                group by class_code""")
                .params(school, year)
                .query(rs -> {
                    out.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return out;
    }

    boolean anyIssued(String school, String year) {
        return db.sql("select count(*) from document where school_code = ? and school_year = ?")
                .params(school, year).query(Integer.class).single() > 0;
    }

    /** The text the renderer drew on the version's pages; empty when it was rendered before V18 kept it. */
    Optional<String> pageText(UUID lookupCode) {
        return db.sql("select page_text from document_text where lookup_code = ?").param(lookupCode)
                .query(String.class).optional();
    }

    /**
     * The working PDF of a version as one read of its row found it: the bytes and the sha256 the row records for them.
     */
    record Working(byte[] pdf, String sha256) {

        /** Whether the bytes are the ones the row recorded (not changed behind the service's back). */
        boolean intact() {
            return Hashes.sha256(pdf).equals(sha256);
        }
    }

    /**
     * The current working PDF of a version.
     *
     * @return empty when the version has none any more (archived meanwhile: its file is in the archive)
     * @throws WorkingCopyDamagedException its file is missing (removed behind the service's back)
     */
    Optional<Working> working(UUID lookupCode) {
        for (int attempt = 1; ; attempt++) {
            record Row(byte[] pdf, String sha256, String archiveKey) {
            }
            Row row = db.sql("select pdf, sha256, archive_key from document where lookup_code = ?").param(lookupCode)
                    .query((rs, i) -> new Row(rs.getBytes(1), rs.getString(2), rs.getString(3))).single();
            if (row.archiveKey() != null) {
                return Optional.empty();
            }
            if (row.pdf() != null) {
                return Optional.of(new Working(row.pdf(), row.sha256())); // in the row: PostgreSQL, or written so before
            }
            var bytes = files.read(lookupCode, row.sha256());
            if (bytes.isPresent()) {
                return Optional.of(new Working(bytes.get(), row.sha256()));
            }
            // a new revision committed between the two reads (its file replaced this one): read the row again
            if (attempt == 3) {
                throw new WorkingCopyDamagedException(lookupCode, "missing");
            }
        }
    }

    /**
     * Writes a new revision's working PDF with {@code rows}, which is given the value of the {@code pdf} column (the
     * bytes, or null when they went to their file first, durably) and says whether it stored the revision. A file that
     * no row names (the rows refused it, threw, or the transaction rolled back) is removed; once the transaction
     * commits, the file of the revision it replaced ({@code previous}, null for none) is retired.
     *
     * @return what {@code rows} returned
     */
    private boolean withWorkingCopy(UUID lookupCode, byte[] pdf, String sha256, String previous,
                                    java.util.function.Function<byte[], Boolean> rows) {
        if (!files.writes()) {
            return rows.apply(pdf); // in the row; files left from before a switch go with the start-up sweep
        }
        WorkingCopyFiles.Forcing forcing = files.writeAndForce(lookupCode, sha256, pdf);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            // the statements below run while the disk forces the file; the commit waits for it at the latest
            pendingForces().add(forcing);
        } else {
            forcing.await(); // no transaction: each statement commits by itself, after this
        }
        Runnable unstage = () -> {
            forcing.discard(); // no row names it: nothing waits for its force, which may fail on the deleted file
            if (!sha256.equals(previous)) { // the same bytes again: the committed revision's own file
                files.delete(lookupCode, sha256);
            }
        };
        boolean stored;
        try {
            stored = rows.apply(null);
        } catch (RuntimeException e) {
            unstage.run();
            throw e;
        }
        if (!stored) {
            unstage.run();
            return false;
        }
        afterCompletion(() -> {
            if (previous != null && !previous.equals(sha256)) {
                files.retire(lookupCode, previous);
            }
        }, unstage);
        return true;
    }

    /**
     * Returns once the working copies the caller's transaction wrote are on disk. Its commit waits for them anyway (a
     * failed force throws there, and the transaction rolls back); a caller about to take a lock every signer needs (the
     * audit chain's head) waits here first, so the lock is not held while the disk works.
     *
     * @throws java.io.UncheckedIOException a force failed: the transaction must not commit
     */
    void awaitWorkingCopies() {
        if (TransactionSynchronizationManager.getResource(this) instanceof List<?> pending) {
            for (Object forcing : pending) {
                ((WorkingCopyFiles.Forcing) forcing).await();
            }
            pending.clear();
        }
    }

    /**
     * The forces under way for the caller's transaction, bound to it until it ends; a transaction suspended for another
     * (REQUIRES_NEW) takes its list along, so the inner one waits for its own files only, and for all of them.
     */
    @SuppressWarnings("unchecked")
    private List<WorkingCopyFiles.Forcing> pendingForces() {
        var bound = (List<WorkingCopyFiles.Forcing>) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        List<WorkingCopyFiles.Forcing> pending = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(DocumentRepository.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(DocumentRepository.this, pending);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                awaitWorkingCopies();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(DocumentRepository.this);
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE; // after the other beforeCommit work: the longest overlap
            }
        });
        return pending;
    }

    /** Runs {@code committed} or {@code rolledBack} when the caller's transaction ends (at once without one). */
    private static void afterCompletion(Runnable committed, Runnable rolledBack) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                (status == STATUS_COMMITTED ? committed : rolledBack).run();
            }
        });
    }

    /** lookup code → sha256 of every version whose working PDF is a file (for {@link WorkingCopyFiles#sweep}). */
    Map<UUID, String> workingCopies() {
        Map<UUID, String> out = new java.util.HashMap<>();
        db.sql("select lookup_code, sha256 from document where archive_key is null and pdf is null")
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return out;
    }

    /** Inserts a rendered version in SIGNING with its plan. */
    void insert(UUID lookupCode, DocumentKey key, int version, byte[] pdf, String sha256, UUID supersedes,
                int corrections, Instant at, SigningPlan plan, String pageText) {
        withWorkingCopy(lookupCode, pdf, sha256, null, column -> {
            insertRows(lookupCode, key, version, column, sha256, supersedes, corrections, at, plan, pageText);
            return true;
        });
    }

    private void insertRows(UUID lookupCode, DocumentKey key, int version, byte[] pdf, String sha256, UUID supersedes,
                            int corrections, Instant at, SigningPlan plan, String pageText) {
        db.sql("""
                insert into document (lookup_code, document_type, school_code, school_year, class_code, student_id,
                    subject_code, period, version, status, revision, pdf, sha256, supersedes, corrections, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SIGNING', 0, ?, ?, ?, ?, ?)""")
                .params(lookupCode, key.type().name(), key.school(), key.schoolYear(), key.classCode(), nz(key.student()),
                        nz(key.subject()), key.period() == null ? "" : key.period().name(), version, pdf, sha256,
                        supersedes, corrections, Timestamp.from(at))
                .update();
        if (pageText != null) {
            // a table of its own: kept in the document row, H2 rewrote it with every signature of every row beside it
            db.sql("insert into document_text (lookup_code, page_text) values (?, ?)").params(lookupCode, pageText)
                    .update();
        }
        for (SigningStep step : plan.steps()) {
            db.sql("""
                    insert into document_signer (lookup_code, staff_id, role, stage, slot, full_name, box_page, box_x,
                        box_y, box_width, box_height) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(lookupCode, step.staffId(), step.role().name(), step.role().stage(), slotText(step.slot()),
                            step.fullName(), step.box().page(), BigDecimal.valueOf(step.box().x()),
                            BigDecimal.valueOf(step.box().y()), BigDecimal.valueOf(step.box().width()),
                            BigDecimal.valueOf(step.box().height()))
                    .update();
            for (int i = 0; i < step.subjects().size(); i++) {
                db.sql("""
                        insert into document_signer_subject (lookup_code, staff_id, role, ordinal, subject_code)
                        values (?, ?, ?, ?, ?)""")
                        .params(lookupCode, step.staffId(), step.role().name(), i, step.subjects().get(i)).update();
            }
        }
    }

    /** The signing plan of a version, in stage order. */
    SigningPlan plan(UUID lookupCode) {
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        db.sql("""
                select staff_id, role, subject_code from document_signer_subject where lookup_code = ?
                order by staff_id, role, ordinal""")
                .param(lookupCode)
                .query(rs -> {
                    subjects.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(3));
                });
        return new SigningPlan(db.sql("""
                select staff_id, role, slot, full_name, box_page, box_x, box_y, box_width, box_height, signed_at
                from document_signer where lookup_code = ? order by stage, revision, staff_id""")
                .param(lookupCode)
                .query((rs, i) -> new SigningStep(rs.getString(1), SignerRole.valueOf(rs.getString(2)),
                        slot(rs.getString(3)), subjects.getOrDefault(rs.getString(1) + "/" + rs.getString(2), List.of()),
                        rs.getString(4),
                        new SignatureBox(rs.getInt(5), rs.getFloat(6), rs.getFloat(7), rs.getFloat(8), rs.getFloat(9)),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
                .list());
    }

    /**
     * Stores a signed revision if the version is still at {@code version}'s revision and SIGNING (nobody else signed,
     * nothing superseded it meanwhile); false otherwise.
     */
    boolean storeSignature(Version version, byte[] signed, String sha256, String level, SigningStep step, Instant at) {
        UUID lookupCode = version.lookupCode();
        int revision = version.revision();
        if (!replaceRevision(version, signed, sha256, level, "status = 'SIGNING'")) {
            return false;
        }
        db.sql("update document_signer set signed_at = ?, revision = ? where lookup_code = ? and staff_id = ? and role = ?")
                .params(Timestamp.from(at), revision + 1, lookupCode, step.staffId(), step.role().name()).update();
        return true;
    }

    /**
     * Replaces a complete, not yet archived version's file by its extension to a higher PAdES level (B-LT, B-LTA), if
     * still at {@code version}'s revision; false otherwise. The revision moves on, so an archiving started on the old
     * bytes cannot mark it.
     */
    boolean storeExtension(Version version, byte[] extended, String sha256, String level) {
        return replaceRevision(version, extended, sha256, level,
                "status in ('SIGNING', 'SUPERSEDED') and archive_key is null");
    }

    /**
     * The version's next revision ({@code pdf}, its sha256 and PAdES level) in place of {@code version}'s, if the row
     * is still at that revision and meets {@code condition} (SQL over {@code document}); false otherwise.
     */
    private boolean replaceRevision(Version version, byte[] pdf, String sha256, String level, String condition) {
        return withWorkingCopy(version.lookupCode(), pdf, sha256, version.sha256(), column -> db.sql(
                "update document set pdf = ?, sha256 = ?, revision = ?, signature_level = ?"
                        + " where lookup_code = ? and revision = ? and " + condition)
                .params(column, sha256, version.revision() + 1, level, version.lookupCode(), version.revision())
                .update() == 1);
    }

    /**
     * A complete version written to the archive under {@code key}, if still at {@code revision}: SIGNING becomes
     * ARCHIVED; a version superseded between its last signature and the archive stays SUPERSEDED, now with its file
     * kept. The working bytes are dropped.
     */
    boolean markArchived(UUID lookupCode, int revision, String key, Instant at) {
        boolean marked = db.sql("""
                update document set status = case when status = 'SUPERSEDED' then 'SUPERSEDED' else 'ARCHIVED' end,
                    archived_at = ?, archive_key = ?, archived_sha256 = sha256, pdf = null
                where lookup_code = ? and revision = ? and status in ('SIGNING', 'SUPERSEDED') and archive_key is null""")
                .params(Timestamp.from(at), key, lookupCode, revision).update() == 1;
        if (marked && files.writes()) {
            afterCompletion(() -> files.retire(lookupCode, null), () -> { }); // archived: no working copy is needed
        }
        return marked;
    }

    /** Any status but SUPERSEDED to SUPERSEDED (the revision moves on, so that a signature in flight fails). */
    boolean markSuperseded(UUID lookupCode) {
        return db.sql("""
                update document set status = 'SUPERSEDED', revision = revision + 1
                where lookup_code = ? and status <> 'SUPERSEDED'""")
                .param(lookupCode).update() == 1;
    }

    /** Every version whose plan is complete and that has no file in the archive yet (SIGNING, or superseded meanwhile). */
    List<UUID> completeButUnarchived() {
        return db.sql("""
                select d.lookup_code from document d where d.status in ('SIGNING', 'SUPERSEDED') and d.archive_key is null
                and not exists (select 1 from document_signer s where s.lookup_code = d.lookup_code and s.signed_at is null)""")
                .query(UUID.class).list();
    }

    /** Every version with a file in the archive (ARCHIVED, and SUPERSEDED ones that had been archived). */
    List<Version> archived() {
        return db.sql(SELECT + " where archive_key is not null").query(DocumentRepository::version).list();
    }

    /** An archived file replaced by a renewed one (it stays in the store): key, sha256, the version it belongs to. */
    record ArchivedCopy(UUID lookupCode, String archiveKey, String sha256) {
    }

    List<ArchivedCopy> archivedCopies() {
        return db.sql("select lookup_code, archive_key, sha256 from document_archived_copy")
                .query((rs, i) -> new ArchivedCopy(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    /** Archived versions whose document timestamp's certificate is not known yet, at most {@code limit}. */
    List<Version> archivedWithoutTimestampInfo(int limit) {
        return db.sql(SELECT + " where archive_key is not null and archive_timestamp_until is null"
                        + " order by archived_at fetch first " + limit + " rows only")
                .query(DocumentRepository::version).list();
    }

    /** Archived versions whose newest document timestamp's certificate expires before {@code before}. */
    List<Version> archivedTimestampsExpiringBefore(Instant before, int limit) {
        return db.sql(SELECT + " where archive_key is not null and archive_timestamp_until < ?"
                        + " order by archive_timestamp_until fetch first " + limit + " rows only")
                .param(Timestamp.from(before)).query(DocumentRepository::version).list();
    }

    void setArchiveTimestampUntil(UUID lookupCode, Instant until) {
        db.sql("update document set archive_timestamp_until = ? where lookup_code = ?")
                .params(Timestamp.from(until), lookupCode).update();
    }

    /**
     * Points an archived version at its renewed file, if it still points at {@code oldKey}, and keeps the replaced
     * file's key as an archived copy; false when another renewal came first.
     */
    boolean renewArchive(UUID lookupCode, String oldKey, String oldSha256, String newKey, String newSha256,
                         Instant timestampUntil, Instant at) {
        int updated = db.sql("""
                update document set archive_key = ?, sha256 = ?, archived_sha256 = ?, archive_timestamp_until = ?
                where lookup_code = ? and archive_key = ?""")
                .params(newKey, newSha256, newSha256, Timestamp.from(timestampUntil), lookupCode, oldKey).update();
        if (updated == 0) {
            return false;
        }
        db.sql("insert into document_archived_copy (lookup_code, archive_key, sha256, replaced_at) values (?, ?, ?, ?)")
                .params(lookupCode, oldKey, oldSha256, Timestamp.from(at)).update();
        return true;
    }

    /**
     * The archived version (ARCHIVED, or SUPERSEDED after its archiving) whose file has that sha256, if any. Versions
     * differ in their printed lookup code, so at most one has a given hash.
     */
    Optional<Version> archivedWithSha256(String sha256) {
        // archived_sha256: indexed, and set only when a version is archived (sha256 changes with every signature)
        Optional<Version> current = db.sql(SELECT + " where archived_sha256 = ? and archive_key is not null order by version fetch first 1 rows only")
                .param(sha256).query(DocumentRepository::version).optional();
        if (current.isPresent()) {
            return current;
        }
        // a file archived before its archive timestamp was renewed: still in the archive, still that version
        return db.sql("select lookup_code from document_archived_copy where sha256 = ? fetch first 1 rows only")
                .param(sha256).query((rs, i) -> rs.getObject(1, UUID.class)).optional()
                .flatMap(this::byLookupCode);
    }

    /** The version that replaced this one (its reissue), if any. */
    Optional<Version> supersededBy(UUID lookupCode) {
        return db.sql(SELECT + " where supersedes = ?").param(lookupCode).query(DocumentRepository::version).optional();
    }

    /** Current versions printing data of that class (any type), for a correction's reissue. */
    List<Version> currentOfClass(String school, String year, String classCode) {
        return db.sql(SELECT + " where school_code = ? and school_year = ? and class_code = ? and status <> 'SUPERSEDED'")
                .params(school, year, classCode).query(DocumentRepository::version).list();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final String KEY = """
            school_code = ? and school_year = ? and document_type = ? and class_code = ? and student_id = ?
            and subject_code = ? and period = ?""";

    private static Object[] keyParams(DocumentKey key) {
        return new Object[] {key.school(), key.schoolYear(), key.type().name(), key.classCode(), nz(key.student()),
                nz(key.subject()), key.period() == null ? "" : key.period().name()};
    }

    private static Object[] append(Object[] params, Object last) {
        Object[] out = java.util.Arrays.copyOf(params, params.length + 1);
        out[params.length] = last;
        return out;
    }

    private static Version version(ResultSet rs, int i) throws SQLException {
        DocumentType type = DocumentType.valueOf(rs.getString(2));
        String period = rs.getString(8);
        DocumentKey key = new DocumentKey(type, rs.getString(3), rs.getString(4), rs.getString(5), blankToNull(rs.getString(6)),
                blankToNull(rs.getString(7)), period.isEmpty() ? null : GradebookPeriod.valueOf(period));
        return new Version(rs.getObject(1, UUID.class), key, rs.getInt(9), DocumentStatus.valueOf(rs.getString(10)),
                rs.getInt(11), rs.getString(12), rs.getObject(13, UUID.class), rs.getInt(14), rs.getString(15),
                rs.getString(16));
    }

    static String slotText(SignatureSlot slot) {
        return slot.toString();
    }

    static SignatureSlot slot(String text) {
        return switch (text) {
            case "homeroom" -> SignatureSlot.HOMEROOM;
            case "principal" -> SignatureSlot.PRINCIPAL;
            default -> {
                if (!text.startsWith("subject:")) {
                    throw new IllegalStateException("unknown signature slot " + text);
                }
                yield SignatureSlot.subject(text.substring("subject:".length()));
            }
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
