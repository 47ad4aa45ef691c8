package vn.hocba.archive.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API state changes sent by a browser from another site (an {@code Origin} that is not this host): a browser
 * may replay cached HTTP Basic credentials on a forged cross-site form post. Clients that send no Origin (curl,
 * integrations) are not affected.
 */
class SameOriginFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        boolean safe = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        if (!safe && origin != null && !sameHost(origin, request)) {
            ApiProblems.write(request, response, 403, "cross-site-request", "Forbidden",
                    "Requests from another site may not change data.",
                    "Yêu cầu từ trang web khác không được phép thay đổi dữ liệu.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameHost(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
