package vn.hocba.archive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolDirectory.SchoolClass;
import vn.hocba.archive.school.SchoolDirectory.StaffMember;

/** The records a caller may read, as search applies them: roles per school year, classes taught per year. */
class StudentAccessReadableTest {

    static final String SCHOOL = "THCS-MK2";

    final SchoolDirectory directory = mock(SchoolDirectory.class);
    final StudentAccess access = new StudentAccess(directory);

    static Caller staff(String id, Set<StaffRole> latestRoles) {
        return Caller.staff(id + "@" + SCHOOL, SCHOOL, id, latestRoles);
    }

    static SchoolClass schoolClass(String code, String homeroom, Map<String, String> subjectTeachers) {
        return new SchoolClass(code, 6, homeroom, new LinkedHashMap<>(subjectTeachers));
    }

    @Test
    void rolesHoldPerSchoolYearAndATeacherReadsTheClassesTaughtThatYear() {
        Map<String, StaffMember> years = new LinkedHashMap<>();
        years.put("2024-2025", new StaffMember(SCHOOL, "GV050", "Tên", Set.of(StaffRole.TEACHER)));
        years.put("2023-2024", new StaffMember(SCHOOL, "GV050", "Tên", Set.of(StaffRole.VICE_PRINCIPAL)));
        years.put("2022-2023", new StaffMember(SCHOOL, "GV050", "Tên", Set.of(StaffRole.TEACHER)));
        when(directory.staffByYear(SCHOOL, "GV050")).thenReturn(years);
        when(directory.classes(SCHOOL, "2024-2025")).thenReturn(List.of(
                schoolClass("6A", "GV012", Map.of("TOAN", "GV050")),
                schoolClass("7A", "GV050", Map.of()),
                schoolClass("8A", "GV013", Map.of("TOAN", "GV011"))));
        when(directory.classes(SCHOOL, "2022-2023")).thenReturn(List.of(schoolClass("9A", "GV013", Map.of())));

        var readable = access.readable(staff("GV050", Set.of(StaffRole.TEACHER)));

        assertThat(readable.everything()).isFalse();
        assertThat(readable.years()).containsExactlyInAnyOrder(
                ReadableRecords.Year.classes(SCHOOL, "2024-2025", Set.of("6A", "7A")),
                ReadableRecords.Year.whole(SCHOOL, "2023-2024"));
        assertThat(readable.allows(SCHOOL, "2023-2024", "9B")).as("vice principal that year").isTrue();
        assertThat(readable.allows(SCHOOL, "2024-2025", "8A")).isFalse();
        assertThat(readable.allows(SCHOOL, "2022-2023", "9A")).as("taught nothing that year").isFalse();
        assertThat(readable.allows("THCS-KHAC", "2024-2025", "6A")).isFalse();
    }

    @Test
    void aSchoolWideRoleInTheLatestYearDoesNotOpenEarlierYears() {
        Map<String, StaffMember> years = new LinkedHashMap<>();
        years.put("2024-2025", new StaffMember(SCHOOL, "GV001", "Tên", Set.of(StaffRole.PRINCIPAL)));
        years.put("2023-2024", new StaffMember(SCHOOL, "GV001", "Tên", Set.of(StaffRole.TEACHER)));
        when(directory.staffByYear(SCHOOL, "GV001")).thenReturn(years);
        when(directory.classes(SCHOOL, "2023-2024")).thenReturn(List.of(schoolClass("6A", "GV001", Map.of())));

        var readable = access.readable(staff("GV001", Set.of(StaffRole.PRINCIPAL)));

        assertThat(readable.years()).containsExactlyInAnyOrder(ReadableRecords.Year.whole(SCHOOL, "2024-2025"),
                ReadableRecords.Year.classes(SCHOOL, "2023-2024", Set.of("6A")));
    }

    @Test
    void theSystemAdministratorReadsEverythingAndAnAccountWithoutSchoolOrRoleNothing() {
        var admin = Caller.systemAdministrator("admin");
        var nobody = new Caller("x", null, null, Set.of(), false, null);
        assertThat(access.readable(admin)).isEqualTo(ReadableRecords.all());
        assertThat(access.readable(nobody)).isEqualTo(ReadableRecords.none());
        assertThat(access.readable(staff("GV404", Set.of(StaffRole.TEACHER))).years())
                .as("not on any year's staff list").isEmpty();
    }
}
