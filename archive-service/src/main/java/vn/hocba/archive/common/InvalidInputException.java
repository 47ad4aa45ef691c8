package vn.hocba.archive.common;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Bad input (422) at one place of the request: the problem carries {@code errors: [{path, message, messageVi}]} as
 * API.md asks (the house shape: {@code message} in English, {@code messageVi} in Vietnamese).
 */
public class InvalidInputException extends HocbaException {

    private final String path;
    private final String message;
    private final String messageVi;

    /**
     * @param type     the stable problem type, e.g. {@code invalid-certificate}
     * @param path     where in the request, e.g. {@code certificate} or {@code signatureValue}
     * @param detailEn the detail in English (also the error's message)
     * @param detailVi the detail in Vietnamese
     */
    public InvalidInputException(String type, String path, String detailEn, String detailVi) {
        this(HttpStatus.UNPROCESSABLE_CONTENT, type, path, detailEn, detailVi);
    }

    /** As the public constructor, for bad input that HTTP answers otherwise (a malformed header field: 400). */
    protected InvalidInputException(HttpStatus status, String type, String path, String detailEn, String detailVi) {
        super(status, type, detailEn, detailVi);
        this.path = path;
        this.message = detailEn;
        this.messageVi = detailVi;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", List.of(Map.of("path", path, "message", message, "messageVi", messageVi)));
    }
}
