package vn.hocba.archive.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.ProblemLanguage;

/**
 * Errors that reach the servlet container's error page (a refusal by the security filters on the pages, a request
 * Spring MVC never saw) answer RFC 9457 problem+json like every other refusal, never Spring's default
 * {@code {"timestamp", "error", "path"}}; browsers asking for HTML still get the HTML error page. Nothing of the
 * request (parameters, body) is echoed, only its path. A browser's navigation gets the same refusal as a page
 * ({@link ErrorPages}).
 */
@Allowed(Access.SIGN_IN)
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes) {
        super(errorAttributes, new ErrorProperties());
    }

    /** The page of the refusal, with the same texts as the problem ({@link #error}). */
    @Override
    public org.springframework.web.servlet.ModelAndView errorHtml(HttpServletRequest request,
                                                                  jakarta.servlet.http.HttpServletResponse response) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
            // the API answers problem+json whatever the client asked for (a browser's address bar too)
            var problem = error(request);
            response.setStatus(problem.getStatusCode().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            try {
                response.getWriter().write(tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(problem.getBody()));
            } catch (java.io.IOException e) {
                // the client is gone
            }
            return null;
        }
        HttpStatus status = getStatus(request);
        response.setStatus(status.value());
        var texts = texts(status);
        return new org.springframework.web.servlet.ModelAndView("error",
                ErrorPages.model(request.getContextPath(), status.value(), status.getReasonPhrase(), texts[1], texts[0]),
                status);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        var texts = texts(status);
        String en = texts[0];
        String vi = texts[1];
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://hocba.vn/problems/http-" + status.value());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", ProblemLanguage.prefersEnglish(request.getHeader("Accept-Language")) ? en : vi);
        body.put("detailVi", vi);
        body.put("detailEn", en);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            body.put("instance", path.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** @return the English and the Vietnamese text of a refusal with {@code status} */
    private static String[] texts(HttpStatus status) {
        String en = switch (status.value()) {
            case 400 -> "The request is malformed.";
            case 401 -> "Sign in to use this.";
            case 403 -> "You may not do this (a form sent without its page's security token is refused too).";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This HTTP method is not supported at this address.";
            default -> status.is5xxServerError() ? "An unexpected error occurred; it has been logged."
                    : "The request was refused: " + status.getReasonPhrase() + ".";
        };
        String vi = switch (status.value()) {
            case 400 -> "Yêu cầu không hợp lệ.";
            case 401 -> "Vui lòng đăng nhập để dùng chức năng này.";
            case 403 -> "Bạn không được phép thực hiện thao tác này (biểu mẫu gửi thiếu mã bảo vệ của trang cũng bị từ chối).";
            case 404 -> "Không có nội dung nào ở địa chỉ này.";
            case 405 -> "Phương thức HTTP này không được hỗ trợ ở địa chỉ này.";
            default -> status.is5xxServerError() ? "Đã xảy ra lỗi ngoài dự kiến; lỗi đã được ghi lại."
                    : "Yêu cầu bị từ chối: " + status.getReasonPhrase() + ".";
        };
        return new String[] {en, vi};
    }
}
