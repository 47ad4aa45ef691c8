package vn.hocba.archive.results;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.school.MarkEntry;

/**
 * {@code PUT …/classes/{classCode}/subjects/{subjectCode}/terms/{term}/marks}: the class-subject's teacher of THAT
 * school year (the class's {@code subjectTeachers}) enters marks; the answer is the recomputed results of those
 * students, in the shape of {@code GET …/results}. Anyone else, the homeroom teacher included unless they teach the
 * subject: 403; an unknown class, to staff of the school: 404 ({@link ClassEntrants}).
 */
@Allowed(Access.ENTER_MARKS)
@RestController
class MarkEntryController {

    private final MarkEntry entry;
    private final ClassEntrants entrants;

    MarkEntryController(MarkEntry entry, ClassEntrants entrants) {
        this.entry = entry;
        this.entrants = entrants;
    }

    @PutMapping(path = "/api/v1/schools/{school}/years/{year}/classes/{classCode}/subjects/{subjectCode}/terms/{term}/marks",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> enter(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                                    @PathVariable String subjectCode, @PathVariable int term, @RequestBody byte[] sheet,
                                    Caller caller) {
        entrants.requireSubjectTeacher(caller, school, year, classCode, subjectCode);
        return entrants.results(school, year, entry.enter(school, year, classCode, subjectCode, term, sheet, caller.username()));
    }
}
