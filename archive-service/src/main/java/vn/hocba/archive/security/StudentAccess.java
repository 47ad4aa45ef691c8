package vn.hocba.archive.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.school.SchoolDirectory;

/**
 * Who may see a student's results and record, and a class's list of students: the system administrator; the school's
 * leadership, clerks and administrators of THAT school year; the teachers of the student's class that year (homeroom
 * and subject teachers). Everyone else: 403. Roles hold per school year (DOMAIN.md): a role held in another year, earlier
 * or later, grants nothing here.
 */
@Component
public class StudentAccess {

    private final SchoolDirectory directory;

    StudentAccess(SchoolDirectory directory) {
        this.directory = directory;
    }

    /**
     * The schools an inspector may read: those of the jurisdiction's province, and of its district when it names one,
     * names compared without case, spaces or diacritics (API.md "Accounts"). Empty for everyone who is not an inspector.
     */
    public List<String> inspectedSchools(Caller caller) {
        if (!caller.isInspector()) {
            return List.of();
        }
        return directory.schools().stream().filter(s -> covers(caller.jurisdiction(), s)).map(SchoolDirectory.School::code)
                .toList();
    }

    /** Whether {@code school} lies in the caller's jurisdiction (false for everyone who is not an inspector). */
    public boolean inspects(Caller caller, String school) {
        return caller.isInspector() && directory.school(school).map(s -> covers(caller.jurisdiction(), s)).orElse(false);
    }

    private static boolean covers(Caller.Jurisdiction j, SchoolDirectory.School school) {
        return sameName(j.province(), school.province())
                && (j.district() == null || sameName(j.district(), school.district()));
    }

    /** Names as the datasets and the administrator write them: "Thị xã Đông Triều" = "thi xa dong trieu" = "ThịXãĐôngTriều". */
    static boolean sameName(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String plainA = plain(a);
        return !plainA.isEmpty() && plainA.equals(plain(b)); // a blank name matches nothing, not every blank field
    }

    private static String plain(String name) {
        return vn.hocba.archive.common.Texts.plainName(name);
    }

    /** Refuses with 403 unless the caller may see that student; an unknown student passes (the caller answers 404). */
    public void require(Caller caller, String school, String year, String studentId) {
        requireSchool(caller, school);
        if (seesWholeYear(caller, school, year)) {
            return;
        }
        var student = directory.student(school, year, studentId).orElse(null);
        if (student == null) {
            return;
        }
        if (!teaches(caller, school, year, student.classCode())) {
            throw refused(student.classCode());
        }
    }

    /** Refuses with 403 unless the caller may see the students of that class; an unknown class passes (404 follows). */
    public void requireClass(Caller caller, String school, String year, String classCode) {
        requireSchool(caller, school);
        if (seesWholeYear(caller, school, year)) {
            return;
        }
        var schoolClass = directory.schoolClass(school, year, classCode); // loaded once for both questions
        if (schoolClass.isPresent() && (!caller.isStaffOf(school) || !teaches(caller.staffId(), schoolClass.get()))) {
            throw refused(classCode);
        }
    }

    /** The system administrator, or staff holding a school-wide role in that school year. */
    public boolean seesWholeYear(Caller caller, String school, String year) {
        if (caller.school() == null) {
            return caller.administrator();
        }
        return school.equals(caller.school()) && directory.staff(school, year, caller.staffId())
                .map(SchoolDirectory.StaffMember::schoolWide).orElse(false);
    }

    /** Whether the caller is the homeroom or a subject teacher of that class in that year. */
    public boolean teaches(Caller caller, String school, String year, String classCode) {
        if (!caller.isStaffOf(school)) {
            return false;
        }
        return directory.schoolClass(school, year, classCode).map(c -> teaches(caller.staffId(), c)).orElse(false);
    }

    private static void requireSchool(Caller caller, String school) {
        if (!caller.mayRead(school)) {
            throw new ForbiddenException("you may not see data of school " + school,
                    "bạn không được xem dữ liệu của trường " + school);
        }
    }

    private static ForbiddenException refused(String classCode) {
        return new ForbiddenException("only the teachers of class " + classCode
                + ", the school's leadership and clerks of that school year may see its students' results and records",
                "chỉ giáo viên của lớp " + classCode + ", ban giám hiệu và văn thư của năm học đó được xem kết quả và học bạ của học sinh lớp này");
    }

    /**
     * What {@link #require} lets the caller read, for every record at once (search filters its query with it). Roles
     * hold per school year: they are taken from the staff list of each year, and a year in which the caller is not
     * listed gives nothing.
     */
    public ReadableRecords readable(Caller caller) {
        if (caller.school() == null) {
            return caller.administrator() ? ReadableRecords.all() : ReadableRecords.none();
        }
        String school = caller.school();
        List<ReadableRecords.Year> years = new ArrayList<>();
        directory.staffByYear(school, caller.staffId()).forEach((year, member) -> {
            if (member.schoolWide()) {
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

    /** Whether the caller, staff of {@code school}, is the homeroom or a subject teacher of that (loaded) class. */
    public static boolean teaches(Caller caller, String school, SchoolDirectory.SchoolClass schoolClass) {
        return caller.isStaffOf(school) && teaches(caller.staffId(), schoolClass);
    }

    /** The homeroom teacher or a subject teacher of the class: the same test as {@link #require}'s. */
    private static boolean teaches(String staffId, SchoolDirectory.SchoolClass schoolClass) {
        return staffId.equals(schoolClass.homeroomTeacher()) || schoolClass.subjectTeachers().containsValue(staffId);
    }
}
