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
 *   <li>rewrites the live pages of the sparsest chunks, up to {@code upkeep-bytes} (1 MB) of live data, when the
 *       chunks' fill rate is below {@code upkeep-fill-rate} (50%), and commits them itself, so a signer's commit does
 *       not carry them.</li>
 * </ol>
 * H2's retention time stays at its default (45 s): H2 measures it from a chunk's writing, not from its death, and
 * reuses a dead chunk's space in the very next commit, so a shorter one would let a commit overwrite a chunk that the
 * last state forced to disk still needs. Compaction therefore rewrites chunks older than 45 s only. Does nothing on
 * another database (PostgreSQL keeps its own house) or on an in-memory H2. Uses H2's engine classes
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

    /** Forces the file, then compacts a little and commits the rewritten pages. */
    void keep(MVStore store) {
        if (store.isClosed() || store.isReadOnly()) {
            return;
        }
        store.sync();
        if (store.compact(fillRate, bytes)) {
            store.commit();
        }
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
