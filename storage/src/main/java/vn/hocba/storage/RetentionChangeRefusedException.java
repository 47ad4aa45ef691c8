package vn.hocba.storage;

/**
 * A retention change was refused: retention may only be kept or extended, never shortened, made finite,
 * or downgraded from COMPLIANCE to GOVERNANCE (see {@link Retention#allowsChangeTo(Retention)}).
 */
public class RetentionChangeRefusedException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final Retention current;
    private final Retention requested;

    /**
     * @param key       the object
     * @param current   its retention
     * @param requested the refused retention
     */
    public RetentionChangeRefusedException(ObjectKey key, Retention current, Retention requested) {
        super(key, "retention may only be extended (current " + current + ", requested " + requested + "): " + key);
        this.current = current;
        this.requested = requested;
    }

    /** The retention the object keeps. */
    public Retention current() {
        return current;
    }

    /** The retention that was refused. */
    public Retention requested() {
        return requested;
    }
}
