package vn.hocba.archive.e2e;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.hocba.archive.security.TestAccounts;

/**
 * The same scenario in production mode: the real PostgreSQL at 127.0.0.1:5432 (bin/test starts it), in a database
 * made fresh for the run, and the archive on S3 Object Lock ({@code HOCBA_STORAGE=s3}) in a bucket of its own on the
 * radosgw that {@code bin/s3-server} starts, and search on Elasticsearch 8 ({@code HOCBA_SEARCH=elasticsearch}) in an
 * index of its own on the server that {@code bin/es-server} starts. The
 * application creates no demo accounts on a server database, so the test brings its own ({@link TestAccounts}).
 */
@ActiveProfiles("postgres")
@Import(TestAccounts.class)
class PostgresEndToEndIT extends EndToEndScenario {

    static final String HOST = System.getProperty("hocba.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    /** Its own database per checkout when several builds share one server: {@code -Dhocba.it.database=...}. */
    static final String DATABASE = System.getProperty("hocba.it.database", "hocba_it");

    static String bucket;

    /** A new version written directly to the bucket, bypassing the service (as the keys' holder could): unlocked. */
    @Override
    AutoCloseable alterBehindTheServicesBack(String key, String sha256) throws Exception {
        var raw = vn.hocba.storage.s3.S3TestServer.shared().client();
        byte[] forged = "%PDF-1.7 forged".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var written = raw.putObject(io.minio.PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new java.io.ByteArrayInputStream(forged), forged.length, -1)
                .userMetadata(java.util.Map.of("sha256", sha256)).build());
        return () -> raw.removeObject(io.minio.RemoveObjectArgs.builder().bucket(bucket).object(key)
                .versionId(written.versionId()).build());
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws SQLException {
        try (var c = DriverManager.getConnection(HOST + "postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
        embeddedDefaults(registry, "data-postgres");
        registry.add("spring.datasource.url", () -> HOST + DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        var s3 = vn.hocba.storage.s3.S3TestServer.shared().serviceProperties("e2e");
        bucket = s3.get("hocba.s3.bucket");
        s3.forEach((name, value) -> registry.add(name, () -> value));
        vn.hocba.archive.search.EsTestServer.shared().serviceProperties("e2e")
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * An import leaves the planner statistics of what it filled: without them PostgreSQL took the fresh tables for
     * empty and joined a class's assessments to its students row by row (6 s a query at 1,500 students).
     */
    @org.junit.jupiter.api.Test
    void anImportLeavesThePlannerItsStatistics() throws java.io.IOException {
        ensureImported();
        for (String table : java.util.List.of("student", "assessment", "conduct")) {
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select reltuples from pg_class where relname = ?")
                            .param(table).query(Double.class).single())
                    .as(table + " analyzed (reltuples is -1 before the first analyze)").isPositive();
        }
    }

    @org.junit.jupiter.api.Test
    void searchIsElasticsearch() {
        org.assertj.core.api.Assertions.assertThat(searchIndex.getClass().getSimpleName())
                .isEqualTo("ElasticsearchSearchIndex");
    }

    @org.junit.jupiter.api.Test
    void theArchiveIsTheS3Bucket() {
        org.assertj.core.api.Assertions.assertThat(store).isInstanceOf(vn.hocba.storage.s3.S3ObjectStore.class);
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("accounts")
    org.springframework.security.core.userdetails.UserDetailsService applicationAccounts;

    @org.junit.jupiter.api.Test
    void theApplicationCreatesNoDemoAccountsOnAServerDatabase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> applicationAccounts.loadUserByUsername("admin"))
                .isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> applicationAccounts.loadUserByUsername("GV011@THCS-MK2"))
                .isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);
        for (String inspector : java.util.List.of("inspector.district", "inspector.province")) { // API.md "Accounts"
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> applicationAccounts.loadUserByUsername(inspector))
                    .isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);
        }
    }
}
