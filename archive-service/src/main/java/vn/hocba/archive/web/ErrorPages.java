package vn.hocba.archive.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A refusal shown to a person in a browser is a page ({@code templates/error.html}: what happened in Vietnamese and
 * English, and a way back), never the problem+json that the API and the pages' own scripts get. Only a navigation of a
 * page (not under {@code /api/}, {@code Accept} naming {@code text/html}) gets the page.
 */
@Component
class ErrorPages {

    private final ITemplateEngine templates;

    ErrorPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** @return whether the current request is a browser's navigation to a page */
    static boolean wantsPage() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && wantsPage(attributes.getRequest());
    }

    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    /** The page of {@code problem} (its status, title, {@code detailVi} and English detail). */
    String render(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        Object en = properties.getOrDefault("detailEn", problem.getDetail());
        Object vi = properties.getOrDefault("detailVi", problem.getDetail());
        return render(problem.getStatus(), problem.getTitle(), String.valueOf(vi), String.valueOf(en));
    }

    String render(int status, String title, String detailVi, String detailEn) {
        var context = new Context(org.springframework.context.i18n.LocaleContextHolder.getLocale());
        String base = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getContextPath() : "";
        context.setVariables(model(base, status, title, detailVi, detailEn));
        return templates.process("error", context);
    }

    /**
     * The error template's variables. Its links are written from {@code base} (the context path), not with
     * {@code @{…}}: the page is also rendered outside Spring MVC's view resolution, where Thymeleaf has no request.
     */
    static Map<String, Object> model(String base, int status, String title, String detailVi, String detailEn) {
        return Map.of("base", base, "status", status, "title", title == null ? "" : title,
                "detailVi", detailVi == null ? "" : detailVi, "detailEn", detailEn == null ? "" : detailEn,
                "signIn", status == 401);
    }
}
