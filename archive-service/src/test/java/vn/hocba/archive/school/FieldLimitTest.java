package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits {@link DatasetReader} enforces against the columns the migrations create: every character column of
 * every table an import writes must be bounded by a limit that fits it, so a dataset that passes validation never
 * fails on insert (a 500 after a half-done import). Reads the schema as Flyway migrates it, from H2's
 * information_schema (MODE=PostgreSQL, as the service runs), so adding a column without a limit fails here.
 */
class FieldLimitTest {

    /** The tables {@link SchoolYearImport} writes. */
    private static final Set<String> IMPORT_TABLES = Set.of("school", "school_year", "staff", "staff_role", "subject",
            "subject_periods", "school_class", "class_subject_teacher", "student", "assessment", "conduct",
            "attendance", "student_comment");

    /** "table.column" -> declared character length, for the import tables. */
    private static Map<String, Integer> columns;

    @BeforeAll
    static void migrate() throws SQLException {
        String url = "jdbc:h2:mem:field-limits;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        columns = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             var rs = c.createStatement().executeQuery("""
                     select table_name, column_name, character_maximum_length from information_schema.columns
                     where table_schema = 'public' and character_maximum_length is not null""")) {
            while (rs.next()) {
                if (IMPORT_TABLES.contains(rs.getString(1))) {
                    columns.put(rs.getString(1) + "." + rs.getString(2), rs.getInt(3));
                }
            }
        }
        assertThat(columns).as("the migrations create the import tables").containsKeys("student.full_name",
                "assessment.regular_marks");
    }

    @Test
    void everyNamedLimitFitsItsColumn() {
        for (FieldLimit limit : FieldLimit.values()) {
            String column = limit.table() + "." + limit.column();
            assertThat(columns).as("column of %s", limit).containsKey(column);
            assertThat(limit.maxChars()).as("%s against %s", limit, column).isLessThanOrEqualTo(columns.get(column));
        }
    }

    @Test
    void everyCharacterColumnAnImportWritesIsBoundedByALimitThatFits() {
        Map<String, Integer> bounds = bounds();
        for (var column : columns.entrySet()) {
            assertThat(bounds).as("no limit bounds %s: add one to FieldLimit (or to this test, with the rule that "
                    + "bounds it)", column.getKey()).containsKey(column.getKey());
            assertThat(bounds.get(column.getKey())).as(column.getKey()).isLessThanOrEqualTo(column.getValue());
        }
    }

    @Test
    void theMostRegularMarksAcceptedFitTheirColumnWhenJoined() {
        String joined = String.join(",", Collections.nCopies(FieldLimit.MAX_REGULAR_MARKS, "10.0"));
        assertThat(joined.length()).isLessThanOrEqualTo(columns.get("assessment.regular_marks"));
        assertThat(FieldLimit.MAX_REGULAR_MARKS).as("Thông tư 22 asks for up to 4 a term").isGreaterThanOrEqualTo(4);
    }

    /** The longest value the import can write to each column, by the rule that bounds it. */
    private static Map<String, Integer> bounds() {
        Map<String, Integer> bounds = new LinkedHashMap<>();
        for (FieldLimit limit : FieldLimit.values()) {
            bounds.put(limit.table() + "." + limit.column(), limit.maxChars());
        }
        // keys repeated in every table: a school code, "YYYY-YYYY", and references to ids bounded above
        for (String table : IMPORT_TABLES) {
            bounds.putIfAbsent(table + ".school_code", FieldLimit.SCHOOL_CODE.maxChars());
            bounds.putIfAbsent(table + ".school_year", "2024-2025".length());
            bounds.putIfAbsent(table + ".student_id", FieldLimit.STUDENT_ID.maxChars());
            bounds.putIfAbsent(table + ".subject_code", FieldLimit.SUBJECT_CODE.maxChars());
            bounds.putIfAbsent(table + ".class_code", FieldLimit.CLASS_CODE.maxChars());
            bounds.putIfAbsent(table + ".staff_id", FieldLimit.STAFF_ID.maxChars());
        }
        bounds.put("school_class.homeroom_teacher", FieldLimit.STAFF_ID.maxChars());
        // closed vocabularies
        bounds.put("school.level", longest(DatasetReader.SCHOOL_LEVELS));
        bounds.put("student.sex", longest(DatasetReader.SEXES));
        bounds.put("subject.assessment", longest(DatasetReader.ASSESSMENT_KINDS));
        bounds.put("conduct.level", longest(DatasetReader.LEVELS));
        bounds.put("staff_role.role", longest(DatasetReader.ROLES));
        bounds.put("assessment.midterm", FieldLimit.LONGEST_MARK);
        bounds.put("assessment.final_mark", FieldLimit.LONGEST_MARK);
        // written by SchoolYearImport itself: a SHA-256 in hex, and the counts per table
        bounds.put("school_year.dataset_sha256", 64);
        bounds.put("school_year.summary", countsAtTheirLongest());
        return bounds;
    }

    private static int longest(Set<String> vocabulary) {
        return vocabulary.stream().max(Comparator.comparingInt(String::length)).orElseThrow().length();
    }

    private static int countsAtTheirLongest() {
        var empty = new SchoolYearDataset("2024-2025", null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        Map<String, Integer> counts = new LinkedHashMap<>();
        empty.counts().keySet().forEach(table -> counts.put(table, Integer.MIN_VALUE));
        return counts.toString().length();
    }
}
