package vn.hocba.archive.common;

import java.util.Set;

/**
 * A staff role as the school-year dataset names it (SCHOOL-YEAR-FORMAT.md {@code staff[].roles}). Roles hold per
 * school year: the same person may be a teacher one year and the principal the next.
 */
public enum StaffRole {
    /** Hiệu trưởng: locks and unlocks entry, approves corrections, countersigns. */
    PRINCIPAL,
    /** Phó hiệu trưởng. */
    VICE_PRINCIPAL,
    /** Văn thư. */
    CLERK,
    /** Quản trị của trường. */
    ADMIN,
    /** Giáo viên (homeroom or subject teacher, by the class assignments of the year). */
    TEACHER;

    /** Roles that see every student of the school in the year they are held. */
    public static final Set<StaffRole> SCHOOL_WIDE = Set.of(PRINCIPAL, VICE_PRINCIPAL, CLERK, ADMIN);

    /**
     * The role named {@code name} exactly as the dataset writes it.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static StaffRole of(String name) {
        return valueOf(name);
    }
}
