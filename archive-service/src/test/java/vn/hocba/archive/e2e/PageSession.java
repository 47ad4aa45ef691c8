package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the pages, without a browser: a cookie jar, the sign-in form, and the CSRF token each form
 * post carries (taken from a page, as a browser's form holds it). Redirects are not followed, so a test sees where a
 * page sends it. Without a username the session stays anonymous (its token comes from the sign-in page).
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final boolean signedIn;

    /** Signs in through the form as {@code username}; null stays anonymous. */
    PageSession(int port, String username, String password) throws IOException, InterruptedException {
        this.base = "http://127.0.0.1:" + port;
        this.signedIn = username != null;
        if (signedIn) {
            var login = get("/login");
            var answer = send(form("/login", "username=" + encode(username) + "&password=" + encode(password)
                    + "&_csrf=" + encode(token(login.body()))));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).as("signed in as " + username)
                    .doesNotContain("error");
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /** A form post from a page (with the page's CSRF token). */
    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(form(path, (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrf())));
    }

    /** A page script's JSON post (the CSRF token in its header, as the mark grid sends it). */
    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A file upload from a page's form ({@code multipart/form-data}, one part named {@code name}). */
    HttpResponse<String> upload(String path, String name, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----hocba" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * The session's CSRF token, from a page that holds a form: the worklist (or where it sends the session), or the
     * sign-in page when anonymous.
     */
    private String csrf() throws IOException, InterruptedException {
        var page = get(signedIn ? "/work" : "/login");
        var elsewhere = page.headers().firstValue("Location");
        if (page.statusCode() == 302 && elsewhere.isPresent()) {
            page = get(java.net.URI.create(elsewhere.get()).getPath()); // e.g. a first sign-in's password page
        }
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return token(page.body());
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
