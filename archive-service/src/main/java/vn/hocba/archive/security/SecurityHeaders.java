package vn.hocba.archive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * The framing and Content-Security-Policy headers of every answer (OWASP Secure Headers), beside Spring Security's
 * defaults ({@code X-Content-Type-Options: nosniff}, no caching of signed-in pages, HSTS behind TLS):
 * <ul>
 * <li>pages: scripts, styles, images, fonts and connections from this origin only, no inline script, no plugin, forms
 * posting here only, never framed ({@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}); a PDF shown in
 * one of our own pages is the one frame allowed;</li>
 * <li>the pages' PDFs ({@code …/pdf}, {@code …/record.pdf}; not the API's): no policy (a policy on a PDF stops the browser's own viewer) and {@code SAMEORIGIN}, so
 * that a page of ours may preview it;</li>
 * <li>the generated API description ({@code /swagger-ui/**}): as pages, with the inline styles its bundle sets;</li>
 * <li>the API (JSON, PDFs by the API's paths too): nothing to run at all ({@code default-src 'none'}).</li>
 * </ul>
 * {@code Referrer-Policy: same-origin}: lookup codes in paths are not sent to other sites.
 */
final class SecurityHeaders implements HeaderWriter {

    static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_UI = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String API = "default-src 'none'; frame-ancestors 'none'";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Referrer-Policy", "same-origin");
        if (!path.startsWith("/api/") && (path.endsWith("/pdf") || path.endsWith(".pdf"))) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN"); // the pages' PDFs: /documents/{c}/pdf, /verify/{c}/pdf, …/record.pdf
            return;
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", path.startsWith("/api/") ? API
                : path.startsWith("/swagger-ui/") ? SWAGGER_UI : PAGES);
    }
}
