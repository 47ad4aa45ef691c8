package vn.hocba.archive;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database's store upkeep, which H2 itself skips in the durable setting the service needs.
 *
 * <p>With {@code WRITE_DELAY=0} (a commit is written to the file before the answer: a killed process keeps every
 * answered signature) H2 writes one MVStore chunk per commit and runs no background thread, so it never compacts: a
 * chunk stays while one of its pages is live, and every commit rewrites the metadata of the chunks whose pages it
 * replaced. Over a school's year end the store kept 7,000-9,000 chunks at a 6% fill rate, the file grew to 600 MB for
 * 100 MB of data, and each commit's cost grew with the chunks (issue 15). Every
 * {@code hocba.embedded-database.upkeep-interval} (1 s), on a thread of its own (not the shared scheduler, whose long
 * jobs would delay it), this
 * <ol>
 *   <li>forces what H2 has written to disk ({@code FileChannel.force}): a power cut loses at most about a second of
 *       commits, where H2 alone left it to the operating system's write-back (30 s on Linux);</li>
 *   <li>pins the version that force made durable, and lets H2 free the space of a dead chunk only when the chunk died
 *       in a version before the pin (see below);</li>
 *   <li>rewrites the live pages of the sparsest chunks, up to {@code upkeep-bytes} (1 MB) of live data, when the
 *       chunks' fill rate is below {@code upkeep-fill-rate} (50%), and commits them itself, so a signer's commit does
 *       not carry them.</li>
 * </ol>
 *
 * <h2>Freeing dead chunks only behind a force</h2>
 * H2 reuses a dead chunk's space in the next commit once the chunk is older than its retention time (45 s), counted
 * from the chunk's writing: a guess that the operating system has written everything to the disk by then. While a
 * chunk lives, the state last forced to disk may still need it after a power cut; once the commit that killed it is
 * forced, it never will. So, each run: register a use of the current version ({@code registerVersionUsage}), wait for
 * a store in progress ({@code commit}, under H2's store lock), force, then release the previous run's use. H2 frees a
 * dead chunk only if it died before the oldest version in use ({@code Chunk.unusedAtVersion < oldestVersionToKeep}),
 * and the oldest one in use is now the pinned version, whose stores were all written before the force. With that
 * rule in place the retention time is set to 0 (after the first force, and back to H2's value, behind a store and a
 * force, before the last pin is released on stop): the store keeps the chunks of about the last second instead of
 * the last 45 s (about 150 against 4,000-9,000 under signing), which made each commit's metadata the largest part of a
 * signature's database time. A stopped or slow upkeep only holds the pin longer: chunks pile up, none is freed early.
 *
 * <p>Does nothing on another database (PostgreSQL keeps its own house) or on an in-memory H2. Uses H2's engine classes
 * ({@link SessionLocal}, {@link MVStore}): they are public, and the H2 version is fixed by the build.
 */
@Component
class EmbeddedDatabaseUpkeep implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseUpkeep.class);

    private final DataSource dataSource;
    private final int fillRate;
    private final int bytes;
    private final java.time.Duration interval;
    /** Cleared at the first call that finds no H2 file store behind the data source. */
    private volatile boolean applies = true;
    /** The store, asked of a connection once (the pool may be busy with signers when the upkeep is due). */
    private volatile MVStore store;
    /** Guards the pin (the upkeep's thread and the service's stop; not {@code this}, which stop holds while waiting). */
    private final Object pinLock = new Object();
    /** The store whose version {@link #pin} holds; the pin belongs to that store only. */
    private MVStore pinned;
    /** The use of the version the last force made durable: no chunk that died at or after it is freed. */
    private MVStore.TxCounter pin;
    /** The store's retention time before the pin took over (H2's 45 s unless the URL sets another). */
    private int retentionTime = -1;
    private java.util.concurrent.ScheduledExecutorService thread;

    EmbeddedDatabaseUpkeep(DataSource dataSource,
                           @Value("${hocba.embedded-database.upkeep-fill-rate:50}") int fillRate,
                           @Value("${hocba.embedded-database.upkeep-bytes:1048576}") int bytes,
                           @Value("${hocba.embedded-database.upkeep-interval:PT1S}") java.time.Duration interval) {
        this.dataSource = dataSource;
        this.fillRate = fillRate;
        this.bytes = bytes;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "h2-upkeep");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        thread.scheduleWithFixedDelay(this::upkeep, millis, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS); // not while H2 closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        try {
            release();
        } catch (RuntimeException e) {
            log.warn("embedded database upkeep: pin not released: {}", e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000; // stopped before the data source and the web server's graceful shutdown
    }

    void upkeep() {
        if (!applies) {
            return;
        }
        try {
            MVStore current = store;
            if (current == null || current.isClosed()) {
                try (Connection connection = dataSource.getConnection()) {
                    current = storeOf(connection);
                }
                if (current == null) {
                    applies = false;
                    return;
                }
                store = current;
            }
            keep(current);
        } catch (SQLException | RuntimeException e) {
            // a closing store, a full disk: H2 reports it to the requests as well; try again next time
            log.warn("embedded database upkeep skipped: {}", e.toString());
        }
    }

    /**
     * Forces the file and moves the pin to the version the force made durable (the first time, also sets the retention
     * time to 0), then compacts a little and commits the rewritten pages.
     */
    void keep(MVStore store) {
        synchronized (pinLock) {
            keepPinned(store);
        }
    }

    private void keepPinned(MVStore store) {
        if (store.isClosed() || store.isReadOnly()) {
            return;
        }
        if (pinned != store) { // a first run, or the database was closed and opened again: the old pin went with it
            pinned = store;
            pin = null;
            retentionTime = -1;
        }
        MVStore.TxCounter next = store.registerVersionUsage();
        MVStore.TxCounter previous = pin;
        try {
            store.commit(); // under the store lock: a store of an older version in progress is written when it returns
            store.sync();
        } catch (RuntimeException e) {
            store.deregisterVersionUsage(next); // the previous pin stays: nothing newer is known to be durable
            throw e;
        }
        pin = next;
        if (previous != null) {
            store.deregisterVersionUsage(previous);
        }
        if (retentionTime < 0) {
            retentionTime = store.getRetentionTime();
            store.setRetentionTime(0);
        }
        if (store.compact(fillRate, bytes)) {
            store.commit();
        }
    }

    /**
     * Gives H2 its retention time back, behind a store and a force, then releases the pin: from then on H2 frees chunks
     * by its own rule again (the service is stopping, or the store is no longer kept).
     */
    void release() {
        synchronized (pinLock) {
            releasePin();
        }
    }

    private void releasePin() {
        MVStore store = pinned;
        if (store == null || pin == null) {
            return;
        }
        if (!store.isClosed()) {
            if (retentionTime >= 0) {
                store.setRetentionTime(retentionTime);
            }
            store.commit(); // the store lock: a store after this one sees the retention time
            store.sync();
            store.deregisterVersionUsage(pin);
        }
        pin = null;
        pinned = null;
        retentionTime = -1;
    }

    /** The MVStore of an H2 file database behind {@code connection}; null for another database or an in-memory one. */
    static MVStore storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null; // a client of an H2 server: that process keeps its own store
        }
        var database = session.getDatabase();
        return database.isPersistent() && database.getStore() != null ? database.getStore().getMvStore() : null;
    }
}
