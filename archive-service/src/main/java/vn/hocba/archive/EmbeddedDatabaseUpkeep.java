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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database's store upkeep, which H2 itself skips in the durable setting the service needs.
 *
 * <p>With {@code WRITE_DELAY=0} (a commit is written to the file before the answer: a killed process keeps every
 * answered signature) H2 writes one MVStore chunk per commit and runs no background thread, so it never compacts: a
 * chunk stays while one of its pages is live, and every commit rewrites the metadata of the chunks whose pages it
 * replaced. Over a school's year end the store kept 7,000-9,000 chunks at a 6% fill rate, the file grew to 600 MB for
 * 100 MB of data, and each commit's cost grew with the chunks (issue 15: H2's commit was a quarter of a signature's
 * time). Every {@code hocba.embedded-database.upkeep-interval} (1 s) this
 * <ol>
 *   <li>forces what H2 has written to disk ({@code FileChannel.force}): with {@code RETENTION_TIME=5000} in the URL
 *       the space of a chunk nothing needs any more is reused after 5 s instead of H2's 45 s, which H2 chose as the
 *       time a file system takes to flush on its own; here the commits that replaced it are on disk within a second;</li>
 *   <li>rewrites the live pages of the sparsest chunks, up to {@code upkeep-bytes} (1 MB) of live data, when the
 *       chunks' fill rate is below {@code upkeep-fill-rate} (50%), and commits them itself, so a signer's commit does
 *       not carry them.</li>
 * </ol>
 * Runs on the scheduler's thread, beside the requests (H2 serialises it with their commits). Does nothing on another
 * database (PostgreSQL keeps its own house) or on an in-memory H2. Uses H2's engine classes ({@link SessionLocal},
 * {@link MVStore}): they are public, and the H2 version is fixed by the build.
 */
@Component
class EmbeddedDatabaseUpkeep {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseUpkeep.class);

    private final DataSource dataSource;
    private final int fillRate;
    private final int bytes;
    /** Cleared at the first call that finds no H2 file store behind the data source. */
    private volatile boolean applies = true;

    EmbeddedDatabaseUpkeep(DataSource dataSource,
                           @Value("${hocba.embedded-database.upkeep-fill-rate:50}") int fillRate,
                           @Value("${hocba.embedded-database.upkeep-bytes:1048576}") int bytes) {
        this.dataSource = dataSource;
        this.fillRate = fillRate;
        this.bytes = bytes;
    }

    @Scheduled(fixedDelayString = "${hocba.embedded-database.upkeep-interval:PT1S}",
            initialDelayString = "${hocba.embedded-database.upkeep-interval:PT1S}")
    void upkeep() {
        if (!applies) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            if (store == null) {
                applies = false;
                return;
            }
            keep(store);
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
