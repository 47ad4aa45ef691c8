package vn.hocba.archive.school;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The marks of one class-subject-term as a teacher enters them ({@code [{"student", "regular": [8, 7.5], "midterm",
 * "final"}]}), checked whole before anything is stored ({@link EntrySheet}): each mark by {@link MarkRule}, the rule
 * the import applies, so entered and imported marks are accepted and stored alike ("7.0", "Đ"). A missing mark stays
 * missing (null): the results then say "incomplete", nothing is guessed.
 */
public final class MarkSheet {

    /** One student's marks as they will be stored: numbers with one decimal, comment marks "Đ"/"CĐ", missing null. */
    public record Entry(String student, List<String> regular, String midterm, String finalMark) {

        public Entry {
            regular = List.copyOf(regular);
        }

        /** As written to the audit log and compared for changes. */
        public String describe() {
            return "regular=" + regular + " midterm=" + midterm + " final=" + finalMark;
        }
    }

    private static final Set<String> MEMBERS = Set.of("student", "regular", "midterm", "final");

    private MarkSheet() {
    }

    /**
     * @param json            the request body
     * @param commentSubject  whether the subject is assessed by comment (Đ/CĐ) rather than scored
     * @param studentsOfClass the ids of the class's students in that school year
     * @throws MarksRejectedException listing every problem, when any
     */
    public static List<Entry> read(byte[] json, boolean commentSubject, Set<String> studentsOfClass) {
        var sheet = new EntrySheet();
        return sheet.read(json, "{student, regular, midterm, final}", MEMBERS, studentsOfClass,
                (JsonNode row, String path, String student) -> new Entry(student,
                        MarkRule.regular(row.get("regular"), commentSubject, path + ".regular", sheet::problem),
                        MarkRule.check(row.get("midterm"), commentSubject, path + ".midterm", sheet::problem),
                        MarkRule.check(row.get("final"), commentSubject, path + ".final", sheet::problem)));
    }
}
