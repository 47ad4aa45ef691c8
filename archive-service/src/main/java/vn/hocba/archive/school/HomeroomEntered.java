package vn.hocba.archive.school;

import java.util.List;

/**
 * A homeroom teacher entered conduct and attendance (per term) or homeroom comments (for the year, {@code term}
 * null) of some students of their class; each change keeps the old and the new values (lưu vết: who, when, old value,
 * new value). {@code before} is null when nothing was recorded for the student.
 */
public record HomeroomEntered(String school, String schoolYear, String classCode, Integer term, What what, String actor,
                              List<Change> changes) {

    /** What was entered. */
    public enum What {
        /** Conduct level and days absent of one term. */
        CONDUCT_AND_ATTENDANCE,
        /** The homeroom teacher's comment for the year. */
        HOMEROOM_COMMENT
    }

    public HomeroomEntered {
        changes = List.copyOf(changes);
    }

    /** One student's values before and after, as {@link HomeroomSheet} describes them. */
    public record Change(String student, String before, String after) {
    }
}
