package vn.hocba.archive.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests that Tomcat refuses before the application sees them (a header or query string over its limits, a path
 * with an encoded NUL or slash, an illegal character in the request line) get the house's answer too, instead of
 * Tomcat's English "HTTP Status 400" report: problem+json on {@code /api/}, otherwise a short page in Vietnamese and
 * English with a link home; the security headers of every answer ({@link vn.hocba.archive.security}) included, nothing
 * of the request echoed.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorPages {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> houseErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(HouseErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, replaced. Public with a public constructor: Tomcat makes it by its class name. */
    public static class HouseErrorReportValve extends ErrorReportValve {

        public HouseErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            // a request line Tomcat could not parse has no decoded path: its raw bytes, as far as they were read
            String uri = request.getDecodedRequestURI();
            if (uri == null || uri.isEmpty()) {
                var raw = request.getCoyoteRequest() == null ? null : request.getCoyoteRequest().requestURI();
                uri = raw == null || raw.isNull() ? "" : raw.toString();
            }
            boolean api = uri.startsWith("/api/");
            String en = status == 400 ? "The request is malformed (too long, or characters an address may not hold)."
                    : status == 404 ? "There is nothing at this address." : "The request was refused (" + status + ").";
            String vi = status == 400 ? "Yêu cầu không hợp lệ (quá dài, hoặc chứa ký tự không được phép trong địa chỉ)."
                    : status == 404 ? "Không có nội dung nào ở địa chỉ này." : "Yêu cầu bị từ chối (" + status + ").";
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "same-origin");
                Writer out = response.getReporter();
                if (out == null) {
                    return;
                }
                if (api) {
                    response.setContentType("application/problem+json");
                    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                    var reason = org.springframework.http.HttpStatus.resolve(status);
                    out.write("{\"type\":\"https://hocba.vn/problems/http-" + status + "\",\"title\":\""
                            + (reason == null ? "Error" : reason.getReasonPhrase()) + "\",\"status\":"
                            + status + ",\"detail\":\"" + vi + "\",\"detailVi\":\"" + vi + "\",\"detailEn\":\"" + en + "\"}");
                } else {
                    response.setContentType("text/html");
                    response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; object-src 'none'; "
                            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
                    out.write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi " + status
                            + " · Hocba</title><link rel=\"stylesheet\" href=\"/css/hocba.css\"></head><body><header>"
                            + "<a class=\"brand\" href=\"/\">Hocba · Học bạ số</a></header><main class=\"narrow error-page\">"
                            + "<h1>Yêu cầu bị từ chối</h1><p class=\"error\">" + vi + "</p><p class=\"hint\" lang=\"en\">" + en
                            + "</p><p class=\"hint\">Mã lỗi / Status: " + status + "</p><p><a href=\"/\">Về trang chủ / Home</a></p>"
                            + "</main></body></html>");
                }
                out.flush();
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer was committed meanwhile: nothing more to say
            }
        }
    }
}
