package vn.hocba.archive.corrections;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.Texts;
import vn.hocba.archive.school.DatasetProblem;

/**
 * {@code …/corrections} (API.md "Lock windows and corrections"): a request by the class-subject's teacher or the
 * homeroom teacher ({@code 201}), its confirmation by the homeroom teacher, its approval or rejection by the principal
 * (each {@code 200} with the request), the list and one request for staff who may see the class, and its evidence
 * file. {@code …} is {@code /api/v1/schools/{school}/years/{year}}.
 */
@RestController
class CorrectionController {

    private static final String CORRECTIONS = "/api/v1/schools/{school}/years/{year}/corrections";

    /** The evidence (10 MB) base64-encoded with the other members: beyond this the body is refused unread. */
    static final int MAX_BODY = (Evidence.MAX_BYTES / 3 + 1) * 4 + 64 * 1024;

    private static final Set<String> MEMBERS = Set.of("student", "subject", "term", "field", "newValue", "reason", "evidence");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final CorrectionManagement corrections;

    CorrectionController(CorrectionManagement corrections) {
        this.corrections = corrections;
    }

    /** {@code 201} with the request, {@code status: "REQUESTED"}. */
    @PostMapping(path = CORRECTIONS, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Access.REQUEST_CORRECTION)
    ResponseEntity<Map<String, Object>> request(@PathVariable String school, @PathVariable String year,
                                                HttpServletRequest http, Caller caller) throws IOException {
        corrections.requireYear(caller, school, year); // another school's caller: 403 before a byte of the body is read
        List<DatasetProblem> problems = new ArrayList<>();
        JsonNode body = read(http, problems);
        if (body == null) {
            throw new CorrectionRefusedException(problems); // nothing else to say of a body that could not be read
        }
        unknownMembers(body, MEMBERS, problems);
        var r = new CorrectionManagement.NewRequest(
                text(body, "student", problems, true, 32), text(body, "subject", problems, true, 32), term(body, problems),
                text(body, "field", problems, true, 16), body.get("newValue"), reason(body, problems),
                Evidence.read(body.get("evidence"), problems), problems);
        var created = corrections.request(caller, school, year, r);
        return ResponseEntity.status(HttpStatus.CREATED).body(body(created));
    }

    /** {@code 200} with the request, now CONFIRMED. */
    @PostMapping(CORRECTIONS + "/{id}/confirmation")
    @Allowed(Access.DECIDE_CORRECTION)
    Map<String, Object> confirm(@PathVariable String school, @PathVariable String year, @PathVariable String id,
                                Caller caller) {
        return body(corrections.confirm(caller, school, year, id));
    }

    /** {@code 200} with the request, now APPROVED: the mark is changed. */
    @PostMapping(CORRECTIONS + "/{id}/approval")
    @Allowed(Access.DECIDE_CORRECTION)
    Map<String, Object> approve(@PathVariable String school, @PathVariable String year, @PathVariable String id,
                                Caller caller) {
        return body(corrections.approve(caller, school, year, id));
    }

    /** {@code {"reason"}}: {@code 200} with the request, now REJECTED: the mark stays. */
    @PostMapping(CORRECTIONS + "/{id}/rejection")
    @Allowed(Access.DECIDE_CORRECTION)
    Map<String, Object> reject(@PathVariable String school, @PathVariable String year, @PathVariable String id,
                               HttpServletRequest http, Caller caller) throws IOException {
        List<DatasetProblem> problems = new ArrayList<>();
        String reason = null;
        if (http.getContentLengthLong() > 64 * 1024) {
            problems.add(new DatasetProblem("reason", "the body is too large", "nội dung quá lớn"));
        } else {
            JsonNode body = read(http, problems);
            if (body != null) {
                unknownMembers(body, Set.of("reason"), problems); // a misspelt member is named, not ignored
                reason = reason(body, problems);
            }
        }
        // the problems are reported once the caller may decide (403 first); without them the reason is valid
        return body(corrections.reject(caller, school, year, id, reason, problems));
    }

    /** The requests of the year the caller may see, newest first; {@code ?status=} one status only. */
    @GetMapping(CORRECTIONS)
    @Allowed(Access.READ_CORRECTIONS)
    List<Map<String, Object>> list(@PathVariable String school, @PathVariable String year,
                                   @RequestParam(required = false) String status, Caller caller) {
        CorrectionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = CorrectionStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CorrectionRefusedException.badFilter(new DatasetProblem("status",
                        "one of REQUESTED, CONFIRMED, APPROVED, REJECTED", "một trong REQUESTED, CONFIRMED, APPROVED, REJECTED"));
            }
        }
        return corrections.list(caller, school, year, wanted).stream().map(CorrectionController::body).toList();
    }

    @GetMapping(CORRECTIONS + "/{id}")
    @Allowed(Access.READ_CORRECTIONS)
    Map<String, Object> get(@PathVariable String school, @PathVariable String year, @PathVariable String id,
                            Caller caller) {
        return body(corrections.get(caller, school, year, id));
    }

    /** The evidence file as received, as an attachment (never shown inline: it came from a user). */
    @GetMapping(CORRECTIONS + "/{id}/evidence")
    @Allowed(Access.READ_CORRECTIONS)
    ResponseEntity<byte[]> evidence(@PathVariable String school, @PathVariable String year, @PathVariable String id,
                                    Caller caller) {
        Evidence e = corrections.evidence(caller, school, year, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + e.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(e.content());
    }

    static Map<String, Object> body(Correction c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", c.id().toString());
        m.put("status", c.status().name());
        m.put("school", c.school());
        m.put("schoolYear", c.schoolYear());
        m.put("class", c.classCode());
        m.put("student", c.studentId());
        m.put("subject", c.subject());
        m.put("term", c.term());
        m.put("field", c.field());
        m.put("oldValue", mark(c.oldValue()));
        m.put("newValue", mark(c.newValue()));
        m.put("reason", c.reason());
        m.put("requestedBy", c.requestedBy());
        m.put("requestedAt", c.requestedAt() == null ? null : c.requestedAt().toString());
        m.put("confirmedBy", c.confirmedBy());
        m.put("confirmedAt", c.confirmedAt() == null ? null : c.confirmedAt().toString());
        m.put("decidedBy", c.decidedBy());
        m.put("decidedAt", c.decidedAt() == null ? null : c.decidedAt().toString());
        m.put("rejectionReason", c.rejectionReason());
        if (c.evidence() == null) {
            m.put("evidence", null);
        } else {
            var e = new LinkedHashMap<String, Object>();
            e.put("filename", c.evidence().filename());
            e.put("contentType", c.evidence().contentType());
            e.put("size", c.evidence().size());
            e.put("sha256", c.evidence().sha256());
            m.put("evidence", e);
        }
        return m;
    }

    /** A score as a JSON number ({@code 7.5}), a comment mark as text ({@code "Đ"}), as the request gives them. */
    private static Object mark(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return new BigDecimal(stored);
        } catch (NumberFormatException commentMark) {
            return stored;
        }
    }

    /** The body as a JSON object; null (and a problem) when it is missing, too large or not a JSON object. */
    private static JsonNode read(HttpServletRequest http, List<DatasetProblem> problems) throws IOException {
        if (http.getContentLengthLong() > MAX_BODY) {
            Evidence.tooLarge(problems);
            return null;
        }
        byte[] bytes;
        try (InputStream in = http.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            Evidence.tooLarge(problems);
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below, without quoting the body
        }
        problems.add(new DatasetProblem("$", "the body must be a JSON object, each member once",
                "nội dung phải là một đối tượng JSON, mỗi trường chỉ một lần"));
        return null;
    }

    private static String text(JsonNode body, String name, List<DatasetProblem> problems, boolean required, int max) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new DatasetProblem(name, "required", "bắt buộc"));
            }
            return null;
        }
        if (!node.isString() || node.stringValue().isBlank() || node.stringValue().length() > max) {
            problems.add(new DatasetProblem(name, "must be a text of 1 to " + max + " characters",
                    "phải là chuỗi từ 1 đến " + max + " ký tự"));
            return null;
        }
        return node.stringValue().strip();
    }

    private static Integer term(JsonNode body, List<DatasetProblem> problems) {
        JsonNode node = body.get("term");
        if (node == null || node.isNull()) {
            problems.add(new DatasetProblem("term", "required", "bắt buộc"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(new DatasetProblem("term", "the term is 1 or 2", "học kì phải là 1 hoặc 2"));
            return null;
        }
        return node.intValue();
    }

    /** One problem for each member of an object {@code body} that is not in {@code allowed}. */
    private static void unknownMembers(JsonNode body, Set<String> allowed, List<DatasetProblem> problems) {
        if (body.isObject()) {
            for (String member : body.propertyNames()) {
                if (!allowed.contains(member)) {
                    problems.add(new DatasetProblem(shown(member), "unknown member", "trường không hợp lệ"));
                }
            }
        }
    }

    private static String reason(JsonNode body, List<DatasetProblem> problems) {
        JsonNode node = body.get("reason");
        String reason = node != null && node.isString() ? Texts.nfc(node.stringValue()).strip() : null;
        if (reason == null || reason.isEmpty() || reason.length() > CorrectionManagement.MAX_REASON
                || reason.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            problems.add(new DatasetProblem("reason", "the reason is required: a text of at most "
                    + CorrectionManagement.MAX_REASON + " characters",
                    "cần ghi lý do: tối đa " + CorrectionManagement.MAX_REASON + " ký tự"));
            return null;
        }
        return reason;
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
