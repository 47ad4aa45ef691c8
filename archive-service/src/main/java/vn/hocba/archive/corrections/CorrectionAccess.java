package vn.hocba.archive.corrections;

import org.springframework.stereotype.Component;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.school.SchoolDirectory;

/**
 * The caller's standing toward the corrections of a class, from the staff list and class assignments of THAT school
 * year (roles hold per year, DOMAIN.md). Who may see a class's corrections is who may see its students' results
 * (security's StudentAccess, taken here from {@link Caller} until that class takes it too): the system administrator;
 * the school's leadership, clerks and administrators of that year; the class's teachers.
 */
@Component
class CorrectionAccess {

    private final SchoolDirectory directory;

    CorrectionAccess(SchoolDirectory directory) {
        this.directory = directory;
    }

    /** 403 for anyone but the system administrator and the school's staff: another school's data never shows. */
    void requireSchool(Caller caller, String school) {
        if (caller == null || !caller.mayRead(school)) {
            throw new ForbiddenException("you may not see data of school " + school,
                    "bạn không được xem dữ liệu của trường " + school);
        }
    }

    /** The standing of the caller toward a correction of {@code subject} in that class, made by {@code requestedBy}. */
    CorrectionPolicy.Standing standing(Caller caller, String school, String year, SchoolDirectory.SchoolClass schoolClass,
                                       String subject, String requestedBy) {
        if (caller.staffId() == null || !caller.isStaffOf(school)) {
            return new CorrectionPolicy.Standing(false, false, false, false);
        }
        String staffId = caller.staffId();
        boolean homeroom = staffId.equals(schoolClass.homeroomTeacher());
        boolean subjectTeacher = staffId.equals(schoolClass.subjectTeachers().get(subject));
        boolean principal = directory.staff(school, year, staffId)
                .map(m -> m.hasRole(StaffRole.PRINCIPAL)).orElse(false);
        return new CorrectionPolicy.Standing(homeroom || subjectTeacher, homeroom, principal,
                caller.username().equals(requestedBy));
    }

    /** Whether the caller teaches the class that year (homeroom or any subject). */
    boolean teaches(Caller caller, String school, SchoolDirectory.SchoolClass schoolClass) {
        return caller.staffId() != null && caller.isStaffOf(school)
                && (caller.staffId().equals(schoolClass.homeroomTeacher())
                        || schoolClass.subjectTeachers().containsValue(caller.staffId()));
    }

    /** The system administrator, or staff holding a school-wide role in that school year. */
    boolean seesWholeYear(Caller caller, String school, String year) {
        if (caller.administrator()) {
            return true;
        }
        return caller.isStaffOf(school) && directory.staff(school, year, caller.staffId())
                .map(m -> m.roles().stream().anyMatch(StaffRole.SCHOOL_WIDE::contains))
                .orElse(false);
    }

    /** Whether the caller may see the corrections of that class (as StudentAccess.requireClass decides). */
    boolean maySee(Caller caller, String school, String year, String classCode) {
        if (seesWholeYear(caller, school, year)) {
            return true;
        }
        return directory.schoolClass(school, year, classCode).map(c -> teaches(caller, school, c)).orElse(false);
    }

    static ForbiddenException mayNotSee(String classCode) {
        return new ForbiddenException("only the teachers of class " + classCode
                + ", the school's leadership and clerks of that school year may see its corrections",
                "chỉ giáo viên của lớp " + classCode + ", ban giám hiệu và văn thư của năm học đó được xem các yêu cầu sửa chữa của lớp này");
    }
}
