package vn.hocba.archive.school;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hocba.archive.school.SchoolYearDataset.Assessment;
import vn.hocba.archive.school.SchoolYearDataset.Comment;

/**
 * Imports one school-year dataset: all of it in one transaction, or nothing. The same dataset imported again changes
 * nothing; a changed dataset replaces that school year whole, as long as no record of the year has been rendered.
 */
@Service
public class SchoolYearImport {

    private final DatasetReader reader;
    private final java.util.List<IssuedDocuments> issued;
    private final StoredDatasets stored;
    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ClassTermLocks locks;

    SchoolYearImport(JdbcClient db, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock,
                     ClassTermLocks locks, java.util.List<IssuedDocuments> issued, StoredDatasets stored) {
        this.issued = issued;
        this.locks = locks;
        this.stored = stored;
        this.db = db;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.reader = new DatasetReader(clock);
    }

    /** Outcome of an import: what the dataset held, and whether anything changed. */
    public record ImportSummary(String school, String schoolYear, String sha256, boolean changed,
                                Map<String, Integer> counts) {
    }

    /**
     * @throws DatasetRejectedException when the dataset breaks a rule (nothing stored)
     * @throws SchoolYearClosedException when records of that year exist already (changes go through corrections)
     * @throws ClassTermLockedException when the dataset would change a locked class-term (409)
     */
    @Transactional
    public ImportSummary importDataset(byte[] json, String actor) {
        return importDataset(json, actor, school -> {
        });
    }

    /** As above; {@code mayImport} sees the dataset's school code first and throws to refuse it. */
    @Transactional
    public ImportSummary importDataset(byte[] json, String actor, Consumer<String> mayImport) {
        return store(reader.read(json), actor, mayImport);
    }

    /**
     * The same import from an XLSX workbook (the sheets of SCHOOL-YEAR-FORMAT.md): read as the JSON tree of the
     * format and validated by the same {@link DatasetReader}; every problem also names its sheet, row and column.
     *
     * @param workbook a file holding the workbook, read as a stream (bounded memory whatever its size)
     * @throws DatasetRejectedException when the workbook cannot be read or the dataset breaks a rule
     * @throws WorkbookTooLargeException when the workbook unpacks to more than the import accepts
     */
    @Transactional
    public ImportSummary importWorkbook(java.nio.file.Path workbook, String actor, Consumer<String> mayImport) {
        var sheets = WorkbookDatasetReader.read(workbook);
        SchoolYearDataset data;
        try {
            data = reader.read(sheets.root());
        } catch (DatasetRejectedException e) {
            throw DatasetRejectedException.inWorkbook(e.problems().stream().map(sheets::locate).toList());
        }
        return store(data, actor, mayImport);
    }

    private ImportSummary store(SchoolYearDataset data, String actor, Consumer<String> mayImport) {
        mayImport.accept(data.school().code());
        // the fingerprint of the data, not of the bytes: JSON and XLSX of the same data, in any order, compare equal
        String sha = DatasetDocument.fingerprint(data);
        String school = data.school().code();
        String year = data.schoolYear();

        var previous = db.sql("select dataset_sha256 from school_year where school_code = ? and school_year = ? for update")
                .params(school, year).query(String.class).optional();
        if (previous.isPresent() && previous.get().equals(sha)) {
            return new ImportSummary(school, year, sha, false, data.counts());
        }
        // the stored year, read once: compared by fingerprint, then by class-term against the locks
        Optional<SchoolYearDataset> before = previous.isPresent() ? stored.dataset(school, year) : Optional.empty();
        if (before.map(DatasetDocument::fingerprint).filter(sha::equals).isPresent()) {
            // stored under an older fingerprint (of the JSON serialisation, before XLSX import): same data, so
            // nothing changes; the fingerprint is brought up to date so that the next import compares directly
            db.sql("update school_year set dataset_sha256 = ? where school_code = ? and school_year = ?")
                    .params(sha, school, year).update();
            return new ImportSummary(school, year, sha, false, data.counts());
        }
        if (previous.isPresent()) {
            if (issued.stream().anyMatch(d -> d.anyIssued(school, year))) {
                throw new SchoolYearClosedException(school, year);
            }
            // after lock, changes go through corrections (SCHOOL-YEAR-FORMAT.md): 409 naming the locked class-terms
            locks.requireNoLockedChange(school, year, before.orElseThrow(), data);
            deleteYear(school, year);
        }
        upsertSchool(data.school());
        var summary = new ImportSummary(school, year, sha, true, data.counts());
        var now = Timestamp.from(clock.instant());
        if (previous.isPresent()) {
            db.sql("update school_year set dataset_sha256 = ?, imported_at = ?, summary = ? where school_code = ? and school_year = ?")
                    .params(sha, now, data.counts().toString(), school, year).update();
        } else {
            db.sql("insert into school_year (school_code, school_year, dataset_sha256, imported_at, summary) values (?, ?, ?, ?, ?)")
                    .params(school, year, sha, now, data.counts().toString()).update();
        }
        insertYear(data);
        refreshStatistics();
        events.publishEvent(new SchoolYearImported(school, year, sha, actor, data.counts()));
        return summary;
    }

    /** The tables an import fills, whose planner statistics it refreshes. */
    private static final java.util.List<String> YEAR_TABLES = java.util.List.of("school_class", "class_subject_teacher",
            "staff", "staff_role", "subject", "subject_periods", "student", "assessment", "conduct", "attendance",
            "student_comment");

    /**
     * On PostgreSQL, {@code ANALYZE} of the tables the import filled, in its transaction (the statistics count once it
     * commits). A first import fills empty tables in one go; until autovacuum's next analyze, which may be minutes
     * away, the planner takes them for empty and joins a class's 36,000 assessments to its students row by row: 6 s a
     * query where it takes milliseconds (found by the year-end bench: rendering stalled on it). H2 needs nothing.
     */
    private void refreshStatistics() {
        if (postgres == null) {
            postgres = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
        }
        if (Boolean.TRUE.equals(postgres)) {
            jdbc.execute("analyze " + String.join(", ", YEAR_TABLES));
        }
    }

    private volatile Boolean postgres;

    private void upsertSchool(SchoolYearDataset.School s) {
        int updated = db.sql("update school set name = ?, level = ?, province = ?, district = ?, address = ? where code = ?")
                .params(s.name(), s.level(), s.province(), s.district(), s.address(), s.code()).update();
        if (updated == 0) {
            db.sql("insert into school (code, name, level, province, district, address) values (?, ?, ?, ?, ?, ?)")
                    .params(s.code(), s.name(), s.level(), s.province(), s.district(), s.address()).update();
        }
    }

    private void deleteYear(String school, String year) {
        // children first (foreign keys)
        for (String table : List.of("student_comment", "attendance", "conduct", "assessment", "student",
                "class_subject_teacher", "school_class", "subject_periods", "subject", "staff_role", "staff")) {
            jdbc.update("delete from " + table + " where school_code = ? and school_year = ?", school, year);
        }
    }

    private void insertYear(SchoolYearDataset d) {
        String sc = d.school().code();
        String sy = d.schoolYear();
        batch("insert into staff (school_code, school_year, id, full_name, email) values (?, ?, ?, ?, ?)",
                d.staff().stream().map(s -> new Object[] {sc, sy, s.id(), s.fullName(), s.email()}).toList());
        List<Object[]> roles = new ArrayList<>();
        d.staff().forEach(s -> s.roles().forEach(role -> roles.add(new Object[] {sc, sy, s.id(), role.name()})));
        batch("insert into staff_role (school_code, school_year, staff_id, role) values (?, ?, ?, ?)", roles);
        List<Object[]> subjects = new ArrayList<>();
        List<Object[]> periods = new ArrayList<>();
        for (int i = 0; i < d.subjects().size(); i++) {
            var s = d.subjects().get(i);
            subjects.add(new Object[] {sc, sy, s.code(), s.name(), s.assessment(), i});
            s.periodsPerYear().forEach((grade, p) -> periods.add(new Object[] {sc, sy, s.code(), grade, p}));
        }
        batch("insert into subject (school_code, school_year, code, name, assessment, position) values (?, ?, ?, ?, ?, ?)", subjects);
        batch("insert into subject_periods (school_code, school_year, subject_code, grade, periods) values (?, ?, ?, ?, ?)", periods);
        batch("insert into school_class (school_code, school_year, code, grade, homeroom_teacher) values (?, ?, ?, ?, ?)",
                d.classes().stream().map(c -> new Object[] {sc, sy, c.code(), c.grade(), c.homeroomTeacher()}).toList());
        List<Object[]> teachers = new ArrayList<>();
        d.classes().forEach(c -> c.subjectTeachers().forEach((subject, staff) -> teachers.add(new Object[] {sc, sy, c.code(), subject, staff})));
        batch("insert into class_subject_teacher (school_code, school_year, class_code, subject_code, staff_id) values (?, ?, ?, ?, ?)", teachers);
        batch("insert into student (school_code, school_year, id, full_name, sex, date_of_birth, ethnicity, place_of_birth, address, father, mother, class_code, enrolment_no, national_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.students().stream().map(s -> new Object[] {sc, sy, s.id(), s.fullName(), s.sex(), Date.valueOf(s.dateOfBirth()),
                        s.ethnicity(), s.placeOfBirth(), s.address(), s.father(), s.mother(), s.classCode(), s.enrolmentNo(), s.nationalId()}).toList());
        batch("insert into assessment (school_code, school_year, student_id, subject_code, term, regular_marks, midterm, final_mark) values (?, ?, ?, ?, ?, ?, ?, ?)",
                d.assessments().stream().map((Assessment a) -> new Object[] {sc, sy, a.student(), a.subject(), a.term(),
                        RegularMarks.join(a.regular()), a.midterm(), a.finalMark()}).toList());
        batch("insert into conduct (school_code, school_year, student_id, term, level) values (?, ?, ?, ?, ?)",
                d.conduct().stream().map(c -> new Object[] {sc, sy, c.student(), c.term(), c.level()}).toList());
        batch("insert into attendance (school_code, school_year, student_id, term, excused_days, unexcused_days) values (?, ?, ?, ?, ?, ?)",
                d.attendance().stream().map(a -> new Object[] {sc, sy, a.student(), a.term(), a.excusedDays(), a.unexcusedDays()}).toList());
        List<Object[]> comments = new ArrayList<>();
        for (Comment c : d.comments()) {
            comments.add(new Object[] {sc, sy, c.student(), c.homeroom(), "", null});
            c.subjects().forEach((subject, text) -> comments.add(new Object[] {sc, sy, c.student(), null, subject, text}));
        }
        batch("insert into student_comment (school_code, school_year, student_id, homeroom, subject_code, subject_text) values (?, ?, ?, ?, ?, ?)", comments);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }
}
