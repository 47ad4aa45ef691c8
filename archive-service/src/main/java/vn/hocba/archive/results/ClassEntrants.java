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
 * told 404 for a class the year does not have; then anyone but the class's entrant, 403.
 */
@Component
class ClassEntrants {

    private final SchoolDirectory directory;

    ClassEntrants(SchoolDirectory directory) {
        this.directory = directory;
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
    List<Map<String, Object>> results(String school, String year, List<String> students) {
        return students.stream()
                .map(student -> directory.studentYear(school, year, student)
                        .map(data -> ResultsController.body(data.student().classCode(), StudentResults.evaluate(data)))
                        .orElseThrow(() -> new NotFoundException("student " + student, "học sinh " + student)))
                .toList();
    }
}
