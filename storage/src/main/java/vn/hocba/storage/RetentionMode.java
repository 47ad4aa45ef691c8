package vn.hocba.storage;

/**
 * How strictly a {@link Retention} is enforced, named after the S3 Object Lock modes.
 *
 * <p>In S3, {@link #GOVERNANCE} can be bypassed by a specially privileged caller. This port offers no
 * bypass at all, so in every adapter both modes refuse deletion while in force; they differ only in
 * that {@link #COMPLIANCE} may never be weakened back to {@link #GOVERNANCE}.
 */
public enum RetentionMode {
    /** Weaker mode; may later be upgraded to {@link #COMPLIANCE}. */
    GOVERNANCE,
    /** Strongest mode; can never be shortened nor downgraded, not even by an administrator. */
    COMPLIANCE;

    /** Whether this mode is at least as strict as {@code other}. */
    public boolean atLeastAsStrictAs(RetentionMode other) {
        return compareTo(other) >= 0;
    }
}
