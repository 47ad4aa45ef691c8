package vn.hocba.archive.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V19 moves {@code document.page_text} into {@code document_text} rows, on H2 in MODE=PostgreSQL as the service runs:
 * a version rendered with its text keeps it, one rendered before V18 (null) gets no row and is still indexed from its
 * archived file, and the column is gone from the row that every signature rewrites.
 */
class DocumentTextMigrationTest {

    @Test
    void theTextOfEveryVersionMovesToItsOwnTableAndTheColumnIsGone() throws SQLException {
        String url = "jdbc:h2:mem:document-text-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("18").load().migrate();
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement()) {
            st.execute("insert into school (code, name, level) values ('S', 'Trường', 'THCS')");
            st.execute("insert into school_year values ('S', '2024-2025', '" + "0".repeat(64) + "', current_timestamp, '{}')");
            for (var row : List.of(List.of("00000000-0000-0000-0000-000000000001", "'Nguyễn Thị Ánh\nToán 8,5'"),
                    List.of("00000000-0000-0000-0000-000000000002", "null"))) {
                st.execute("""
                        insert into document (lookup_code, document_type, school_code, school_year, class_code, student_id,
                            subject_code, period, version, status, revision, sha256, corrections, created_at, page_text)
                        values ('%s', 'STUDENT_RECORD', 'S', '2024-2025', '6A', 'HS%s', '', '', 1, 'SIGNING', 0, '%s', 0,
                            current_timestamp, %s)""".formatted(row.get(0), row.get(0).substring(35), "a".repeat(64),
                        row.get(1)));
            }
        }

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        List<String> rows = new ArrayList<>();
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement();
             var rs = st.executeQuery("select lookup_code, page_text from document_text order by lookup_code")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
            try (var columns = c.getMetaData().getColumns(null, null, "document", "page_text")) {
                assertThat(columns.next()).as("document.page_text dropped").isFalse();
            }
        }
        assertThat(rows).containsExactly("00000000-0000-0000-0000-000000000001 Nguyễn Thị Ánh\nToán 8,5");
    }
}
