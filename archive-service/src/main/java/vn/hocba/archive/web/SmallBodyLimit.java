package vn.hocba.archive.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Endpoints whose bodies are small by nature (certificates, certificate requests, signature values, batch and demo
 * requests, renewal commands) refuse a body over 1 MiB with {@code 413} problem+json before anything reads it, so
 * that no request can fill the memory. A body without a declared length is refused with {@code 411}: clients of these
 * endpoints send JSON or PEM of a known size. Imports, validation and corrections take files and have their own
 * limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SmallBodyLimit extends OncePerRequestFilter {

    static final long LIMIT = 1L << 20;
    private static final List<String> SMALL = List.of("/api/v1/accounts/me/**", "/api/v1/documents/*/signatures/**",
            "/api/v1/pki/**", "/api/v1/signing-batches/**", "/api/v1/signing-batches", "/api/v1/archive/**");
    private final AntPathMatcher paths = new AntPathMatcher();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SMALL.stream().noneMatch(pattern -> paths.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > LIMIT) {
            refuse(request, response, 413, "too-large", "the body is larger than 1 MiB; this endpoint takes small JSON or PEM",
                    "nội dung lớn hơn 1 MiB; điểm cuối này chỉ nhận JSON hoặc PEM nhỏ");
            return;
        }
        if (chunked) {
            refuse(request, response, 411, "length-required", "send the body with a Content-Length",
                    "hãy gửi nội dung kèm Content-Length");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String type,
                               String en, String vi) throws IOException {
        String language = request.getHeader("Accept-Language");
        boolean english = language != null && language.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en");
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"https://hocba.vn/problems/" + type + "\",\"title\":\""
                + (status == 413 ? "Content Too Large" : "Length Required") + "\",\"status\":" + status
                + ",\"detail\":\"" + (english ? en : vi) + "\",\"detailVi\":\"" + vi + "\",\"detailEn\":\"" + en + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
