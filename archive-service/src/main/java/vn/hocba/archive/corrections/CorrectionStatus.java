package vn.hocba.archive.corrections;

/**
 * Where a correction request stands (DOMAIN.md "Signing sequence": requester, then the homeroom teacher confirms, then
 * the principal approves). {@link #APPROVED} and {@link #REJECTED} are final. Stored by name.
 */
public enum CorrectionStatus {
    /** Asked for by the class-subject's teacher or the homeroom teacher, awaiting the homeroom teacher. */
    REQUESTED,
    /** Confirmed by the homeroom teacher, awaiting the principal's decision. */
    CONFIRMED,
    /** Approved by the principal: the new value is stored. */
    APPROVED,
    /** Rejected by the principal: the mark stays as it was. */
    REJECTED;

    /** Whether no further step may follow. */
    public boolean decided() {
        return this == APPROVED || this == REJECTED;
    }
}
