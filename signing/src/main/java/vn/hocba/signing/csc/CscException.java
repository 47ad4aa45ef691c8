package vn.hocba.signing.csc;

import vn.hocba.signing.SigningException;

/**
 * An error answered by a CSC service: the HTTP status and the {@code error} and {@code error_description} members of
 * its JSON body (CSC API v1.0.4.0 section 10.1, v2.0.0.2 section 11.1). The message never contains the PIN, the SAD or
 * the access token.
 */
public class CscException extends SigningException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final int httpStatus;
    private final String error;
    private final String errorDescription;

    /**
     * @param method           the API method, e.g. {@code credentials/authorize}
     * @param httpStatus       the HTTP status code
     * @param error            the {@code error} code, e.g. {@code invalid_request}; may be null if the body had none
     * @param errorDescription the {@code error_description}; may be null
     */
    public CscException(String method, int httpStatus, String error, String errorDescription) {
        super("CSC " + method + " refused (HTTP " + httpStatus + "): "
                + (error != null ? error : "no CSC error in the answer")
                + (errorDescription != null ? ": " + errorDescription : ""));
        this.method = method;
        this.httpStatus = httpStatus;
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /** @return the API method that failed, e.g. {@code signatures/signHash} */
    public String method() {
        return method;
    }

    /** @return the HTTP status code */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the {@code error} code, or null */
    public String error() {
        return error;
    }

    /** @return the {@code error_description}, or null */
    public String errorDescription() {
        return errorDescription;
    }
}
