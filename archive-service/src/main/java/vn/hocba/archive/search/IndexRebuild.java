package vn.hocba.archive.search;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.hocba.archive.archive.RecordArchive;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.workflow.DocumentArchived;
import vn.hocba.archive.workflow.DocumentWorkflow;

/**
 * Rebuilds the whole index from the archive (issue 17): every version with a file in the archive is read back from
 * the store (its bytes checked against the sha256 recorded at archive time), its pages' text extracted, and indexed
 * with its catalogue fields; entries of nothing archived are removed. Not from the database's copy of the text: a
 * rebuild must show what the archive holds. Runs in the background, one at a time, with progress; search and archiving
 * go on meanwhile (entries are replaced in place, never emptied first; what is archived or superseded meanwhile keeps
 * its entry as the outbox writes it). A document whose file cannot be read or checked is counted as failed and named
 * in the log; the rest go on. A batch the index refuses (Elasticsearch down) ends the rebuild FAILED.
 */
@Component
class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

    private final SearchIndex index;
    private final RecordArchive archive;
    private final DocumentWorkflow workflow;
    private final Clock clock;
    private final AtomicReference<Progress> current = new AtomicReference<>();

    private final RecordIndexer indexer;
    /** Set at shutdown: a rebuild under way stops at its next document (the index is about to close). */
    private volatile boolean stopping;

    IndexRebuild(SearchIndex index, RecordArchive archive, DocumentWorkflow workflow, RecordIndexer indexer, Clock clock) {
        this.index = index;
        this.archive = archive;
        this.workflow = workflow;
        this.indexer = indexer;
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        stopping = true;
    }

    /** A rebuild's state: RUNNING, then DONE; counts of documents indexed, failed and stale entries removed. */
    static final class Progress {
        final UUID id = UUID.randomUUID();
        final Instant startedAt;
        volatile Instant finishedAt;
        volatile int total;
        final AtomicInteger indexed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile int removed;
        volatile String error;

        Progress(Instant startedAt) {
            this.startedAt = startedAt;
        }

        View view() {
            return new View(id, finishedAt == null ? "RUNNING" : error == null ? "DONE" : "FAILED", total, indexed.get(),
                    failed.get(), removed, startedAt, finishedAt, error);
        }
    }

    /** The progress as the API answers it. */
    record View(UUID id, String status, int total, int indexed, int failed, int removed, Instant startedAt,
                Instant finishedAt, String error) {
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws HocbaException 409 {@code rebuild-running} while one runs
     */
    View start() {
        var progress = new Progress(clock.instant());
        var running = current.get();
        if (running != null && running.finishedAt == null || !current.compareAndSet(running, progress)) {
            throw new HocbaException(HttpStatus.CONFLICT, "rebuild-running", "the index is being rebuilt already",
                    "chỉ mục đang được dựng lại") {
            };
        }
        var worker = new Thread(() -> run(progress), "index-rebuild");
        worker.setDaemon(true);
        worker.start();
        return progress.view();
    }

    /** The latest rebuild's progress, if any ran since the start. */
    java.util.Optional<View> latest() {
        return java.util.Optional.ofNullable(current.get()).map(Progress::view);
    }

    private void run(Progress progress) {
        try {
            // the index is listed before the database is read (as IndexReconciler does): a document archived and
            // indexed meanwhile is then in neither list or in both, never taken for a stale entry and removed
            Set<String> before = new HashSet<>();
            index.forEachEntry(e -> before.add(e.fields().lookupCode()));
            List<DocumentArchived> archived = workflow.archived();
            progress.total = archived.size();
            Set<String> keep = new HashSet<>();
            index.inBatch(() -> {
                for (DocumentArchived record : archived) {
                    if (stopping) {
                        throw new IllegalStateException("the service is stopping");
                    }
                    keep.add(record.lookupCode().toString());
                    try {
                        byte[] pdf = archive.read(record.archiveKey(), record.sha256(), record.lookupCode());
                        index.index(RecordIndexer.document(record, RecordIndexer.text(pdf, record)));
                        progress.indexed.incrementAndGet();
                    } catch (RuntimeException e) {
                        progress.failed.incrementAndGet();
                        log.error("rebuilding the index: archived document {} could not be read or indexed",
                                record.lookupCode(), e);
                    }
                }
                List<String> stale = before.stream().filter(code -> !keep.contains(code)).toList();
                stale.forEach(index::remove);
                progress.removed = stale.size();
            });
            // a version superseded while the rebuild ran was written back with the status it had when the list was
            // read: the outbox's own indexing of the change may have come first, so write what is true now
            var now = workflow.archived().stream().collect(java.util.stream.Collectors.toMap(
                    r -> r.lookupCode().toString(), DocumentArchived::status));
            for (DocumentArchived record : archived) {
                String status = now.get(record.lookupCode().toString());
                if (status != null && !status.equals(record.status())) {
                    indexer.index(new DocumentArchived(record.lookupCode(), record.documentType(), record.school(),
                            record.schoolYear(), record.classCode(), record.student(), record.fullName(),
                            record.version(), record.archiveKey(), record.sha256(), status, false));
                }
            }
            log.info("index rebuilt from the archive: {} indexed, {} failed, {} stale entries removed",
                    progress.indexed.get(), progress.failed.get(), progress.removed);
        } catch (RuntimeException e) {
            progress.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("rebuilding the index failed", e);
        } finally {
            progress.finishedAt = clock.instant();
        }
    }
}
