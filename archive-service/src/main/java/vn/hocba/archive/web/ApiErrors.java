package vn.hocba.archive.web;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.hocba.archive.common.HocbaException;

/**
 * Every refusal of the API as RFC 9457 problem+json, with a Vietnamese and an English detail. Never an empty 500. A
 * browser's navigation to a page gets the same refusal as a page instead ({@link ErrorPages}).
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private final ErrorPages errorPages;

    ApiErrors(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(HocbaException.class)
    ResponseEntity<Object> refused(HocbaException e) {
        var p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        p.setType(e.type());
        p.setTitle(e.status().getReasonPhrase());
        p.setProperty("detailVi", e.detailVi());
        e.properties().forEach(p::setProperty);
        return respond(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this.", "Vai trò của bạn không được phép thực hiện thao tác này."));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> concurrent(DuplicateKeyException e) {
        return respond(problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "Someone else changed the same data at the same time; try again.",
                "Dữ liệu vừa được người khác thay đổi cùng lúc; vui lòng thử lại."));
    }

    /** The archive's store does not answer (S3 server down or unreachable): nothing was decided, try again later. */
    @ExceptionHandler(vn.hocba.storage.StorageUnavailableException.class)
    ResponseEntity<Object> storeUnavailable(vn.hocba.storage.StorageUnavailableException e) {
        log.error("archive store unavailable: {}", e.getMessage());
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "archive-unavailable", "Archive unavailable",
                "The archive's storage cannot be reached; try again later. Nothing was lost.",
                "Không kết nối được kho lưu trữ; vui lòng thử lại sau. Không có dữ liệu nào bị mất."));
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> unavailable(DataAccessResourceFailureException e) {
        log.error("database unavailable", e);
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The database cannot be reached; try again later.", "Không kết nối được cơ sở dữ liệu; vui lòng thử lại sau."));
    }

    /**
     * Parameters Tomcat cannot read: a form or multipart body over its limits ({@code server.tomcat.*},
     * {@code spring.servlet.multipart.*}: 50 MB) is 413 {@code too-large} (Tomcat says 413 itself, or the cause is its
     * upload's size limit: a 60 MB upload to the {@code /verify} form was answered 400 "query string"); a multipart
     * body that cannot be parsed is 400 {@code bad-form}; anything else is a query string it cannot decode (e.g.
     * {@code %ZZ}), 400. The message quotes the raw parameter value, which may be a search for a student's name or date
     * of birth, so nothing of it is logged.
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(org.apache.tomcat.util.http.InvalidParameterException e) {
        boolean tooLarge = e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
        boolean upload = false;
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            tooLarge |= cause instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException;
            upload |= cause instanceof org.apache.tomcat.util.http.fileupload.FileUploadException;
        }
        if (tooLarge) {
            return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content Too Large",
                    "The request body is larger than the service accepts; nothing was stored.",
                    "Nội dung gửi lên lớn hơn mức hệ thống chấp nhận; không có gì được lưu."));
        }
        if (upload) {
            return respond(problem(HttpStatus.BAD_REQUEST, "bad-form", "Bad request",
                    "The form data (multipart) cannot be read; nothing was stored.",
                    "Không đọc được dữ liệu biểu mẫu (multipart); không có gì được lưu."));
        }
        var p = problem(HttpStatus.BAD_REQUEST, "bad-query-string", "Bad request",
                "The query string is not valid percent-encoded UTF-8.",
                "Chuỗi truy vấn không đúng mã hóa phần trăm UTF-8.");
        return respond(p);
    }

    /**
     * Another request holds what this one needed for longer than the database waits (e.g. several approvals of one
     * class at once, each reissuing its documents): nothing was stored; a state conflict the caller may retry, 409
     * with {@code Retry-After}, never a 500.
     */
    @ExceptionHandler({org.springframework.dao.PessimisticLockingFailureException.class,
            org.springframework.dao.QueryTimeoutException.class})
    ResponseEntity<Object> busy(org.springframework.dao.DataAccessException e) {
        log.warn("request refused as busy: {}", causes(e));
        var p = problem(HttpStatus.CONFLICT, "busy", "Conflict",
                "Another change to the same data is in progress; nothing was stored. Try again in a moment.",
                "Một thay đổi khác trên cùng dữ liệu đang được thực hiện; chưa có gì được lưu. Vui lòng thử lại sau giây lát.");
        var answer = respond(p);
        return ResponseEntity.status(HttpStatus.CONFLICT).headers(answer.getHeaders())
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "2").body(answer.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (e instanceof org.springframework.dao.DataAccessException) {
            // a database message may quote the values of the statement (names, marks): log where, never what
            log.error("unexpected database error {} at {} (message withheld: it may quote personal data)",
                    causes(e), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        } else {
            log.error("unexpected error", e);
        }
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "An unexpected error occurred; it has been logged.", "Đã xảy ra lỗi ngoài dự kiến; lỗi đã được ghi lại."));
    }

    /**
     * A JSON body Jackson cannot read (not JSON, a wrong type for a member, an empty body where one is required) is
     * invalid input: {@code 422} with the place in {@code errors} (API.md conventions), not Spring's {@code 400}. The
     * parser's message may quote the body, so it is neither echoed nor logged.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        String path = "";
        boolean unknown = false;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.DatabindException bad) {
                path = bad.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining()).replaceFirst("^\\.", "");
                // a member a strict body does not define (StrictRequestBodies)
                unknown = bad instanceof tools.jackson.databind.exc.UnrecognizedPropertyException;
                break;
            }
        }
        var refused = unknown && !path.isEmpty() ? vn.hocba.archive.common.StrictRequestBody.unknownMember(path)
                : new vn.hocba.archive.common.InvalidInputException("unreadable-body", path,
                path.isEmpty() ? "the body is not the JSON this endpoint reads" : "unreadable value at " + path,
                path.isEmpty() ? "nội dung không phải JSON mà địa chỉ này đọc được" : "giá trị không đọc được ở " + path);
        return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refused(refused).getBody());
    }

    /**
     * A path or query value that is not of its type (a lookup code or pending id that is not a UUID): {@code 400} as
     * docs/api.md has it, naming the parameter in both languages instead of the framework's conversion message.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
                                                        org.springframework.http.HttpHeaders headers,
                                                        org.springframework.http.HttpStatusCode status,
                                                        org.springframework.web.context.request.WebRequest request) {
        String name = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        String expected = ex.getRequiredType() == java.util.UUID.class ? "a UUID"
                : ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        String en = "'" + name + "' must be " + expected;
        String vi = "'" + name + "' phải là " + (ex.getRequiredType() == java.util.UUID.class ? "một mã UUID" : "giá trị hợp lệ");
        var p = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Bad Request", en, vi);
        // the offending parameter as every other refusal names it (RFC 9457 extension member)
        p.setProperty("errors", java.util.List.of(java.util.Map.of("path", name, "message", en, "messageVi", vi)));
        return respond(p);
    }

    /** Spring MVC's own refusals (400 unreadable, 404 no such path, 405, 406, 415) get the house problem shape too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, org.springframework.http.HttpHeaders headers,
                                                             org.springframework.http.HttpStatusCode statusCode,
                                                             org.springframework.web.context.request.WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            p.setType(java.net.URI.create("https://hocba.vn/problems/http-" + statusCode.value()));
            p.setProperty("detailVi", switch (statusCode.value()) {
                case 400 -> "Yêu cầu không hợp lệ: " + (p.getDetail() == null ? "" : p.getDetail());
                case 404 -> "Không tìm thấy địa chỉ này.";
                case 405 -> "Phương thức HTTP này không được hỗ trợ ở địa chỉ này.";
                case 406 -> "Không thể trả lời theo định dạng được yêu cầu.";
                case 415 -> "Định dạng nội dung không được hỗ trợ" + accepted(ex, "; địa chỉ này nhận ") + ".";
                default -> status == null ? "Yêu cầu bị từ chối." : "Yêu cầu bị từ chối: " + status.getReasonPhrase();
            });
            if (statusCode.value() == 415) {
                // Spring's detail quotes the type sent ("Content-Type 'null' is not supported"): say what is taken
                p.setDetail("Unsupported content type" + accepted(ex, "; this endpoint takes ") + ".");
            }
            if (ErrorPages.wantsPage()) {
                inCallersLanguage(p);
                return ResponseEntity.status(statusCode).headers(response.getHeaders()).contentType(MediaType.TEXT_HTML)
                        .body(errorPages.render(p));
            }
            inCallersLanguage(p);
        }
        return response;
    }

    /** The media types the endpoint takes, after {@code lead}; empty when Spring does not say. */
    private static String accepted(Exception ex, String lead) {
        if (ex instanceof org.springframework.web.HttpMediaTypeNotSupportedException unsupported
                && !unsupported.getSupportedMediaTypes().isEmpty()) {
            return lead + unsupported.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return "";
    }

    private static String causes(Throwable e) {
        var names = new java.util.ArrayList<String>();
        for (Throwable t = e; t != null && names.size() < 5; t = t.getCause()) {
            names.add(t.getClass().getName());
        }
        return String.join(" <- ", names);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detailEn, String detailVi) {
        var p = ProblemDetail.forStatusAndDetail(status, detailEn);
        p.setType(java.net.URI.create("https://hocba.vn/problems/" + type));
        p.setTitle(title);
        p.setProperty("detailVi", detailVi);
        return p;
    }

    private ResponseEntity<Object> respond(ProblemDetail p) {
        inCallersLanguage(p);
        if (ErrorPages.wantsPage()) {
            return ResponseEntity.status(p.getStatus()).contentType(MediaType.TEXT_HTML).body(errorPages.render(p));
        }
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** {@code detail} in the caller's language (Vietnamese unless Accept-Language prefers English); both kept. */
    private static void inCallersLanguage(ProblemDetail p) {
        String en = p.getDetail();
        Object vi = p.getProperties() == null ? null : p.getProperties().get("detailVi");
        p.setProperty("detailEn", en);
        if (vi instanceof String text && !vn.hocba.archive.common.ProblemLanguage.prefersEnglish(
                vn.hocba.archive.common.ProblemLanguage.currentAcceptLanguage())) {
            p.setDetail(text);
        }
    }

}
