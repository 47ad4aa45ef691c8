package vn.hocba.archive.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored requests on the schema as Flyway migrates it (H2, MODE=PostgreSQL as the service runs): each status step
 * happens once, a step that lost a race changes nothing, and the approved corrections of a class come oldest first.
 */
class CorrectionRequestsTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    private JdbcClient db;
    private CorrectionRequests requests;

    @BeforeEach
    void freshDatabase() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:corr" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        db = JdbcClient.create(ds);
        db.sql("insert into school (code, name, level) values ('S1', 'Trường', 'THCS')").update();
        db.sql("insert into school_year (school_code, school_year, dataset_sha256, imported_at, summary) values "
                + "('S1', '2024-2025', ?, ?, '')").params("0".repeat(64), java.sql.Timestamp.from(T0)).update();
        requests = new CorrectionRequests(db);
    }

    @Test
    void aRequestIsStoredWithItsEvidenceAndReadBackWhole() {
        byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
        var evidence = new Evidence("bài.pdf", "application/pdf", pdf, "a".repeat(64));
        Correction c = requested("6A", "final", T0);
        requests.insert(c, evidence);
        Correction read = requests.find("S1", "2024-2025", c.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(CorrectionStatus.REQUESTED);
        assertThat(read.oldValue()).isEqualTo("6.7");
        assertThat(read.requestedAt()).isEqualTo(T0);
        assertThat(read.evidence()).isEqualTo(new Correction.EvidenceInfo("bài.pdf", "application/pdf", pdf.length, "a".repeat(64)));
        assertThat(requests.evidence(c.id()).orElseThrow().content()).isEqualTo(pdf);
        assertThat(requests.find("S1", "2023-2024", c.id())).as("another year").isEmpty();
        assertThat(requests.lock("S1", "2024-2025", c.id())).isPresent();
    }

    @Test
    void eachStepHappensOnceAndOnlyFromTheStatusItLeaves() {
        Correction c = requested("6A", "final", T0);
        requests.insert(c, null);
        assertThat(requests.decide(c.id(), CorrectionStatus.CONFIRMED, CorrectionStatus.APPROVED, "p", T0, null)).isFalse();
        assertThat(requests.confirm(c.id(), "h", T0)).isTrue();
        assertThat(requests.confirm(c.id(), "h", T0)).as("twice").isFalse();
        assertThat(requests.decide(c.id(), CorrectionStatus.CONFIRMED, CorrectionStatus.APPROVED, "p", T0, null)).isTrue();
        assertThat(requests.decide(c.id(), CorrectionStatus.CONFIRMED, CorrectionStatus.REJECTED, "p", T0, "x")).isFalse();
        Correction read = requests.find("S1", "2024-2025", c.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(CorrectionStatus.APPROVED);
        assertThat(read.confirmedBy()).isEqualTo("h");
        assertThat(read.decidedBy()).isEqualTo("p");
        assertThat(read.rejectionReason()).isNull();
    }

    @Test
    void onlyAnUndecidedRequestCountsAsOpen() {
        Correction c = requested("6A", "regular[0]", T0);
        requests.insert(c, null);
        assertThat(requests.openRequestExists("S1", "2024-2025", "HS1", "TOAN", 1, "regular[0]")).isTrue();
        assertThat(requests.openRequestExists("S1", "2024-2025", "HS1", "TOAN", 1, "regular[1]")).isFalse();
        requests.decide(c.id(), CorrectionStatus.REQUESTED, CorrectionStatus.REJECTED, "p", T0, "không đủ căn cứ");
        assertThat(requests.openRequestExists("S1", "2024-2025", "HS1", "TOAN", 1, "regular[0]")).isFalse();
    }

    @Test
    void theApprovedCorrectionsOfAClassComeOldestApprovalFirst() {
        Correction later = requested("6A", "final", T0);
        Correction earlier = requested("6A", "midterm", T0);
        Correction rejected = requested("6A", "regular[0]", T0);
        Correction otherClass = requested("7A", "final", T0);
        for (Correction c : new Correction[] {later, earlier, rejected, otherClass}) {
            requests.insert(c, null);
            requests.confirm(c.id(), "h", T0);
        }
        requests.decide(later.id(), CorrectionStatus.CONFIRMED, CorrectionStatus.APPROVED, "p", T0.plusSeconds(60), null);
        requests.decide(earlier.id(), CorrectionStatus.CONFIRMED, CorrectionStatus.APPROVED, "p", T0.plusSeconds(30), null);
        requests.decide(rejected.id(), CorrectionStatus.CONFIRMED, CorrectionStatus.REJECTED, "p", T0, "x");
        requests.decide(otherClass.id(), CorrectionStatus.CONFIRMED, CorrectionStatus.APPROVED, "p", T0, null);
        assertThat(requests.ofClass("S1", "2024-2025", "6A")).extracting(a -> a.id(), a -> a.field(), a -> a.approvedAt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(earlier.id(), "midterm", T0.plusSeconds(30)),
                        org.assertj.core.groups.Tuple.tuple(later.id(), "final", T0.plusSeconds(60)));
        assertThat(requests.ofClass("S1", "2024-2025", "8A")).isEmpty();
        assertThat(requests.list("S1", "2024-2025", CorrectionStatus.APPROVED)).hasSize(3);
        assertThat(requests.list("S1", "2024-2025", null)).hasSize(4);
    }

    @Test
    void theSchemaRefusesAnUnknownStatusOrTermAfterTheMigrationsConnectionIsGone() {
        // each insert here runs on a new connection: Flyway's is closed (a pool retires connections the same way)
        Correction c = requested("6A", "final", T0);
        requests.insert(c, null);
        assertThatThrownBy(() -> db.sql("update correction_request set status = 'DELETED' where id = ?").param(c.id()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.sql("update correction_request set term = 3 where id = ?").param(c.id()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(requests.find("S1", "2024-2025", c.id()).orElseThrow().status()).isEqualTo(CorrectionStatus.REQUESTED);
    }

    private static Correction requested(String classCode, String field, Instant at) {
        return new Correction(UUID.randomUUID(), "S1", "2024-2025", classCode, "HS1", "TOAN", 1, field, "6.7", "8.7",
                "lý do", "GV011@S1", at, CorrectionStatus.REQUESTED, null, null, null, null, null, null);
    }
}
