package vn.hocba.archive.rendering;

import java.time.Instant;
import java.util.Objects;

/** Checks the gradebook views share. */
final class GradebookViews {

    private GradebookViews() {
    }

    static void requireHeader(String lookupCode, int version, StudentRecordView.SchoolInfo school, String schoolYear,
                              String className, int grade, Instant renderedAt) {
        requireText(lookupCode, "lookupCode");
        if (lookupCode.isBlank()) {
            throw new IllegalArgumentException("lookupCode must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more: " + version);
        }
        Objects.requireNonNull(school, "school");
        requireText(schoolYear, "schoolYear");
        requireText(className, "className");
        if (grade < 1 || grade > 12) {
            throw new IllegalArgumentException("grade must be 1..12: " + grade);
        }
        Objects.requireNonNull(renderedAt, "renderedAt");
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null (use \"\" for none)");
    }
}
