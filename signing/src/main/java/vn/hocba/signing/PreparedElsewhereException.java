package vn.hocba.signing;

/**
 * A pending signature whose data to sign the signer can no longer reproduce: the revision rebuilt to complete it (the
 * signature dictionary, its visible appearance, the signed attributes) differs from the one prepared, as when the
 * signature was prepared by another version of the service (a rolling upgrade, a rollback) that draws the appearance
 * differently. Completing it would embed a signature value over other bytes, a signature that never validates; it must
 * be prepared again.
 */
public class PreparedElsewhereException extends SigningException {

    /** @param message what differed, without secrets */
    public PreparedElsewhereException(String message) {
        super(message);
    }
}
