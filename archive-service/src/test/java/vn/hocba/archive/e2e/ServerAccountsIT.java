package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 18's real accounts, on an installation without demo accounts (the packaged application with the demo off,
 * as a server runs): the first administrator comes from {@code hocba.admin.initial-password} and must change that
 * password before anything else; it creates a staff member's account with a temporary password, which its owner must
 * change at the first sign-in, in the browser's pages; the change ends the session, and the new password signs in.
 * A restart with the variable still set creates nothing again.
 */
class ServerAccountsIT {

    private static final String INITIAL = "Khoi-tao-2025"; // ASCII: a JVM option, whatever the locale
    private static final String ADMIN_NEW = "Quản-trị-mới-2025";
    private static final String TEMPORARY = "Tạm-thời-123";
    private static final String TEACHER_NEW = "Giáo-viên-mới-456";
    private static final String TEACHER_LATEST = "Giáo-viên-mới-789";
    private static final String TEACHER = "GV011@THCS-MK2";
    /** A server's accounts: no demo; no time-stamping authority either (nothing is signed here), so level B-B. */
    private static final List<String> SERVER = List.of("-Dhocba.demo.enabled=false",
            "-Dhocba.admin.initial-password=" + INITIAL, "-Dhocba.signing.signature-level=B-B",
            "-Dhocba.signing.archive-level=B-B");

    @Test
    void theFirstAdministratorAndAStaffMemberChangeTheirPasswordsBeforeAnythingElse() throws Exception {
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path jar = moduleDir.resolve("target/hocba.jar");
        Path workDir = TestDirectories.fresh("accounts");
        try (var app = PackagedApplication.start(jar, workDir, SERVER)) {
            var api = new Api(app.port());
            assertThat(api.getAs("/api/v1/search?q=a", "admin", "admin").status()).as("no demo accounts").isEqualTo(401);

            // the first administrator may only change its password
            var refused = api.getAs("/api/v1/search?q=a", "admin", INITIAL);
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).endsWith("/password-change-required");
            assertThat(change(api, "admin", INITIAL, "wrong-password", ADMIN_NEW).json().get("errors").get(0)
                    .get("path").asString()).isEqualTo("currentPassword");
            // a wrong current password counts as a failed sign-in: a session or a client left open cannot guess it
            assertThat(change(api, "admin", INITIAL, INITIAL, "short").json().get("errors").get(0)
                    .get("path").asString()).isEqualTo("newPassword");
            assertThat(change(api, "admin", INITIAL, INITIAL, INITIAL).status()).as("the same again").isEqualTo(422);
            assertThat(change(api, "admin", INITIAL, INITIAL, ADMIN_NEW).status()).isEqualTo(204);
            assertThat(api.getAs("/api/v1/search?q=a", "admin", INITIAL).status()).isEqualTo(401);
            assertThat(api.getAs("/api/v1/search?q=a", "admin", ADMIN_NEW).status()).isEqualTo(200);

            // the school, then a staff member's account with a temporary password
            byte[] dataset;
            try (var in = ServerAccountsIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
                dataset = in.readAllBytes();
            }
            var imported = api.request("POST", "/api/v1/imports", "application/json", dataset, "admin", ADMIN_NEW);
            assertThat(imported.status()).as(imported.text()).isEqualTo(201);
            var unknown = createStaff(api, "GV999", TEMPORARY);
            assertThat(unknown.status()).as(unknown.text()).isEqualTo(422);
            assertThat(unknown.json().get("errors").get(0).get("path").asString()).isEqualTo("staff");
            var created = createStaff(api, "GV011", TEMPORARY);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            assertThat(created.json().get("temporaryPassword").asBoolean()).isTrue();
            assertThat(created.text()).doesNotContain(TEMPORARY);
            assertThat(createStaff(api, "GV011", TEMPORARY).status()).as("the name is taken").isEqualTo(409);
            // wrong current passwords count as failed sign-ins: after 5, the name is locked, the right one refused too
            assertThat(createStaff(api, "GV012", TEMPORARY).status()).isEqualTo(201);
            for (int i = 0; i < 5; i++) {
                assertThat(change(api, "GV012@THCS-MK2", TEMPORARY, "guess-" + i, TEACHER_NEW).status()).isEqualTo(422);
            }
            assertThat(change(api, "GV012@THCS-MK2", TEMPORARY, TEMPORARY, TEACHER_NEW).status()).isEqualTo(429);
            var teacherRefused = api.getAs("/api/v1/search?q=a", TEACHER, TEMPORARY);
            assertThat(teacherRefused.status()).isEqualTo(403);
            assertThat(teacherRefused.json().get("type").asString()).endsWith("/password-change-required");

            // in the browser: every page leads to the password page until the password is changed
            var pages = new PageSession(app.port(), TEACHER, TEMPORARY);
            var home = pages.get("/");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/account/password");
            assertThat(pages.get("/work").headers().firstValue("Location").orElse("")).endsWith("/account/password");
            var form = pages.get("/account/password");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("id=\"forced\"");
            var mismatch = pages.post("/account/password", "currentPassword=" + enc(TEMPORARY) + "&newPassword="
                    + enc(TEACHER_NEW) + "&confirmation=" + enc(TEACHER_NEW + "x"));
            assertThat(mismatch.headers().firstValue("Location").orElse("")).endsWith("/account/password");
            var changed = pages.post("/account/password", "currentPassword=" + enc(TEMPORARY) + "&newPassword="
                    + enc(TEACHER_NEW) + "&confirmation=" + enc(TEACHER_NEW));
            assertThat(changed.statusCode()).isEqualTo(302);
            assertThat(changed.headers().firstValue("Location").orElse("")).contains("/login?passwordChanged");
            assertThat(pages.get("/").headers().firstValue("Location").orElse("")).as("the session ended")
                    .contains("/login");
            var again = new PageSession(app.port(), TEACHER, TEACHER_NEW);
            var work = again.get("/work");
            assertThat(work.statusCode()).isEqualTo(200);
            assertThat(api.getAs("/api/v1/search?q=a", TEACHER, TEACHER_NEW).status()).isEqualTo(200);
            assertThat(api.getAs("/api/v1/search?q=a", TEACHER, TEMPORARY).status()).isEqualTo(401);
            // a change through the API ends the account's other browser sessions at their next request
            Thread.sleep(5); // the session's sign-in strictly before the change
            assertThat(change(api, TEACHER, TEACHER_NEW, TEACHER_NEW, TEACHER_LATEST).status()).isEqualTo(204);
            var ended = again.get("/work");
            assertThat(ended.statusCode()).isEqualTo(302);
            assertThat(ended.headers().firstValue("Location").orElse("")).contains("/login?passwordChanged");
            assertThat(again.get("/work").headers().firstValue("Location").orElse("")).contains("/login");
            assertThat(new PageSession(app.port(), TEACHER, TEACHER_LATEST).get("/work").statusCode())
                    .as("a session signed in after the change").isEqualTo(200);
            assertThat(api.getAs("/actuator/health", "admin", ADMIN_NEW).json().has("components"))
                    .as("the health check's details: the system administrator's").isTrue();
            assertThat(api.getAs("/actuator/health", TEACHER, TEACHER_LATEST).json().has("components")).isFalse();
            var audit = api.getAs("/api/v1/audit/verification", "admin", ADMIN_NEW);
            assertThat(audit.json().get("valid").asBoolean()).isTrue();
        }
        // the variable still set: the administrator exists, nothing is created again
        try (var app = PackagedApplication.start(jar, workDir, SERVER)) {
            var api = new Api(app.port());
            assertThat(api.getAs("/api/v1/search?q=a", "admin", ADMIN_NEW).status()).isEqualTo(200);
            assertThat(api.getAs("/api/v1/search?q=a", "admin", INITIAL).status()).isEqualTo(401);
        }
    }

    private static Api.Response change(Api api, String account, String password, String current, String next) {
        return api.request("PUT", "/api/v1/accounts/me/password", "application/json",
                ("{\"currentPassword\": \"" + current + "\", \"newPassword\": \"" + next + "\"}")
                        .getBytes(StandardCharsets.UTF_8), account, password);
    }

    private static Api.Response createStaff(Api api, String staff, String password) {
        return api.request("POST", "/api/v1/accounts", "application/json", ("{\"username\": \"" + staff
                + "@THCS-MK2\", \"password\": \"" + password + "\", \"role\": \"STAFF\", \"school\": \"THCS-MK2\","
                + " \"staff\": \"" + staff + "\"}").getBytes(StandardCharsets.UTF_8), "admin", ADMIN_NEW);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
