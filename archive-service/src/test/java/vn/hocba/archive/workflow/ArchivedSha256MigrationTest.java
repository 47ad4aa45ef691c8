package vn.hocba.archive.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V25 gives every archived version its archived_sha256 (the hash public validation looks archived files up by), and
 * none to a version still being signed; V26 keeps it equal to the version's sha256 from then on. On H2 in
 * MODE=PostgreSQL, as the service runs.
 */
class ArchivedSha256MigrationTest {

    static final String ARCHIVED = "00000000-0000-0000-0000-000000000001";
    static final String SIGNING = "00000000-0000-0000-0000-000000000002";

    @Test
    void archivedVersionsGetTheirHashAndKeepIt() throws SQLException {
        String url = "jdbc:h2:mem:archived-sha256-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("24").load().migrate();
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement()) {
            st.execute("insert into school (code, name, level) values ('S', 'Trường', 'THCS')");
            st.execute("insert into school_year values ('S', '2024-2025', '" + "0".repeat(64) + "', current_timestamp, '{}')");
            for (var row : List.of(List.of(ARCHIVED, "a", "'ARCHIVED'", "'S/2024-2025/HS1.pdf'"),
                    List.of(SIGNING, "b", "'SIGNING'", "null"))) {
                st.execute("""
                        insert into document (lookup_code, document_type, school_code, school_year, class_code, student_id,
                            subject_code, period, version, status, revision, sha256, corrections, created_at, archive_key)
                        values ('%s', 'STUDENT_RECORD', 'S', '2024-2025', '6A', 'HS%s', '', '', 1, %s, 0, '%s', 0,
                            current_timestamp, %s)""".formatted(row.get(0), row.get(0).substring(35), row.get(2),
                        row.get(1).repeat(64), row.get(3)));
            }
        }

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        List<String> rows = new ArrayList<>();
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement()) {
            try (var rs = st.executeQuery("select lookup_code, archived_sha256 from document order by lookup_code")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            // an archived version whose hash moved without its archived_sha256 is refused
            assertThatThrownBy(() -> st.executeUpdate("update document set sha256 = '" + "c".repeat(64)
                    + "' where lookup_code = '" + ARCHIVED + "'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.executeUpdate("update document set archive_key = 'k' where lookup_code = '"
                    + SIGNING + "'")).as("archived without its hash").isInstanceOf(SQLException.class);
            assertThat(st.executeUpdate("update document set archive_key = 'k', archived_sha256 = sha256 where lookup_code = '"
                    + SIGNING + "'")).isEqualTo(1);
        }
        assertThat(rows).containsExactly(ARCHIVED + " " + "a".repeat(64), SIGNING + " null");
    }
}
