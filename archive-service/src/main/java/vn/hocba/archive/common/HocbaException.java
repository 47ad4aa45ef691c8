package vn.hocba.archive.common;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Root of the service's own refusals. Each carries what an RFC 9457 problem needs: a stable type, the HTTP status,
 * and the detail in Vietnamese and English, plus optional extra members (e.g. the offending field).
 */
public abstract class HocbaException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String detailVi;

    protected HocbaException(HttpStatus status, String type, String detailEn, String detailVi) {
        super(detailEn);
        this.status = status;
        this.type = type;
        this.detailVi = detailVi;
    }

    public HttpStatus status() {
        return status;
    }

    /** A stable problem type, e.g. {@code https://hocba.vn/problems/out-of-turn}. */
    public URI type() {
        return URI.create("https://hocba.vn/problems/" + type);
    }

    public String detailVi() {
        return detailVi;
    }

    /** Extra members of the problem document. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
