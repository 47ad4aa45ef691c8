package vn.hocba.archive.school;

import java.util.List;

/**
 * A teacher entered the marks of some students of one class-subject-term; each change keeps the old and the new
 * marks (lưu vết: who, when, old value, new value). {@code before} is null when the student had no marks there.
 */
public record MarksEntered(String school, String schoolYear, String classCode, String subject, int term, String actor,
                           List<Change> changes) {

    public MarksEntered {
        changes = List.copyOf(changes);
    }

    /** One student's marks before and after, as {@link MarkSheet.Entry#describe()} writes them. */
    public record Change(String student, String before, String after) {
    }
}
