package vn.hocba.archive.grading;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What TT22 needs to assess one student for one school year.
 *
 * <p>Conduct per term may be {@code null} while it has not been entered (the brief required only
 * term 2 to be optional; term 1 is optional too, for the same reason); everything that depends on
 * a missing value is then {@code null} in the result.
 *
 * @param studentId the student's id in the school
 * @param subjects one entry per subject the student's class takes, codes unique, in display order
 * @param conductTerm1 conduct of term 1 (kết quả rèn luyện học kỳ I), or {@code null}
 * @param conductTerm2 conduct of term 2, or {@code null}
 * @param daysAbsent days absent in the whole year, excused and unexcused together, at least 0
 */
public record StudentYearInput(
        String studentId, List<SubjectMarks> subjects, Level conductTerm1, Level conductTerm2, int daysAbsent) {

    public StudentYearInput {
        Objects.requireNonNull(studentId, "studentId");
        if (studentId.isBlank()) {
            throw new IllegalArgumentException("studentId must not be blank");
        }
        subjects = List.copyOf(Objects.requireNonNull(subjects, "subjects"));
        Set<String> codes = new HashSet<>();
        for (SubjectMarks subject : subjects) {
            if (!codes.add(subject.subjectCode())) {
                throw new IllegalArgumentException(
                        studentId + ": subject " + subject.subjectCode() + " appears twice");
            }
        }
        if (daysAbsent < 0) {
            throw new IllegalArgumentException(studentId + ": daysAbsent must not be negative: " + daysAbsent);
        }
    }
}
