package vn.hocba.archive.results;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolDirectory.SchoolClass;

/**
 * Who may enter data of a class (API.md "Lock windows and corrections"), and the answer entry gives. Roles hold per
 * school year (DOMAIN.md), so the class as listed in THAT year decides. Order of the refusals: a caller who may not
 * read the school (another school's staff) learns nothing, 403; one who may (its staff, the system administrator) is
 * told 404 for a class the year does not have; then anyone but the class's entrant, 403. The API and the pages ask
 * the same questions here.
 */
@Component
public class ClassEntrants {

    private final SchoolDirectory directory;

    ClassEntrants(SchoolDirectory directory) {
        this.directory = directory;
    }

    /** The class-subject's teacher of that year; else 403 (404 for an unknown class, see above). */
    public SchoolClass requireSubjectTeacher(Caller caller, String school, String year, String classCode, String subjectCode) {
        return require(caller, school, year, classCode, c -> caller.staffId().equals(c.subjectTeachers().get(subjectCode)),
                "only the teacher of " + subjectCode + " in class " + classCode + " (" + year + ") enters its marks",
                "chỉ giáo viên dạy môn " + subjectCode + " của lớp " + classCode + " (năm học " + year
                        + ") được nhập điểm môn này");
    }

    /** The class's homeroom teacher of that year; else 403 (404 for an unknown class, see above). */
    public SchoolClass requireHomeroomTeacher(Caller caller, String school, String year, String classCode) {
        return require(caller, school, year, classCode, c -> caller.staffId().equals(c.homeroomTeacher()),
                "only the homeroom teacher of class " + classCode + " (" + year + ") enters its conduct, attendance and comments",
                "chỉ giáo viên chủ nhiệm lớp " + classCode + " (năm học " + year
                        + ") được nhập hạnh kiểm, chuyên cần và nhận xét của lớp");
    }

    /**
     * @param entrant   whether the caller's staff id is the one who enters, given the class
     * @param refusal   why not, in English and Vietnamese
     * @return the class
     */
    SchoolClass require(Caller caller, String school, String year, String classCode, Predicate<SchoolClass> entrant,
                        String refusal, String refusalVi) {
        if (caller == null || !caller.mayRead(school)) {
            throw new ForbiddenException(refusal, refusalVi);
        }
        SchoolClass schoolClass = directory.schoolClass(school, year, classCode)
                .orElseThrow(() -> new NotFoundException("class " + classCode + " in " + school + " " + year,
                        "lớp " + classCode + " của trường " + school + " năm học " + year));
        if (!caller.isStaffOf(school) || !entrant.test(schoolClass)) {
            throw new ForbiddenException(refusal, refusalVi);
        }
        return schoolClass;
    }

    /** The recomputed results of those students, each in the shape of {@code GET …/results}. */
    public List<Map<String, Object>> results(String school, String year, List<String> students) {
        return students.stream()
                .map(student -> directory.studentYear(school, year, student)
                        .map(data -> ResultsController.body(data.student().classCode(), StudentResults.evaluate(data)))
                        .orElseThrow(() -> new NotFoundException("student " + student, "học sinh " + student)))
                .toList();
    }
}
