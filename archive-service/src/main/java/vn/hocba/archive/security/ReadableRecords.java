package vn.hocba.archive.security;

import java.util.List;
import java.util.Set;

/**
 * Which student records (with their results and the text of their PDF) a caller may read, as data, so that search can
 * apply inside its query the same rule that {@link StudentAccess#require} applies to one record: the system
 * administrator everything; in each school year of the caller's school, the whole year when the caller holds a
 * school-wide role in that year, otherwise the classes the caller teaches that year (homeroom or subject).
 *
 * @param everything true for the system administrator only
 * @param years      the school years (or parts of them) readable, empty when nothing is
 */
public record ReadableRecords(boolean everything, List<Year> years) {

    public ReadableRecords {
        years = List.copyOf(years);
        if (everything && !years.isEmpty()) {
            throw new IllegalArgumentException("everything needs no school years");
        }
    }

    public static ReadableRecords all() {
        return new ReadableRecords(true, List.of());
    }

    public static ReadableRecords none() {
        return new ReadableRecords(false, List.of());
    }

    /** True when a record of that school, year and class is readable. */
    public boolean allows(String school, String schoolYear, String classCode) {
        return everything || years.stream().anyMatch(y -> y.school().equals(school) && y.schoolYear().equals(schoolYear)
                && (y.wholeYear() || y.classes().contains(classCode)));
    }

    /**
     * One school year of one school: all of it ({@code wholeYear}), or only {@code classes}.
     */
    public record Year(String school, String schoolYear, boolean wholeYear, Set<String> classes) {

        public Year {
            if (school == null || schoolYear == null) {
                throw new IllegalArgumentException("school and school year are required");
            }
            classes = Set.copyOf(classes);
            if (wholeYear && !classes.isEmpty()) {
                throw new IllegalArgumentException("a whole year needs no classes");
            }
        }

        public static Year whole(String school, String schoolYear) {
            return new Year(school, schoolYear, true, Set.of());
        }

        public static Year classes(String school, String schoolYear, Set<String> classes) {
            return new Year(school, schoolYear, false, classes);
        }
    }
}
