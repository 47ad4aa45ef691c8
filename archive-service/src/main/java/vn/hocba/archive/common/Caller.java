package vn.hocba.archive.common;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, as every feature sees them: a plain value made from the signed-in account by the security feature,
 * so that no other feature depends on Spring Security's user classes.
 *
 * @param username     the account name (staff: {@code {staffId}@{schoolCode}}), as written in the audit log
 * @param school       the school of a staff account; null for the system administrator and inspectors
 * @param staffId      the staff id within {@code school}; null for accounts that are not staff
 * @param roles        the account's roles in its school's current year (each year's data is guarded by that year's
 *                     roles, not by these); empty for inspectors
 * @param administrator true for the system administrator (not staff of a school: sees every school)
 * @param jurisdiction the province (and district) an inspector may search; null for everyone else
 */
public record Caller(String username, String school, String staffId, Set<StaffRole> roles, boolean administrator,
                     Jurisdiction jurisdiction) {

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    /** A staff member of {@code school}. */
    public static Caller staff(String username, String school, String staffId, Set<StaffRole> roles) {
        return new Caller(username, school, staffId, roles, false, null);
    }

    /** The system administrator. */
    public static Caller systemAdministrator(String username) {
        return new Caller(username, null, null, Set.of(StaffRole.ADMIN), true, null);
    }

    /** An inspector: reads, within a jurisdiction, what the schools there have archived; nothing else. */
    public boolean isInspector() {
        return jurisdiction != null;
    }

    /** True for staff of that school (any role). */
    public boolean isStaffOf(String schoolCode) {
        return staffId != null && schoolCode.equals(school);
    }

    /** The system administrator, or staff of this school. */
    public boolean mayRead(String schoolCode) {
        return administrator || isStaffOf(schoolCode);
    }

    /**
     * Where an inspector may search: a province, or one district of it ({@code district} null: the whole province).
     * Names as the datasets give them; matching ignores case, spaces and diacritics (API.md "Accounts").
     */
    public record Jurisdiction(String province, String district) {
        public Jurisdiction {
            Objects.requireNonNull(province, "province");
        }

        /** The office as compared ({@link Texts#plainName}): {@code province/district}, district empty for a province. */
        public String key() {
            return Texts.plainName(province) + "/" + (district == null ? "" : Texts.plainName(district));
        }
    }
}
