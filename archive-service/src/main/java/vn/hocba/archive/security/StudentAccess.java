package vn.hocba.archive.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.school.SchoolDirectory;

/**
 * Who may see a student's results and record: the system administrator; the school's leadership, clerks and
 * administrators; the teachers of the student's class (homeroom and subject teachers). Everyone else: 403.
 */
@Component
public class StudentAccess {

    private static final Set<String> SCHOOL_WIDE = Set.of("PRINCIPAL", "VICE_PRINCIPAL", "CLERK", "ADMIN");

    private final SchoolDirectory directory;

    StudentAccess(SchoolDirectory directory) {
        this.directory = directory;
    }

    /** Refuses with 403 unless the caller may see that student; an unknown student passes (the caller answers 404). */
    public void require(HocbaUser caller, String school, String year, String studentId) {
        if (!caller.mayRead(school)) {
            throw new ForbiddenException("you may not see data of school " + school,
                    "bạn không được xem dữ liệu của trường " + school);
        }
        if (caller.school() == null || caller.roles().stream().anyMatch(SCHOOL_WIDE::contains)) {
            return;
        }
        var student = directory.student(school, year, studentId).orElse(null);
        if (student == null) {
            return;
        }
        var schoolClass = directory.schoolClass(school, year, student.classCode()).orElse(null);
        if (schoolClass != null && (caller.staffId().equals(schoolClass.homeroomTeacher())
                || schoolClass.subjectTeachers().containsValue(caller.staffId()))) {
            return;
        }
        throw new ForbiddenException("only the teachers of class " + student.classCode()
                + ", the school's leadership and clerks may see this student's results and record",
                "chỉ giáo viên của lớp " + student.classCode() + ", ban giám hiệu và văn thư được xem kết quả và học bạ của học sinh này");
    }

    /**
     * What {@link #require} lets the caller read, for every record at once (search filters its query with it). Roles
     * hold per school year: they are taken from the staff list of each year, and a year in which the caller is not
     * listed gives nothing.
     */
    public ReadableRecords readable(HocbaUser caller) {
        if (caller.school() == null) {
            return caller.isAdmin() ? ReadableRecords.all() : ReadableRecords.none();
        }
        String school = caller.school();
        List<ReadableRecords.Year> years = new ArrayList<>();
        directory.staffByYear(school, caller.staffId()).forEach((year, member) -> {
            if (member.roles().stream().anyMatch(SCHOOL_WIDE::contains)) {
                years.add(ReadableRecords.Year.whole(school, year));
                return;
            }
            Set<String> taught = new TreeSet<>();
            for (var schoolClass : directory.classes(school, year)) {
                if (teaches(caller.staffId(), schoolClass)) {
                    taught.add(schoolClass.code());
                }
            }
            if (!taught.isEmpty()) {
                years.add(ReadableRecords.Year.classes(school, year, taught));
            }
        });
        return new ReadableRecords(false, years);
    }

    /** The homeroom teacher or a subject teacher of the class: the same test as {@link #require}'s. */
    private static boolean teaches(String staffId, SchoolDirectory.SchoolClass schoolClass) {
        return staffId.equals(schoolClass.homeroomTeacher()) || schoolClass.subjectTeachers().containsValue(staffId);
    }
}
