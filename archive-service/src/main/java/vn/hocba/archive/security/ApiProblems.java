package vn.hocba.archive.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** 401 and 403 of the API as RFC 9457 problem+json, like every other refusal (the filter chain answers before MVC). */
final class ApiProblems {

    private ApiProblems() {
    }

    /** A problem with {@code detail} in the language the request's Accept-Language prefers (Vietnamese by default). */
    static void write(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, int status,
                      String type, String title, String detailEn, String detailVi) throws IOException {
        boolean english = request != null && vn.hocba.archive.common.ProblemLanguage.prefersEnglish(
                request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"https://hocba.vn/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + (english ? detailEn : detailVi) + "\",\"detailVi\":\""
                + detailVi + "\",\"detailEn\":\"" + detailEn + "\"}");
    }
}
