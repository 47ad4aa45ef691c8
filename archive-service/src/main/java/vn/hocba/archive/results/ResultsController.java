package vn.hocba.archive.results;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.grading.PeriodLevels;
import vn.hocba.archive.grading.StudentYearResult;
import vn.hocba.archive.grading.SubjectGrade;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.security.StudentAccess;

/** {@code GET …/students/{id}/results}, exactly in the shape of SCHOOL-YEAR-FORMAT.md. */
@Allowed(Access.READ_SCHOOL_DATA)
@RestController
class ResultsController {

    private final SchoolDirectory directory;
    private final StudentAccess access;

    ResultsController(SchoolDirectory directory, StudentAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/api/v1/schools/{school}/years/{year}/students/{student}/results")
    Map<String, Object> results(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                                Caller caller) {
        access.require(caller, school, year, student);
        var data = directory.studentYear(school, year, student)
                .orElseThrow(() -> new NotFoundException("student " + student + " in " + year,
                        "học sinh " + student + " năm học " + year));
        return body(data.student().classCode(), StudentResults.evaluate(data));
    }

    static Map<String, Object> body(String classCode, StudentYearResult r) {
        var body = new LinkedHashMap<String, Object>();
        body.put("student", r.studentId());
        body.put("class", classCode);
        body.put("complete", r.complete());
        body.put("subjects", r.subjects().stream().map(s -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("code", s.code());
            m.put("term1", value(s.term1()));
            m.put("term2", value(s.term2()));
            m.put("year", value(s.year()));
            return m;
        }).toList());
        body.put("learning", levels(r.learning()));
        body.put("conduct", levels(r.conduct()));
        body.put("daysAbsent", r.daysAbsent());
        body.put("promoted", r.promoted());
        body.put("title", r.title() == null ? null : r.title().name());
        return body;
    }

    private static Object value(SubjectGrade grade) {
        return grade == null ? null : SubjectGrade.jsonValueOf(grade);
    }

    private static Map<String, Object> levels(PeriodLevels p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("term1", p == null || p.term1() == null ? null : p.term1().name());
        m.put("term2", p == null || p.term2() == null ? null : p.term2().name());
        m.put("year", p == null || p.year() == null ? null : p.year().name());
        return m;
    }

}
