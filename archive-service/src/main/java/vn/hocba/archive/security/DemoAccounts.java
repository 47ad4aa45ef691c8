package vn.hocba.archive.security;

import java.util.Set;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.school.SchoolDirectory;

/**
 * The demo accounts of the embedded default (SCHOOL-YEAR-FORMAT.md, API.md "Accounts"): {@code admin}/{@code admin},
 * every staff member of every imported school as {@code {staffId}@{schoolCode}} with the password {@code demo}, and
 * the inspectors {@code inspector.district} (the demo school's district) and {@code inspector.province} (its
 * province), password {@code demo}. Exempt from the
 * forced password change that real accounts will get. Never active outside demo mode.
 */
class DemoAccounts implements UserDetailsService {

    /** The demo inspectors of API.md "Accounts": the demo school's district, and its province. */
    static final String INSPECTOR_DISTRICT = "inspector.district";
    static final String INSPECTOR_PROVINCE = "inspector.province";
    static final String PROVINCE = "Quảng Ninh";
    static final String DISTRICT = "Thị xã Đông Triều";

    private final SchoolDirectory directory;
    private final java.time.Clock clock;
    private final String adminHash;
    private final String demoHash;

    DemoAccounts(SchoolDirectory directory, PasswordEncoder encoder, java.time.Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.adminHash = encoder.encode("admin");
        this.demoHash = encoder.encode("demo");
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if ("admin".equals(username)) {
            return HocbaUser.withRoles(username, adminHash, null, null, "Quản trị hệ thống", Set.of(StaffRole.ADMIN));
        }
        if (INSPECTOR_DISTRICT.equals(username)) {
            return HocbaUser.inspector(username, demoHash, new Caller.Jurisdiction(PROVINCE, DISTRICT));
        }
        if (INSPECTOR_PROVINCE.equals(username)) {
            return HocbaUser.inspector(username, demoHash, new Caller.Jurisdiction(PROVINCE, null));
        }
        int at = username.indexOf('@');
        if (at <= 0 || at == username.length() - 1) {
            throw new UsernameNotFoundException("no such account");
        }
        String staffId = username.substring(0, at);
        String school = username.substring(at + 1);
        // every staff member of every imported school (API.md), with the roles of the latest begun year listing them;
        // each year's data is guarded by that year's roles (StudentAccess), never by these. Real staff accounts need
        // the school's current year to list the person (LocalAccounts).
        int calendarYear = java.time.LocalDate.now(clock).getYear();
        return directory.latestListing(school, staffId, calendarYear)
                .map(s -> HocbaUser.withRoles(username, demoHash, school, staffId, s.fullName(), s.roles()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

}
