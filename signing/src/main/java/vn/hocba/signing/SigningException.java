package vn.hocba.signing;

/**
 * The one unchecked root exception of the signing library. Adapters wrap vendor exceptions (DSS, Bouncy Castle,
 * JCA, I/O) in it and keep the original as the cause; messages never contain key material or passwords.
 */
public class SigningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, without secrets
     */
    public SigningException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without secrets
     * @param cause   the vendor exception being wrapped
     */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
