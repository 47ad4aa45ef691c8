package vn.hocba.archive.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.StaffRole;

/**
 * A signed-in person. Staff accounts are named {@code {staffId}@{schoolCode}} (staff ids are unique only within a
 * school); {@code school} and {@code staffId} are null for accounts that are not staff of a school (the administrator).
 */
public class HocbaUser extends User {

    private final String school;
    private final String staffId;
    private final String fullName;
    private final Set<StaffRole> roles;
    private final Caller.Jurisdiction jurisdiction;
    private final boolean mustChangePassword;
    private final java.time.Instant loadedAt = java.time.Instant.now();

    HocbaUser(String username, String passwordHash, String school, String staffId, String fullName,
              Set<StaffRole> roles, Collection<? extends GrantedAuthority> authorities) {
        this(username, passwordHash, school, staffId, fullName, roles, authorities, null);
    }

    HocbaUser(String username, String passwordHash, String school, String staffId, String fullName,
              Set<StaffRole> roles, Collection<? extends GrantedAuthority> authorities,
              Caller.Jurisdiction jurisdiction) {
        this(username, passwordHash, school, staffId, fullName, roles, authorities, jurisdiction, false);
    }

    private HocbaUser(String username, String passwordHash, String school, String staffId, String fullName,
                      Set<StaffRole> roles, Collection<? extends GrantedAuthority> authorities,
                      Caller.Jurisdiction jurisdiction, boolean mustChangePassword) {
        super(username, passwordHash, authorities);
        this.school = school;
        this.staffId = staffId;
        this.fullName = fullName;
        this.roles = Set.copyOf(roles);
        this.jurisdiction = jurisdiction;
        this.mustChangePassword = mustChangePassword;
    }

    /**
     * The same account, which must change its password before anything else (its password was chosen by someone
     * else: a staff account, an administrator's first sign-in); {@code required} false gives it back unchanged.
     */
    HocbaUser requiringPasswordChange(boolean required) {
        return required == mustChangePassword ? this : new HocbaUser(getUsername(), getPassword(), school, staffId,
                fullName, roles, getAuthorities(), jurisdiction, required);
    }

    /**
     * When this account was read for a sign-in: a session's sign-in time. A session older than the account's latest
     * password change has ended ({@link AccessGate}).
     */
    java.time.Instant loadedAt() {
        return loadedAt;
    }

    /** Whether the account may do nothing but change its password until it does (issue 18: the first sign-in). */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /**
     * A staff member of {@code school} with the roles of its current year, or, {@code school} and {@code staffId} null
     * and {@code roles} {ADMIN}, the system administrator.
     */
    static HocbaUser withRoles(String username, String hash, String school, String staffId, String fullName,
                               Set<StaffRole> roles) {
        java.util.Set<SimpleGrantedAuthority> authorities = new java.util.HashSet<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        if (staffId != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        }
        if (school == null && roles.contains(StaffRole.ADMIN)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SYSTEM_ADMIN")); // the health check's details
        }
        return new HocbaUser(username, hash, school, staffId, fullName, roles, authorities);
    }

    /** An inspector (Phòng or Sở GD&ĐT): no school, no role in one, reads within {@code jurisdiction}. */
    static HocbaUser inspector(String username, String passwordHash, Caller.Jurisdiction jurisdiction) {
        String fullName = jurisdiction.district() == null
                ? "Thanh tra Sở GD&ĐT " + jurisdiction.province()
                : "Thanh tra Phòng GD&ĐT " + jurisdiction.district();
        return new HocbaUser(username, passwordHash, null, null, fullName, Set.of(),
                List.of(new SimpleGrantedAuthority("ROLE_INSPECTOR")), jurisdiction);
    }

    /** This account as the plain value other features receive ({@link vn.hocba.archive.common.Caller}). */
    public Caller caller() {
        return new Caller(getUsername(), school, staffId, roles, isSystemAdministrator(), jurisdiction);
    }

    /** An inspector's province (and district); null for everyone else. */
    public Caller.Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    public String school() {
        return school;
    }

    public String staffId() {
        return staffId;
    }

    public String fullName() {
        return fullName;
    }

    /** The account's roles in its school's current year. */
    public Set<StaffRole> roles() {
        return roles;
    }

    public boolean isAdmin() {
        return roles.contains(StaffRole.ADMIN);
    }

    /** The system administrator: an administrator who is not staff of a school (sees every school). */
    public boolean isSystemAdministrator() {
        return school == null && isAdmin();
    }

    /** Staff of this school (any role), or an administrator. */
    public boolean mayRead(String schoolCode) {
        return (school == null && isAdmin()) || schoolCode.equals(school);
    }
}
