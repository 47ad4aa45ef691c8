package vn.hocba.archive.school;

import java.util.Map;

/** A school-year dataset was stored (or replaced). */
public record SchoolYearImported(String school, String schoolYear, String sha256, String actor,
                                 Map<String, Integer> counts) {
}
