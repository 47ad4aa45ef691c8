package vn.hocba.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V27 drops the unique index on {@code audit_event.hash} that every append wrote into, and only it: the entries stay
 * keyed by {@code seq}. On H2 in MODE=PostgreSQL, as the service runs (the PostgreSQL end-to-end test migrates a
 * PostgreSQL database through it).
 */
class AuditHashIndexMigrationTest {

    @Test
    void dropsTheHashIndexAndKeepsTheSequence() throws SQLException {
        String url = "jdbc:h2:mem:audit-hash-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("26").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement()) {
            insert(st, 1, "a");
            assertThatThrownBy(() -> insert(st, 2, "a")).as("before V27: the hash is unique")
                    .isInstanceOf(SQLException.class);
            assertThat(indexes(c)).as("before V27").isEqualTo(2);
        }

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement()) {
            assertThat(indexes(c)).as("after V27: the primary key's alone").isEqualTo(1);
            insert(st, 2, "a"); // the index is gone; the chain's verification, not the database, judges hashes
            assertThatThrownBy(() -> insert(st, 2, "b")).as("the sequence stays the key")
                    .isInstanceOf(SQLException.class);
        }
    }

    private static void insert(java.sql.Statement st, int seq, String hash) throws SQLException {
        st.execute("insert into audit_event (seq, occurred_at, actor, action, subject, details, prev_hash, hash) values ("
                + seq + ", current_timestamp, 'a', 'X', 's', 'd', '" + "0".repeat(64) + "', '" + hash.repeat(64) + "')");
    }

    private static int indexes(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery(
                "select count(*) from information_schema.indexes where lower(table_name) = 'audit_event'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
