package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.security.AccessTableTest;

/**
 * Issue 18's authorization walk: every endpoint of the service, API and pages, called as every kind of account of
 * the demo school, and each answer held to what {@code docs/authorization.md} says. A "no" must be a refusal: 401 on
 * the API and the sign-in page for a page without an account, 403 otherwise (never a 404 that would tell another
 * school's data exists, never the handler's own answer). A "yes" must get past every check: any answer but 401, 403,
 * the sign-in page or a server error (a state conflict, 409, or bad input, 422, is a yes: the caller was let in). The
 * walk covers every handler the service has ({@link AccessTableTest#endpoints()}); a new endpoint without a line here
 * fails it.
 */
class AuthorizationWalkIT {

    private static final String SCHOOL = "THCS-MK2";
    private static final String YEAR = "/api/v1/schools/" + SCHOOL + "/years/2024-2025";
    private static final String PAGES = "/schools/" + SCHOOL + "/years/2024-2025";
    private static final String FAR_PASSWORD = "Mật-khẩu-thanh-tra-2025";
    private static final String FORCED_PASSWORD = "Mật-khẩu-tạm-2025";
    /** What an account that must change its password may still do (docs/api.md "First sign-in"). */
    private static final Set<Access> UNTIL_CHANGED = EnumSet.of(Access.OWN_ACCOUNT, Access.SIGN_IN, Access.VERIFY);

    /** The accounts of the walk: one of each kind, and the scopes that tell them apart. */
    enum Who {
        ANONYMOUS(null),
        SYSTEM_ADMIN("admin"),
        PRINCIPAL("GV001@" + SCHOOL, StaffRole.PRINCIPAL),
        VICE_PRINCIPAL("GV002@" + SCHOOL, StaffRole.VICE_PRINCIPAL),
        CLERK("GV003@" + SCHOOL, StaffRole.CLERK),
        /** The school's administrator, who also teaches (in no class of 6A). */
        SCHOOL_ADMIN("GV004@" + SCHOOL, StaffRole.ADMIN, StaffRole.TEACHER),
        /** The maths teacher of 6A. */
        SUBJECT_TEACHER("GV011@" + SCHOOL, StaffRole.TEACHER),
        /** 6A's homeroom teacher (who also teaches its English). */
        HOMEROOM_TEACHER("GV012@" + SCHOOL, StaffRole.TEACHER),
        /** A teacher of the school who teaches no subject of 6A. */
        OTHER_TEACHER("GV022@" + SCHOOL, StaffRole.TEACHER),
        /** The demo school's district inspector. */
        INSPECTOR("inspector.district"),
        /** An inspector of another province. */
        FAR_INSPECTOR("inspector.far"),
        /**
         * An inspector of the demo school's district whose password was chosen by the administrator and not changed
         * yet: refused everything but changing it, signing in and verifying, whatever the walk says for inspectors.
         */
        FORCED_INSPECTOR("inspector.new");

        final String username;
        final Set<StaffRole> roles;

        Who(String username, StaffRole... roles) {
            this.username = username;
            this.roles = Set.of(roles);
        }

        String password() {
            return switch (this) {
                case SYSTEM_ADMIN -> "admin";
                case FAR_INSPECTOR -> FAR_PASSWORD;
                case FORCED_INSPECTOR -> FORCED_PASSWORD;
                default -> "demo";
            };
        }

        /** This account as the authorization table's gate sees it. */
        Caller caller() {
            return switch (this) {
                case ANONYMOUS -> null;
                case SYSTEM_ADMIN -> Caller.systemAdministrator(username);
                case INSPECTOR, FAR_INSPECTOR, FORCED_INSPECTOR -> new Caller(username, null, null, Set.of(), false,
                        new Caller.Jurisdiction("Quảng Ninh", null));
                default -> Caller.staff(username, SCHOOL, username.substring(0, username.indexOf('@')), roles);
            };
        }
    }

    private static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
    private static final Set<Who> STAFF = EnumSet.of(Who.PRINCIPAL, Who.VICE_PRINCIPAL, Who.CLERK, Who.SCHOOL_ADMIN,
            Who.SUBJECT_TEACHER, Who.HOMEROOM_TEACHER, Who.OTHER_TEACHER);
    /** Who may read 6A in 2024-2025: the school-wide roles, its teachers, the system administrator. */
    private static final Set<Who> READERS_OF_6A = EnumSet.of(Who.SYSTEM_ADMIN, Who.PRINCIPAL, Who.VICE_PRINCIPAL,
            Who.CLERK, Who.SCHOOL_ADMIN, Who.SUBJECT_TEACHER, Who.HOMEROOM_TEACHER);
    /** The signers of a 6A record's plan that the walk has: its maths teacher, its homeroom teacher, the principal. */
    private static final Set<Who> SIGNERS_OF_6A = EnumSet.of(Who.PRINCIPAL, Who.SUBJECT_TEACHER, Who.HOMEROOM_TEACHER);

    private static PackagedApplication app;
    private static Api api;

    /** One call of the walk: the endpoint it stands for (as the table lists it), how to make it, who is let in. */
    record Call(String endpoint, Set<Who> yes, boolean page, Request request, boolean notFoundIsYes) {

        /** The same call, where "not found" is a yes (the account was let in; the thing asked for is not there). */
        Call withNotFound() {
            return new Call(endpoint, yes, page, request, true);
        }
    }

    /** Makes the call as one account; answers its status and, for a redirect, where to. */
    interface Request {
        Answer send(Who who) throws Exception;
    }

    record Answer(int status, String location, String body) {
    }

    @BeforeAll
    static void start() throws Exception {
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        app = PackagedApplication.start(moduleDir.resolve("target/hocba.jar"), TestDirectories.fresh("authz"));
        app.awaitReady(); // the login page answers before the demo school is loaded; readiness waits for it
        api = new Api(app.port());
        var far = api.postJson("/api/v1/accounts", ("{\"username\": \"inspector.far\", \"password\": \"" + FAR_PASSWORD
                + "\", \"role\": \"INSPECTOR\", \"province\": \"Hà Nội\", \"district\": null}")
                .getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(far.status()).as(far.text()).isEqualTo(201);
        var forced = api.postJson("/api/v1/accounts", ("{\"username\": \"inspector.new\", \"password\": \""
                + FORCED_PASSWORD + "\", \"role\": \"INSPECTOR\", \"province\": \"Quảng Ninh\", \"district\":"
                + " \"Thị xã Đông Triều\", \"temporaryPassword\": true}").getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(forced.status()).as(forced.text()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyEndpointRefusesEveryNoAndLetsInEveryYes() throws Exception {
        // the state the calls need: an archived record (holds, inspectors, verification), a record being signed,
        // correction requests, a signing batch of the principal
        String archived = api.signThroughTheSequence(YEAR + "/students/HS2400028", SCHOOL).get("lookupCode").asString();
        var signing = api.post(YEAR + "/students/HS2400001/record", "admin");
        assertThat(signing.status()).as(signing.text()).isIn(200, 201);
        String signingCode = signing.json().get("lookupCode").asString();
        String apiCorrection = correction("HS2400010");
        String pageCorrection = correction("HS2400019");
        var batch = api.postJson("/api/v1/signing-batches", ("{\"documents\": [\"" + signingCode + "\"]}")
                .getBytes(StandardCharsets.UTF_8), Who.PRINCIPAL.username);
        assertThat(batch.status()).as(batch.text()).isEqualTo(202);
        String batchId = batch.json().get("id").asString();
        var hold = api.postJson("/api/v1/documents/" + archived + "/holds",
                json("{\"reason\": \"Thanh tra\", \"reference\": \"QĐ 12/2025\"}"), Who.PRINCIPAL.username);
        assertThat(hold.status()).as(hold.text()).isEqualTo(201);
        String holdId = hold.json().get("id").asString();

        Map<Who, PageSession> sessions = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            sessions.put(who, new PageSession(app.port(), who.username, who.password()));
        }
        List<Call> calls = calls(sessions, archived, signingCode, apiCorrection, pageCorrection, batchId, holdId);

        // every handler of the service is walked
        Set<String> walked = calls.stream().map(Call::endpoint).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Access> rows = new LinkedHashMap<>();
        AccessTableTest.endpoints().forEach(e -> rows.put(e.toString(), e.row()));
        assertThat(walked).as("the walk's endpoints are the service's").containsExactlyInAnyOrderElementsOf(rows.keySet());

        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            Access row = rows.get(call.endpoint());
            // until its password is changed, the forced account is let in only where an inspector is, on the rows
            // that stay open to it
            Set<Who> yesSet = EnumSet.copyOf(call.yes());
            yesSet.remove(Who.FORCED_INSPECTOR);
            if (UNTIL_CHANGED.contains(row) && call.yes().contains(Who.INSPECTOR)) {
                yesSet.add(Who.FORCED_INSPECTOR);
            }
            // the refusals first, while the state is as the call expects it; then the accounts let in
            List<Who> order = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(yesSet)));
            order.addAll(yesSet);
            for (Who who : order) {
                boolean yes = yesSet.contains(who);
                if (yes && !row.admits(who.caller())) {
                    wrong.add(call.endpoint() + " as " + who + ": the walk says yes, the table's row " + row + " no");
                    continue;
                }
                boolean roleNamed = row.who().stream()
                        .anyMatch(w -> w.staffRole() != null && who.roles.contains(w.staffRole()));
                if (yes && !who.roles.isEmpty() && !roleNamed) {
                    wrong.add(call.endpoint() + " as " + who + ": the walk says yes, but the row " + row
                            + " names none of the roles " + who.roles);
                    continue;
                }
                Answer answer = call.request().send(who);
                String verdict = yes ? letIn(call, who, answer) : refused(call, who, answer);
                if (verdict != null) {
                    wrong.add(call.endpoint() + " as " + who + ": " + verdict + " (" + answer.status() + " "
                            + (answer.location() != null ? "→ " + answer.location() : abbreviate(answer.body())) + ")");
                }
            }
        }
        assertThat(wrong).as("answers that do not match the table").isEmpty();
    }

    private static String letIn(Call call, Who who, Answer a) {
        if (a.status() == 401 || a.status() == 403) {
            return "refused, but the table lets this account in";
        }
        if (a.status() == 404 && !call.notFoundIsYes()) {
            return "not found";
        }
        if (a.status() >= 500 && a.status() != 503 && !call.endpoint().equals("ANY /error")) {
            return "a server error";
        }
        if (a.location() != null && a.location().contains("/login")) {
            return "sent to sign in";
        }
        return null;
    }

    private static String refused(Call call, Who who, Answer a) {
        if (who == Who.ANONYMOUS) {
            // a browser is sent to sign in; a page's script (JSON, no text/html) gets the Basic challenge
            boolean toLogin = a.status() == 302 && a.location() != null && a.location().contains("/login")
                    || a.status() == 401;
            return (call.page() ? toLogin : a.status() == 401) ? null : "not refused (expected "
                    + (call.page() ? "the sign-in page" : "401") + ")";
        }
        if (who == Who.FORCED_INSPECTOR && call.page() && a.status() == 302 && a.location() != null
                && a.location().endsWith("/account/password")) {
            return null; // a page sends an account that must change its password to the password page
        }
        return a.status() == 403 ? null : "not refused (expected 403)";
    }

    // ---- the calls -------------------------------------------------------------------------------------------------

    private static List<Call> calls(Map<Who, PageSession> s, String archived, String signing, String apiCorrection,
                                    String pageCorrection, String batchId, String holdId) {
        List<Call> c = new ArrayList<>();
        Set<Who> p = EnumSet.of(Who.PRINCIPAL);
        Set<Who> sys = EnumSet.of(Who.SYSTEM_ADMIN);
        Set<Who> all = EnumSet.allOf(Who.class);
        Set<Who> exporters = EnumSet.of(Who.SYSTEM_ADMIN, Who.PRINCIPAL, Who.VICE_PRINCIPAL, Who.CLERK, Who.SCHOOL_ADMIN);
        Set<Who> importers = EnumSet.of(Who.SYSTEM_ADMIN, Who.SCHOOL_ADMIN);
        Set<Who> documentReaders = union(READERS_OF_6A, EnumSet.of(Who.INSPECTOR));
        String corrections = YEAR + "/corrections";

        // public
        c.add(api("GET /api/v1/pki/trust-anchors", all, w -> get("/api/v1/pki/trust-anchors", w)));
        c.add(api("POST /api/v1/validation (application/pdf)", all,
                w -> send("POST", "/api/v1/validation", "application/pdf", "%PDF-1.7 not really".getBytes(), w)));
        c.add(page("GET /verify", all, w -> s.get(w).get("/verify")));
        c.add(page("GET /verify?code", all, w -> s.get(w).get("/verify?code=" + archived)));
        c.add(page("POST /verify", all, w -> s.get(w).upload("/verify", "file", "x.pdf", "application/pdf",
                "%PDF-1.7 not really".getBytes())));
        c.add(page("GET /verify/{code}", all, w -> s.get(w).get("/verify/" + archived)));
        c.add(page("GET /verify/{code}/pdf", all, w -> s.get(w).get("/verify/" + archived + "/pdf")));
        c.add(page("GET /login", all, w -> s.get(w).get("/login")));
        c.add(page("ANY /error", all, w -> s.get(w).get("/error")).withNotFound());

        // everyone's own
        c.add(page("GET /", SIGNED_IN, w -> s.get(w).get("/")));
        c.add(page("GET /work", SIGNED_IN, w -> s.get(w).get("/work")));
        c.add(page("GET /entry", SIGNED_IN, w -> s.get(w).get("/entry")));
        c.add(api("GET /api/v1/search", SIGNED_IN, w -> get("/api/v1/search?q=HS2400028", w)));
        c.add(page("GET /search", SIGNED_IN, w -> s.get(w).get("/search?q=HS2400028")));

        // one's own password (demo accounts' are fixed: 409; the far inspector's current password is not "x": 422)
        c.add(api("PUT /api/v1/accounts/me/password", SIGNED_IN, w -> send("PUT", "/api/v1/accounts/me/password",
                "application/json", json("{\"currentPassword\": \"x\", \"newPassword\": \"Mật-khẩu-mới-2025\"}"), w)));
        c.add(page("GET /account/password", SIGNED_IN, w -> s.get(w).get("/account/password")));
        c.add(page("POST /account/password", SIGNED_IN, w -> s.get(w).post("/account/password",
                "currentPassword=x&newPassword=a-new-password&confirmation=another-password")));

        // reading the school's data
        c.add(api("GET /api/v1/schools/{school}/years/{year}/students/{student}/results", READERS_OF_6A,
                w -> get(YEAR + "/students/HS2400001/results", w)));
        c.add(page("GET /schools/{school}/years/{year}/classes/{classCode}", READERS_OF_6A,
                w -> s.get(w).get(PAGES + "/classes/6A")));
        c.add(page("GET /schools/{school}/years/{year}/students/{student}/record.pdf", READERS_OF_6A,
                w -> s.get(w).get(PAGES + "/students/HS2400001/record.pdf")));
        c.add(api("GET /api/v1/schools/{school}/years/{year}/students/{student}/record", READERS_OF_6A,
                w -> get(YEAR + "/students/HS2400001/record", w)));
        c.add(api("GET /api/v1/schools/{school}/years/{year}/students/{student}/record.pdf", READERS_OF_6A,
                w -> get(YEAR + "/students/HS2400001/record.pdf", w)));
        c.add(api("GET /api/v1/schools/{school}/years/{year}/classes/{classCode}/gradebooks", READERS_OF_6A,
                w -> get(YEAR + "/classes/6A/gradebooks", w)));
        c.add(api("GET /api/v1/documents/{lookupCode}", documentReaders, w -> get("/api/v1/documents/" + archived, w)));
        c.add(api("GET /api/v1/documents/{lookupCode}/pdf", documentReaders,
                w -> get("/api/v1/documents/" + archived + "/pdf", w)));
        c.add(page("GET /documents/{lookupCode}/pdf", documentReaders,
                w -> s.get(w).get("/documents/" + archived + "/pdf")));
        c.add(api("GET /api/v1/documents/{lookupCode}/retention", documentReaders,
                w -> get("/api/v1/documents/" + archived + "/retention", w)));

        // marks, conduct, comments (every class-term of the demo is locked: a yes is 409)
        String marks = "/classes/6A/subjects/TOAN/terms/1/marks";
        String sheet = "[{\"student\": \"HS2400001\", \"regular\": [8, 7.5], \"midterm\": 7, \"final\": 8.5}]";
        Set<Who> maths = EnumSet.of(Who.SUBJECT_TEACHER);
        Set<Who> homeroom = EnumSet.of(Who.HOMEROOM_TEACHER);
        c.add(api("PUT /api/v1/schools/{school}/years/{year}/classes/{classCode}/subjects/{subjectCode}/terms/{term}/marks"
                + " (application/json)", maths, w -> send("PUT", YEAR + marks, "application/json", json(sheet), w)));
        c.add(page("GET /schools/{school}/years/{year}/classes/{classCode}/subjects/{subject}/terms/{term}/marks",
                maths, w -> s.get(w).get(PAGES + marks)));
        c.add(page("POST /schools/{school}/years/{year}/classes/{classCode}/subjects/{subject}/terms/{term}/marks/preview"
                + " (application/json)", maths, w -> s.get(w).postJson(PAGES + marks + "/preview", sheet)));
        c.add(page("POST /schools/{school}/years/{year}/classes/{classCode}/subjects/{subject}/terms/{term}/marks"
                + " (application/json)", maths, w -> s.get(w).postJson(PAGES + marks, sheet)));
        c.add(api("PUT /api/v1/schools/{school}/years/{year}/classes/{classCode}/terms/{term}/conduct (application/json)",
                homeroom, w -> send("PUT", YEAR + "/classes/6A/terms/1/conduct", "application/json",
                        json("[{\"student\": \"HS2400001\", \"conduct\": \"TOT\", \"excusedDays\": 0, \"unexcusedDays\": 0}]"),
                        w)));
        c.add(api("PUT /api/v1/schools/{school}/years/{year}/classes/{classCode}/comments (application/json)", homeroom,
                w -> send("PUT", YEAR + "/classes/6A/comments", "application/json",
                        json("[{\"student\": \"HS2400001\", \"comment\": \"Chăm ngoan.\"}]"), w)));
        c.add(page("GET /schools/{school}/years/{year}/classes/{classCode}/homeroom", homeroom,
                w -> s.get(w).get(PAGES + "/classes/6A/homeroom")));
        c.add(page("POST /schools/{school}/years/{year}/classes/{classCode}/homeroom/terms/{term}", homeroom,
                w -> s.get(w).post(PAGES + "/classes/6A/homeroom/terms/1", "student=HS2400001&conduct=TOT&excused=0&unexcused=0")));
        c.add(page("POST /schools/{school}/years/{year}/classes/{classCode}/homeroom/comments", homeroom,
                w -> s.get(w).post(PAGES + "/classes/6A/homeroom/comments", "student=HS2400001&comment=" + form("Chăm ngoan."))));

        // rendering
        c.add(api("POST /api/v1/schools/{school}/years/{year}/students/{student}/record", READERS_OF_6A,
                w -> send("POST", YEAR + "/students/HS2400037/record", null, null, w)));
        c.add(page("POST /schools/{school}/years/{year}/students/{student}/render", READERS_OF_6A,
                w -> s.get(w).post(PAGES + "/students/HS2400046/render", "")));
        c.add(page("POST /schools/{school}/years/{year}/classes/{classCode}/records", READERS_OF_6A,
                w -> s.get(w).post(PAGES + "/classes/6A/records", "")));
        c.add(api("POST /api/v1/schools/{school}/years/{year}/classes/{classCode}/gradebooks (application/json)",
                READERS_OF_6A, w -> send("POST", YEAR + "/classes/6A/gradebooks", "application/json",
                        json("{\"subject\": \"TOAN\", \"period\": \"TERM1\"}"), w)));
        c.add(page("POST /schools/{school}/years/{year}/classes/{classCode}/gradebooks", READERS_OF_6A,
                w -> s.get(w).post(PAGES + "/classes/6A/gradebooks", "book=TOAN&period=TERM1")));

        // signing (the record of HS2400001 is at its subject teachers' turn: the maths teacher signs, the others are
        // out of turn, 409; staff without a place in its plan are refused)
        c.add(api("POST /api/v1/documents/{lookupCode}/signatures", SIGNERS_OF_6A,
                w -> send("POST", "/api/v1/documents/" + signing + "/signatures", null, null, w)));
        c.add(api("POST /api/v1/schools/{school}/years/{year}/students/{student}/record/signatures", SIGNERS_OF_6A,
                w -> send("POST", YEAR + "/students/HS2400001/record/signatures", null, null, w)));
        c.add(page("POST /schools/{school}/years/{year}/students/{student}/sign", SIGNERS_OF_6A,
                w -> s.get(w).post(PAGES + "/students/HS2400001/sign", "")));
        c.add(page("POST /documents/{lookupCode}/sign", SIGNERS_OF_6A,
                w -> s.get(w).post("/documents/" + signing + "/sign", "")));
        c.add(api("POST /api/v1/documents/{lookupCode}/signatures/pending", SIGNERS_OF_6A,
                w -> send("POST", "/api/v1/documents/" + signing + "/signatures/pending", "application/json",
                        json("{}"), w)));
        c.add(api("POST /api/v1/documents/{lookupCode}/signatures/pending/{id}", SIGNERS_OF_6A,
                w -> send("POST", "/api/v1/documents/" + signing + "/signatures/pending/" + UUID.randomUUID(),
                        "application/json", json("{\"signatureValue\": \"AAAA\"}"), w)).withNotFound());
        // a batch of listed documents is anyone's of the school: each document is then checked, and reported
        c.add(api("POST /api/v1/signing-batches (application/json)", STAFF,
                w -> send("POST", "/api/v1/signing-batches", "application/json",
                        json("{\"documents\": [\"" + signing + "\"]}"), w)));
        c.add(page("POST /work/sign", STAFF, w -> s.get(w).post("/work/sign", "document=" + signing)));
        c.add(page("POST /work/signing-batches", STAFF,
                w -> s.get(w).post("/work/signing-batches", "document=" + signing)));
        c.add(page("POST /schools/{school}/years/{year}/classes/{classCode}/signing-batches",
                union(EnumSet.of(Who.PRINCIPAL, Who.VICE_PRINCIPAL, Who.CLERK, Who.SCHOOL_ADMIN), SIGNERS_OF_6A),
                w -> s.get(w).post(PAGES + "/classes/6A/signing-batches", "")));
        Set<Who> follow = EnumSet.of(Who.SYSTEM_ADMIN, Who.PRINCIPAL);
        c.add(api("GET /api/v1/signing-batches/{id}", follow, w -> get("/api/v1/signing-batches/" + batchId, w)));
        c.add(page("GET /signing-batches/{id}", follow, w -> s.get(w).get("/signing-batches/" + batchId)));
        c.add(page("GET /signing-batches/{id}/progress", follow,
                w -> s.get(w).get("/signing-batches/" + batchId + "/progress")));

        // own certificate
        c.add(api("PUT /api/v1/accounts/me/certificate", STAFF, w -> send("PUT", "/api/v1/accounts/me/certificate",
                "application/json", json("{\"certificate\": \"AAAA\"}"), w)));
        c.add(api("POST /api/v1/accounts/me/certificate-requests (application/pkcs10, text/plain,"
                + " application/x-pem-file)", STAFF, w -> send("POST", "/api/v1/accounts/me/certificate-requests",
                "application/pkcs10", "not a request".getBytes(), w)));

        // corrections (requested by the maths teacher; the homeroom teacher confirms, the principal decides)
        String request = "{\"student\": \"HS2400010\", \"subject\": \"TOAN\", \"term\": 1, \"field\": \"midterm\","
                + " \"newValue\": 9, \"reason\": \"Cộng nhầm\"}";
        c.add(api("POST /api/v1/schools/{school}/years/{year}/corrections (application/json)",
                EnumSet.of(Who.SUBJECT_TEACHER, Who.HOMEROOM_TEACHER),
                w -> send("POST", corrections, "application/json", json(request), w)));
        c.add(api("GET /api/v1/schools/{school}/years/{year}/corrections", union(READERS_OF_6A, EnumSet.of(Who.OTHER_TEACHER)),
                w -> get(corrections, w)));
        c.add(api("GET /api/v1/schools/{school}/years/{year}/corrections/{id}", READERS_OF_6A,
                w -> get(corrections + "/" + apiCorrection, w)));
        c.add(api("GET /api/v1/schools/{school}/years/{year}/corrections/{id}/evidence", READERS_OF_6A,
                w -> get(corrections + "/" + apiCorrection + "/evidence", w)).withNotFound());
        c.add(api("POST /api/v1/schools/{school}/years/{year}/corrections/{id}/confirmation", homeroom,
                w -> send("POST", corrections + "/" + apiCorrection + "/confirmation", null, null, w)));
        c.add(api("POST /api/v1/schools/{school}/years/{year}/corrections/{id}/rejection", p,
                w -> send("POST", corrections + "/" + apiCorrection + "/rejection", "application/json",
                        json("{\"reason\": \"Không đủ căn cứ\"}"), w)));
        c.add(api("POST /api/v1/schools/{school}/years/{year}/corrections/{id}/approval", p,
                w -> send("POST", corrections + "/" + apiCorrection + "/approval", null, null, w)));
        c.add(page("POST /work/corrections/{school}/{year}/{id}/{action:confirm|approve|reject}",
                EnumSet.of(Who.HOMEROOM_TEACHER),
                w -> s.get(w).post("/work/corrections/" + SCHOOL + "/2024-2025/" + pageCorrection + "/confirm", "")));

        // locks (the principal's)
        c.add(api("POST /api/v1/schools/{school}/years/{year}/classes/{classCode}/terms/{term}/unlock", p,
                w -> send("POST", YEAR + "/classes/6A/terms/1/unlock", null, null, w)));
        c.add(api("POST /api/v1/schools/{school}/years/{year}/classes/{classCode}/terms/{term}/lock", p,
                w -> send("POST", YEAR + "/classes/6A/terms/1/lock", null, null, w)));
        c.add(api("POST /api/v1/schools/{school}/years/{year}/lock", p, w -> send("POST", YEAR + "/lock", null, null, w)));
        c.add(page("GET /schools/{school}/years/{year}/locks", p, w -> s.get(w).get(PAGES + "/locks")));
        c.add(page("POST /schools/{school}/years/{year}/classes/{classCode}/terms/{term}/{action:lock|unlock}", p,
                w -> s.get(w).post(PAGES + "/classes/6A/terms/1/lock", "")));
        c.add(page("POST /schools/{school}/years/{year}/lock", p, w -> s.get(w).post(PAGES + "/lock", "")));

        // the dataset
        byte[] dataset = "{\"format\": \"hocba-school-year/1\"}".getBytes(StandardCharsets.UTF_8);
        c.add(api("POST /api/v1/imports (application/json)", importers,
                w -> send("POST", "/api/v1/imports", "application/json", dataset, w)));
        c.add(api("POST /api/v1/imports (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)", importers,
                w -> send("POST", "/api/v1/imports", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "not a workbook".getBytes(), w)));
        c.add(api("POST /api/v1/imports (multipart/form-data)", importers, w -> multipart("/api/v1/imports", w)));
        c.add(api("GET /api/v1/imports/template.xlsx", importers, w -> get("/api/v1/imports/template.xlsx", w)));
        c.add(api("GET /api/v1/schools/{schoolCode}/years/{schoolYear}/dataset.json", exporters,
                w -> get(YEAR + "/dataset.json", w)));
        c.add(api("GET /api/v1/schools/{schoolCode}/years/{schoolYear}/dataset.xlsx", exporters,
                w -> get(YEAR + "/dataset.xlsx", w)));

        // holds (placed by the principal in the set-up: only the same authority releases it)
        c.add(api("POST /api/v1/documents/{lookupCode}/holds", EnumSet.of(Who.PRINCIPAL, Who.INSPECTOR),
                w -> send("POST", "/api/v1/documents/" + archived + "/holds", "application/json",
                        json("{\"reason\": \"Thanh tra\", \"reference\": \"QĐ 13/2025\"}"), w)));
        c.add(api("DELETE /api/v1/documents/{lookupCode}/holds/{id}", p,
                w -> send("DELETE", "/api/v1/documents/" + archived + "/holds/" + holdId, null, null, w))
                .withNotFound());

        // the system's upkeep
        c.add(api("POST /api/v1/accounts", sys, w -> send("POST", "/api/v1/accounts", "application/json",
                json("{\"username\": \"inspector.x\", \"password\": \"x\", \"role\": \"INSPECTOR\", \"province\": \"Hà Nội\"}"),
                w)));
        c.add(page("GET /admin/accounts", sys, w -> s.get(w).get("/admin/accounts")));
        c.add(page("POST /admin/accounts", sys, w -> s.get(w).post("/admin/accounts", "username=&password=")));
        c.add(page("POST /admin/accounts/staff", sys,
                w -> s.get(w).post("/admin/accounts/staff", "school=" + SCHOOL + "&staff=GV011&password=x")));
        c.add(api("GET /api/v1/audit/verification", sys, w -> get("/api/v1/audit/verification", w)));
        c.add(api("POST /api/v1/integrity/sweeps", sys, w -> send("POST", "/api/v1/integrity/sweeps", null, null, w)));
        c.add(api("GET /api/v1/integrity", sys, w -> get("/api/v1/integrity", w)).withNotFound());
        c.add(api("POST /api/v1/archive/timestamp-renewals", sys,
                w -> send("POST", "/api/v1/archive/timestamp-renewals", null, null, w)));
        byte[] nobody = json("{\"school\": \"" + SCHOOL + "\", \"staff\": \"GV099\"}");
        c.add(api("POST /api/v1/pki/demo/revocations", sys,
                w -> send("POST", "/api/v1/pki/demo/revocations", "application/json", nobody, w)).withNotFound());
        c.add(api("POST /api/v1/pki/demo/reissues", sys,
                w -> send("POST", "/api/v1/pki/demo/reissues", "application/json", nobody, w)).withNotFound());
        c.add(api("GET /api/v1/search/rebuild", sys, w -> get("/api/v1/search/rebuild", w)).withNotFound());
        c.add(api("POST /api/v1/search/rebuild", sys, w -> send("POST", "/api/v1/search/rebuild", null, null, w)));
        return c;
    }

    private static String correction(String student) {
        var answer = api.postJson(YEAR + "/corrections", json("{\"student\": \"" + student + "\", \"subject\": \"TOAN\","
                + " \"term\": 1, \"field\": \"final\", \"newValue\": 9.5, \"reason\": \"Cộng nhầm điểm\"}"),
                Who.SUBJECT_TEACHER.username);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static Call api(String endpoint, Set<Who> yes, Request request) {
        return new Call(endpoint, yes, false, request, false);
    }

    private static Call page(String endpoint, Set<Who> yes, PageRequest request) {
        return new Call(endpoint, yes, true, who -> {
            var r = request.send(who);
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        }, false);
    }

    /** A page call as one account's browser session. */
    interface PageRequest {
        java.net.http.HttpResponse<String> send(Who who) throws Exception;
    }

    private static Answer get(String path, Who who) {
        return send("GET", path, null, null, who);
    }

    private static Answer send(String method, String path, String contentType, byte[] body, Who who) {
        var r = api.request(method, path, contentType, body, who.username, who.password());
        return new Answer(r.status(), r.header("Location"), r.text());
    }

    private static Answer multipart(String path, Who who) {
        String boundary = "----walk";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{}\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body, who);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static Set<Who> union(Set<Who>... sets) {
        Set<Who> all = EnumSet.noneOf(Who.class);
        for (Set<Who> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
