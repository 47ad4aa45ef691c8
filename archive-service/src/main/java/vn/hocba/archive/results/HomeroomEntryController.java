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
import vn.hocba.archive.school.HomeroomEntry;

/**
 * What the homeroom teacher of THAT school year enters for their class (DOMAIN.md "Homeroom teacher"): conduct and
 * days absent per term, and the homeroom comment for the year (locked with term 2). The answer is the recomputed
 * results of those students, in the shape of {@code GET …/results}. Anyone else: 403; an unknown class, to staff of
 * the school: 404 ({@link ClassEntrants}); a locked class-term: 409; a bad sheet: 422, nothing stored.
 */
@Allowed(Access.ENTER_HOMEROOM)
@RestController
class HomeroomEntryController {

    private static final String CLASS = "/api/v1/schools/{school}/years/{year}/classes/{classCode}";

    private final HomeroomEntry entry;
    private final ClassEntrants entrants;

    HomeroomEntryController(HomeroomEntry entry, ClassEntrants entrants) {
        this.entry = entry;
        this.entrants = entrants;
    }

    /** {@code [{"student", "conduct": "TOT"|"KHA"|"DAT"|"CHUA_DAT"|null, "excusedDays", "unexcusedDays"}]}. */
    @PutMapping(path = CLASS + "/terms/{term}/conduct", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> conduct(@PathVariable String school, @PathVariable String year,
                                      @PathVariable String classCode, @PathVariable int term, @RequestBody byte[] sheet,
                                      Caller caller) {
        requireHomeroomTeacher(caller, school, year, classCode);
        return entrants.results(school, year, entry.enterTerm(school, year, classCode, term, sheet, caller.username()));
    }

    /** {@code [{"student", "comment": "…"|null}]}. */
    @PutMapping(path = CLASS + "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> comments(@PathVariable String school, @PathVariable String year,
                                       @PathVariable String classCode, @RequestBody byte[] sheet, Caller caller) {
        requireHomeroomTeacher(caller, school, year, classCode);
        return entrants.results(school, year, entry.enterComments(school, year, classCode, sheet, caller.username()));
    }

    private void requireHomeroomTeacher(Caller caller, String school, String year, String classCode) {
        entrants.requireHomeroomTeacher(caller, school, year, classCode);
    }
}
