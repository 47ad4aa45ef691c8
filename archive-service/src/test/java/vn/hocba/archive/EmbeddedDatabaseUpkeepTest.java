package vn.hocba.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's upkeep on a real H2 file database in the service's durable setting ({@code WRITE_DELAY=0}: a
 * chunk per commit, and no housekeeping of H2's own).
 */
class EmbeddedDatabaseUpkeepTest {

    @TempDir
    Path dir;

    @Test
    void compactsTheChunksThatDurableCommitsLeave() throws Exception {
        // RETENTION_TIME=0: the chunks are old enough to rewrite at once (the service keeps H2's 45 s)
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table t (id int primary key, v varchar(200))");
            c.createStatement().execute("insert into t select x, repeat('x', 150) from system_range(0, 19999)");
            // a signature-like load: one row changed per commit, all over the table
            for (int i = 0; i < 1500; i++) {
                c.createStatement().execute("update t set v = 'signed " + i + "' where id = " + (i * 7919 % 20000));
            }
            int before = chunks(c);
            var dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(url);
            dataSource.setUser("sa");
            // the scheduled run itself: the store found through a connection of the data source, then kept
            var upkeep = new EmbeddedDatabaseUpkeep(dataSource, 50, 1 << 20, java.time.Duration.ofSeconds(1));
            for (int i = 0; i < 20; i++) {
                upkeep.upkeep();
                c.createStatement().execute("update t set v = 'after' where id = " + i); // a commit drops freed chunks
            }
            int after = chunks(c);
            assertThat(before).as("chunks left by 1,500 durable commits").isGreaterThan(500);
            assertThat(after).as("chunks after the upkeep (before: %d)", before).isLessThan(before / 5);
        }
    }

    @Test
    void leavesOtherDatabasesAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:upkeep", "sa", "")) {
            assertThat(EmbeddedDatabaseUpkeep.storeOf(c)).as("an in-memory database has no file to keep").isNull();
        }
    }

    private static int chunks(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'info.CHUNK_COUNT'")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
