package vn.hocba.archive.e2e;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.hocba.archive.security.TestAccounts;

/**
 * {@link SigningBatchScenario} on the real PostgreSQL at 127.0.0.1:5432 (bin/test starts it), in a database of its own
 * made fresh for the run; a smaller school (30 students, {@code -Dhocba.batch.postgres-students=N}) since the embedded
 * run covers the size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@Import(TestAccounts.class)
class PostgresSigningBatchIT extends SigningBatchScenario {

    static final String DATABASE = System.getProperty("hocba.it.batch-database", "hocba_it_batch");

    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws SQLException {
        try (var c = DriverManager.getConnection(PostgresEndToEndIT.HOST + "postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
        dataDir = properties(registry, "data-batch-postgres");
        registry.add("spring.datasource.url", () -> PostgresEndToEndIT.HOST + DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Override
    int students() {
        return Integer.getInteger("hocba.batch.postgres-students", 30);
    }

    @Override
    Path dataDir() {
        return dataDir;
    }

    @Override
    boolean workingCopiesInFiles() {
        return false;
    }
}
