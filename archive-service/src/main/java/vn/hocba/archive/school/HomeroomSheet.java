package vn.hocba.archive.school;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What a homeroom teacher enters for students of their class, checked whole before anything is stored
 * ({@link EntrySheet}), each value by {@link HomeroomRule}, the rule the import applies:
 * <ul>
 * <li>per term, {@code [{"student", "conduct": "TOT", "excusedDays": 2, "unexcusedDays": 0}]}; {@code conduct}
 * null or absent is "not assessed yet" (the results then say incomplete), the days are required;</li>
 * <li>for the year, {@code [{"student", "comment": "…"}]}; null, absent or blank is "no comment yet".</li>
 * </ul>
 */
public final class HomeroomSheet {

    /** One student's conduct (null: not assessed yet) and days absent in a term, as stored. */
    public record TermEntry(String student, String conduct, int excusedDays, int unexcusedDays) {

        /** As written to the audit log and compared for changes. */
        public String describe() {
            return "conduct=" + conduct + " excusedDays=" + excusedDays + " unexcusedDays=" + unexcusedDays;
        }
    }

    /** One student's homeroom comment as stored (normalised); null when none. */
    public record CommentEntry(String student, String comment) {

        public String describe() {
            return "comment=" + (comment == null ? null : "\"" + comment + "\"");
        }
    }

    private static final Set<String> TERM_MEMBERS = Set.of("student", "conduct", "excusedDays", "unexcusedDays");
    private static final Set<String> COMMENT_MEMBERS = Set.of("student", "comment");

    private HomeroomSheet() {
    }

    /** @throws MarksRejectedException listing every problem, when any */
    public static List<TermEntry> readTerm(byte[] json, Set<String> studentsOfClass) {
        var sheet = new EntrySheet();
        return sheet.read(json, "{student, conduct, excusedDays, unexcusedDays}", TERM_MEMBERS, studentsOfClass,
                (JsonNode row, String path, String student) -> new TermEntry(student,
                        HomeroomRule.conduct(row.get("conduct"), path + ".conduct", false, sheet::problem),
                        HomeroomRule.days(row.get("excusedDays"), path + ".excusedDays", sheet::problem),
                        HomeroomRule.days(row.get("unexcusedDays"), path + ".unexcusedDays", sheet::problem)));
    }

    /** @throws MarksRejectedException listing every problem, when any */
    public static List<CommentEntry> readComments(byte[] json, Set<String> studentsOfClass) {
        var sheet = new EntrySheet();
        return sheet.read(json, "{student, comment}", COMMENT_MEMBERS, studentsOfClass,
                (JsonNode row, String path, String student) -> {
                    String comment = HomeroomRule.comment(row.get("comment"), path + ".comment", sheet::problem);
                    return new CommentEntry(student, comment == null || comment.isEmpty() ? null : comment);
                });
    }
}
