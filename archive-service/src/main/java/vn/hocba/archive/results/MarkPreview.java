package vn.hocba.archive.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.school.MarkSheet;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolDirectory.AssessmentRow;

/**
 * The results a mark sheet WOULD give, stored nothing: the entry page shows them while the teacher types, computed by
 * the one grading engine ({@link StudentResults#evaluate}) from the stored year with the sheet's marks in place, and
 * the sheet checked by the rules entry and the import apply ({@link MarkSheet}). Incomplete marks give incomplete
 * results (null averages), never a guess. Who may ask is the caller's to check (the class-subject's teacher).
 */
@Service
public class MarkPreview {

    private final SchoolDirectory directory;

    MarkPreview(SchoolDirectory directory) {
        this.directory = directory;
    }

    /**
     * @return each listed student's results in the shape of {@code GET …/results}, in the sheet's order
     * @throws NotFoundException (404) no such class, subject of its grade, or term
     * @throws vn.hocba.archive.school.MarksRejectedException (422) a bad sheet, every problem listed
     */
    public List<Map<String, Object>> preview(String school, String year, String classCode, String subjectCode, int term,
                                             byte[] sheet) {
        var schoolClass = directory.schoolClass(school, year, classCode).orElse(null);
        var subject = schoolClass == null ? null : directory.subjects(school, year).stream()
                .filter(s -> s.code().equals(subjectCode) && s.periodsPerYear().containsKey(schoolClass.grade()))
                .findFirst().orElse(null);
        if (subject == null || (term != 1 && term != 2)) {
            throw new NotFoundException("class " + classCode + ", subject " + subjectCode + ", term " + term + " in " + year,
                    "lớp " + classCode + ", môn " + subjectCode + ", học kì " + term + " năm học " + year);
        }
        Set<String> students = directory.studentsOfClass(school, year, classCode).stream()
                .map(SchoolDirectory.Student::id).collect(Collectors.toSet());
        List<Map<String, Object>> out = new ArrayList<>();
        for (MarkSheet.Entry e : MarkSheet.read(sheet, subject.comment(), students)) {
            var data = directory.studentYear(school, year, e.student()).orElseThrow();
            List<AssessmentRow> assessments = new ArrayList<>(data.assessments().stream()
                    .filter(a -> !(a.subject().equals(subjectCode) && a.term() == term)).toList());
            assessments.add(new AssessmentRow(subjectCode, term, e.regular(), e.midterm(), e.finalMark()));
            var entered = new SchoolDirectory.StudentYear(data.schoolCode(), data.schoolYear(), data.student(),
                    data.schoolClass(), data.staff(), data.subjects(), assessments, data.conduct(), data.daysAbsent(),
                    data.homeroomComment());
            out.add(ResultsController.body(classCode, StudentResults.evaluate(entered)));
        }
        return out;
    }
}
