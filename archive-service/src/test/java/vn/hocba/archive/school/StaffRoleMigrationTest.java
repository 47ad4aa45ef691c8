package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V8 moves the comma-separated {@code staff.roles} column into {@code staff_role} rows (issue 14), on H2 in
 * MODE=PostgreSQL as the service runs; PostgresEndToEndIT runs the same migration on PostgreSQL.
 */
class StaffRoleMigrationTest {

    @Test
    void everyRoleOfTheOldColumnBecomesOneRowAndTheColumnIsGone() throws SQLException {
        String url = "jdbc:h2:mem:staff-role-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("6").load().migrate();
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement()) {
            st.execute("insert into school (code, name, level) values ('S', 'Trường', 'THCS')");
            st.execute("insert into school_year values ('S', '2024-2025', '" + "0".repeat(64) + "', current_timestamp, '{}')");
            st.execute("""
                    insert into staff (school_code, school_year, id, full_name, roles) values
                    ('S', '2024-2025', 'GV001', 'Hiệu trưởng', 'PRINCIPAL,TEACHER'),
                    ('S', '2024-2025', 'GV002', 'Phó hiệu trưởng', 'VICE_PRINCIPAL'),
                    ('S', '2024-2025', 'GV003', 'Văn thư', 'TEACHER,CLERK,ADMIN')""");
        }

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        List<String> rows = new ArrayList<>();
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement();
             var rs = st.executeQuery("select staff_id, role from staff_role order by staff_id, role")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
            try (var columns = c.getMetaData().getColumns(null, null, "staff", "roles")) {
                assertThat(columns.next()).as("staff.roles dropped").isFalse();
            }
        }
        assertThat(rows).containsExactly("GV001 PRINCIPAL", "GV001 TEACHER", "GV002 VICE_PRINCIPAL", "GV003 ADMIN",
                "GV003 CLERK", "GV003 TEACHER");
    }
}
