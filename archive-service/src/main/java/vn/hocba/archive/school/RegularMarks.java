package vn.hocba.archive.school;

import java.util.Arrays;
import java.util.List;

/**
 * How the regular marks (ĐĐGtx) of one assessment are kept in {@code assessment.regular_marks}: comma-joined
 * ({@code "7.0,4.0,5.5"}), the empty string for none yet. The one place that writes and reads that column's format;
 * a mark never holds a comma ({@link MarkRule} stores "7.5", "Đ", "CĐ").
 */
public final class RegularMarks {

    private RegularMarks() {
    }

    /** The column's value for these marks (never null: the column is not null). */
    public static String join(List<String> marks) {
        return String.join(",", marks);
    }

    /** The marks of a stored column value, in order; none for null or empty. */
    public static List<String> split(String column) {
        return column == null || column.isEmpty() ? List.of() : List.copyOf(Arrays.asList(column.split(",")));
    }
}
