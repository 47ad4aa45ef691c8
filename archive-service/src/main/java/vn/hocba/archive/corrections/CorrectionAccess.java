package vn.hocba.archive.corrections;

import org.springframework.stereotype.Component;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.security.StudentAccess;

/**
 * The caller's standing toward the corrections of a class, from the staff list and class assignments of THAT school
 * year (roles hold per year, DOMAIN.md). Who may see a class's corrections is who may see its students' results
 * ({@link StudentAccess}, whose rules this class calls): the system administrator;
 * the school's leadership, clerks and administrators of that year; the class's teachers.
 */
@Component
class CorrectionAccess {

    private final SchoolDirectory directory;
    private final StudentAccess students;

    CorrectionAccess(SchoolDirectory directory, StudentAccess students) {
        this.directory = directory;
        this.students = students;
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

    /** Whether the caller teaches the class that year (homeroom or any subject): the rule of {@link StudentAccess}. */
    boolean teaches(Caller caller, String school, SchoolDirectory.SchoolClass schoolClass) {
        return StudentAccess.teaches(caller, school, schoolClass);
    }

    /** The system administrator, or staff holding a school-wide role in that school year. */
    boolean seesWholeYear(Caller caller, String school, String year) {
        return students.seesWholeYear(caller, school, year);
    }

    /** Whether the caller may see the corrections of that class: who may see its students ({@link StudentAccess}). */
    boolean maySee(Caller caller, String school, String year, String classCode) {
        return seesWholeYear(caller, school, year) || students.teaches(caller, school, year, classCode);
    }

    static ForbiddenException mayNotSee(String classCode) {
        return new ForbiddenException("only the teachers of class " + classCode
                + ", the school's leadership and clerks of that school year may see its corrections",
                "chỉ giáo viên của lớp " + classCode + ", ban giám hiệu và văn thư của năm học đó được xem các yêu cầu sửa chữa của lớp này");
    }
}
