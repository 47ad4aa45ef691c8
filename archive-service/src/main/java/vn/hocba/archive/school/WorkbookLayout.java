package vn.hocba.archive.school;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sheets of the dataset as an XLSX workbook (SCHOOL-YEAR-FORMAT.md, "The same dataset as an XLSX workbook"):
 * sheet {@code school} holds the top-level {@code format} and {@code schoolYear} and the school's fields, row 1 their
 * names, row 2 their values; every other sheet is named as an array of the format, row 1 the field names, one row per
 * element. Lists in one cell separated by {@code ;}; objects spread over dotted columns ({@code subjectTeachers.TOAN}).
 */
final class WorkbookLayout {

    static final String SCHOOL = "school";
    static final String INSTRUCTIONS = "Hướng dẫn";

    /** Sheet → its fixed columns, in the order the exports write them; dotted columns follow. */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(SCHOOL, List.of("format", "schoolYear", "code", "name", "level", "province", "district", "address"));
        COLUMNS.put("staff", List.of("id", "fullName", "roles", "email"));
        COLUMNS.put("subjects", List.of("code", "name", "assessment"));
        COLUMNS.put("classes", List.of("code", "grade", "homeroomTeacher"));
        COLUMNS.put("students", List.of("id", "fullName", "sex", "dateOfBirth", "ethnicity", "placeOfBirth", "address",
                "father", "mother", "class", "enrolmentNo", "nationalId"));
        COLUMNS.put("assessments", List.of("student", "subject", "term", "regular", "midterm", "final"));
        COLUMNS.put("conduct", List.of("student", "term", "level"));
        COLUMNS.put("attendance", List.of("student", "term", "excusedDays", "unexcusedDays"));
        COLUMNS.put("comments", List.of("student", "homeroom"));
    }

    /** Top-level members on sheet {@code school}; its other columns are members of {@code school}. */
    static final Set<String> TOP_LEVEL = Set.of("format", "schoolYear");

    /** Lists written in one cell, separated by {@code ;}. */
    static final Set<String> LISTS = Set.of("roles", "regular");

    static final String SEPARATOR = ";";

    private WorkbookLayout() {
    }

    enum Kind { TEXT, WHOLE_NUMBER, MARK }

    /** How a column's cells are read; for a list, how each of its items is. */
    static Kind kind(String column) {
        return switch (column) {
            case "grade", "term", "excusedDays", "unexcusedDays" -> Kind.WHOLE_NUMBER;
            case "regular", "midterm", "final" -> Kind.MARK;
            default -> column.startsWith("periodsPerYear.") ? Kind.WHOLE_NUMBER : Kind.TEXT;
        };
    }

    static boolean isArraySheet(String sheet) {
        return COLUMNS.containsKey(sheet) && !SCHOOL.equals(sheet);
    }
}
