package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import vn.hocba.archive.common.Hashes;

/**
 * {@code changed} is decided on the data, not on the bytes: the same dataset as JSON, as the exported JSON (another
 * order and layout) or as a workbook changes nothing; a year stored under the fingerprint of before is recognised
 * once; a changed mark is a change; a refused workbook stores nothing. Against the Flyway schema on in-memory H2.
 */
class SchoolYearImportFingerprintTest {

    @TempDir
    Path dir;

    private JdbcClient db;
    private SchoolYearImport imports;
    private final DatasetReader reader = new DatasetReader(DatasetReaderTest.TODAY);

    @BeforeEach
    void freshDatabase() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:fp" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        db = JdbcClient.create(ds);
        var locks = new ClassTermLocks(db, new SchoolDirectory(db), event -> { }, DatasetReaderTest.TODAY, new IssuedDocuments() {
            @Override
            public boolean anyIssued(String school, String schoolYear) {
                return false;
            }

            @Override
            public boolean anyIssued(String school, String schoolYear, String classCode, int term) {
                return false;
            }
        });
        imports = new SchoolYearImport(db, new JdbcTemplate(ds), event -> { }, DatasetReaderTest.TODAY, locks,
                java.util.List.of(), new StoredDatasets(db));
    }

    private Path workbook(SchoolYearDataset dataset) throws IOException {
        Path file = dir.resolve("w" + System.nanoTime() + ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            DatasetWorkbooks.write(dataset, out);
        }
        return file;
    }

    private String storedSha() {
        return db.sql("select dataset_sha256 from school_year").query(String.class).single();
    }

    @Test
    void theSameDataInAnyFormatOrOrderChangesNothing() throws IOException {
        byte[] json = XlsxWorkbookTest.demoJson();
        var first = imports.importDataset(json, "test");
        assertThat(first.changed()).isTrue();
        assertThat(imports.importDataset(json, "test").changed()).isFalse();
        SchoolYearDataset stored = new StoredDatasets(db).dataset("THCS-MK2", "2024-2025").orElseThrow();
        var exported = imports.importDataset(DatasetDocument.json(stored), "test");
        assertThat(exported.changed()).isFalse();
        var fromWorkbook = imports.importWorkbook(workbook(stored), "test", school -> { });
        assertThat(fromWorkbook.changed()).isFalse();
        assertThat(fromWorkbook.sha256()).isEqualTo(first.sha256()).isEqualTo(exported.sha256());
    }

    @Test
    void aYearStoredUnderTheFingerprintOfBeforeIsRecognisedOnce() throws IOException {
        byte[] json = XlsxWorkbookTest.demoJson();
        var first = imports.importDataset(json, "test");
        // the fingerprint before XLSX import: the SHA-256 of the dataset record serialised as it came
        String legacy = Hashes.sha256(JsonMapper.builder().build().writeValueAsBytes(reader.read(json)));
        assertThat(legacy).isNotEqualTo(first.sha256());
        db.sql("update school_year set dataset_sha256 = ?").param(legacy).update();

        var again = imports.importDataset(json, "test");
        assertThat(again.changed()).isFalse();
        assertThat(storedSha()).isEqualTo(first.sha256());
    }

    @Test
    void aChangedMarkIsAChangeAndARefusedWorkbookStoresNothing() throws IOException {
        imports.importDataset(XlsxWorkbookTest.demoJson(), "test");
        SchoolYearDataset stored = new StoredDatasets(db).dataset("THCS-MK2", "2024-2025").orElseThrow();
        String before = storedSha();

        var assessments = new ArrayList<>(stored.assessments());
        var a = assessments.get(0);
        assessments.set(0, new SchoolYearDataset.Assessment(a.student(), a.subject(), a.term(), a.regular(), a.midterm(),
                "0.0".equals(a.finalMark()) ? "0.5" : "0.0"));
        var edited = new SchoolYearDataset(stored.schoolYear(), stored.school(), stored.staff(), stored.subjects(),
                stored.classes(), stored.students(), assessments, stored.conduct(), stored.attendance(), stored.comments());

        Path refused = dir.resolve("refused.xlsx");
        try (var in = Files.newInputStream(workbook(edited));
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in);
             var out = Files.newOutputStream(refused)) {
            TwentyMistakes.set(wb, "assessments!F3", "11");
            wb.write(out);
        }
        assertThatThrownBy(() -> imports.importWorkbook(refused, "test", school -> { }))
                .isInstanceOf(DatasetRejectedException.class);
        assertThat(storedSha()).isEqualTo(before);

        var changed = imports.importWorkbook(workbook(edited), "test", school -> { });
        assertThat(changed.changed()).isTrue();
        assertThat(new StoredDatasets(db).dataset("THCS-MK2", "2024-2025").orElseThrow().assessments())
                .contains(assessments.get(0));
    }
}
