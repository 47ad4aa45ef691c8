package vn.hocba.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * A deletion was refused because the object's retention is in force or a legal hold is set. There is
 * no override: the refusal is the write-once guarantee.
 */
public class ObjectLockedException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final Retention retention;
    private final boolean legalHold;

    /**
     * @param key       the protected object
     * @param retention its retention
     * @param legalHold whether a legal hold is set
     */
    public ObjectLockedException(ObjectKey key, Retention retention, boolean legalHold) {
        super(key, describe(key, retention, legalHold));
        this.retention = retention;
        this.legalHold = legalHold;
    }

    private static String describe(ObjectKey key, Retention retention, boolean legalHold) {
        String until = retention.isPermanent() ? "permanently" : "until " + retention.retainUntil();
        return "object is locked (" + retention.mode() + " " + until + (legalHold ? ", legal hold" : "") + "): " + key;
    }

    /** The retention of the object. */
    public Retention retention() {
        return retention;
    }

    /** End of the retention, empty when permanent. */
    public Optional<Instant> retainUntil() {
        return Optional.ofNullable(retention.retainUntil());
    }

    /** Whether a legal hold is set. */
    public boolean legalHold() {
        return legalHold;
    }
}
