package vn.hocba.archive.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.school.ClassTermLocks;
import vn.hocba.archive.school.SchoolDirectory;


/**
 * Entry windows (API.md "Lock windows and corrections"): the principal of the school, as listed in THAT school year,
 * locks and unlocks a class-term, or locks the whole year. Everyone else: 403.
 */
@Allowed(Access.LOCK)
@RestController
class ClassTermLockController {

    private static final String CLASS_TERM = "/api/v1/schools/{school}/years/{year}/classes/{classCode}/terms/{term}";

    private final ClassTermLocks locks;
    private final SchoolDirectory directory;

    ClassTermLockController(ClassTermLocks locks, SchoolDirectory directory) {
        this.locks = locks;
        this.directory = directory;
    }

    /** {@code 200 {"class", "term", "locked": true}}. */
    @PostMapping(CLASS_TERM + "/lock")
    Map<String, Object> lock(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                             @PathVariable int term, Caller caller) {
        requirePrincipal(directory, caller, school, year);
        return body(locks.lock(school, year, classCode, term, caller.username()));
    }

    /** {@code 200 {"class", "term", "locked": false}}. */
    @PostMapping(CLASS_TERM + "/unlock")
    Map<String, Object> unlock(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                               @PathVariable int term, Caller caller) {
        requirePrincipal(directory, caller, school, year);
        return body(locks.unlock(school, year, classCode, term, caller.username()));
    }

    /** Every class and term of the year: {@code 200 [{"class", "term", "locked": true}, …]}. */
    @PostMapping("/api/v1/schools/{school}/years/{year}/lock")
    List<Map<String, Object>> lockYear(@PathVariable String school, @PathVariable String year,
                                       Caller caller) {
        requirePrincipal(directory, caller, school, year);
        return locks.lockAll(school, year, caller.username()).stream().map(ClassTermLockController::body).toList();
    }

    /**
     * Roles hold per school year (DOMAIN.md): the principal of another year, or of another school, may not. The lock
     * page asks the same.
     */
    static void requirePrincipal(SchoolDirectory directory, Caller caller, String school, String year) {
        boolean principal = caller != null && caller.isStaffOf(school)
                && directory.staff(school, year, caller.staffId()).map(m -> m.hasRole(StaffRole.PRINCIPAL)).orElse(false);
        if (!principal) {
            throw new ForbiddenException("only the principal of " + school + " in " + year + " opens and closes entry windows",
                    "chỉ hiệu trưởng của trường " + school + " trong năm học " + year + " được khóa và mở khóa nhập điểm");
        }
    }

    private static Map<String, Object> body(ClassTermLocks.LockState s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("class", s.classCode());
        m.put("term", s.term());
        m.put("locked", s.locked());
        return m;
    }
}
