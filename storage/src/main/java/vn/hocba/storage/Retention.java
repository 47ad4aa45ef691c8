package vn.hocba.storage;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Retention of an archived object: its {@link RetentionMode} and the instant until which it must be kept.
 *
 * <p>A {@code null} {@code retainUntil} means permanent: the object can never be deleted. Permanent
 * retention is what signed school records get (học bạ are kept forever).
 *
 * @param mode        how strictly the retention is enforced, never {@code null}
 * @param retainUntil end of the retention (exclusive), or {@code null} for permanent
 */
public record Retention(RetentionMode mode, Instant retainUntil) implements Serializable {

    /** Validates the components. */
    public Retention {
        Objects.requireNonNull(mode, "mode");
    }

    /** Permanent {@link RetentionMode#COMPLIANCE} retention: never expires. */
    public static Retention permanent() {
        return new Retention(RetentionMode.COMPLIANCE, null);
    }

    /** {@link RetentionMode#COMPLIANCE} retention until {@code until}. */
    public static Retention compliance(Instant until) {
        return new Retention(RetentionMode.COMPLIANCE, Objects.requireNonNull(until, "until"));
    }

    /** {@link RetentionMode#GOVERNANCE} retention until {@code until}. */
    public static Retention governance(Instant until) {
        return new Retention(RetentionMode.GOVERNANCE, Objects.requireNonNull(until, "until"));
    }

    /** Whether this retention never expires. */
    public boolean isPermanent() {
        return retainUntil == null;
    }

    /** Whether the object is still protected at {@code now}; the retention ends at {@code retainUntil}. */
    public boolean inForce(Instant now) {
        Objects.requireNonNull(now, "now");
        return retainUntil == null || now.isBefore(retainUntil);
    }

    /**
     * The rule for changing retention: a replacement may only keep or lengthen the period and keep or
     * strengthen the mode. Shortening, making a permanent retention finite, or going from COMPLIANCE to
     * GOVERNANCE are refused.
     *
     * @param requested the retention that would replace this one
     * @return whether the change is allowed
     */
    public boolean allowsChangeTo(Retention requested) {
        Objects.requireNonNull(requested, "requested");
        if (!requested.mode.atLeastAsStrictAs(mode)) {
            return false;
        }
        if (requested.retainUntil == null) {
            return true;
        }
        return retainUntil != null && !requested.retainUntil.isBefore(retainUntil);
    }
}
