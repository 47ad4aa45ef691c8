package vn.hocba.archive.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.hocba.archive.grading.AssessmentKind;
import vn.hocba.archive.grading.Level;
import vn.hocba.archive.grading.Mark;
import vn.hocba.archive.grading.StudentYearInput;
import vn.hocba.archive.grading.StudentYearResult;
import vn.hocba.archive.grading.SubjectMarks;
import vn.hocba.archive.grading.TermMarks;
import vn.hocba.archive.grading.Tt22Assessment;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolDirectory.AssessmentRow;
import vn.hocba.archive.school.SchoolDirectory.StudentYear;

/** Computes a student's Thông tư 22 results from the stored marks (the grading rules are plain domain code). */
@Service
public class StudentResults {

    private final SchoolDirectory directory;

    StudentResults(SchoolDirectory directory) {
        this.directory = directory;
    }

    public Optional<StudentYearResult> of(String school, String year, String studentId) {
        return directory.studentYear(school, year, studentId).map(StudentResults::evaluate);
    }

    public static StudentYearResult evaluate(StudentYear data) {
        int grade = data.schoolClass().grade();
        List<SubjectMarks> subjects = new ArrayList<>();
        for (var subject : data.subjects()) {
            subjects.add(new SubjectMarks(subject.code(), subject.comment() ? AssessmentKind.COMMENT : AssessmentKind.SCORED,
                    subject.periodsPerYear().get(grade), term(data, subject.code(), 1), term(data, subject.code(), 2)));
        }
        int absent = data.daysAbsent().values().stream().mapToInt(Integer::intValue).sum();
        return Tt22Assessment.evaluate(new StudentYearInput(data.student().id(), subjects,
                level(data.conduct().get(1)), level(data.conduct().get(2)), absent));
    }

    private static TermMarks term(StudentYear data, String subject, int term) {
        return data.assessments().stream()
                .filter(a -> a.subject().equals(subject) && a.term() == term)
                .findFirst()
                .map(StudentResults::marks)
                .orElse(TermMarks.empty());
    }

    private static TermMarks marks(AssessmentRow row) {
        return new TermMarks(row.regular().stream().map(Mark::parse).toList(),
                row.midterm() == null ? null : Mark.parse(row.midterm()),
                row.finalMark() == null ? null : Mark.parse(row.finalMark()));
    }

    private static Level level(String code) {
        return code == null ? null : Level.valueOf(code);
    }
}
