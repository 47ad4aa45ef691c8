package vn.hocba.archive.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** 401 and 403 of the API as RFC 9457 problem+json, like every other refusal (the filter chain answers before MVC). */
final class ApiProblems {

    private ApiProblems() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detailEn,
                      String detailVi) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"https://hocba.vn/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detailEn + "\",\"detailVi\":\"" + detailVi + "\"}");
    }
}
