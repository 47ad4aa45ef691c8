package vn.hocba.archive.workflow;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.rendering.GradebookPeriod;
import vn.hocba.archive.school.DatasetProblem;

/**
 * Class documents (API.md "Documents"): a subject's gradebook (sổ theo dõi và đánh giá học sinh) or the class summary
 * book of one period, rendered for signature once the period is locked.
 */
@RestController
@RequestMapping("/api/v1/schools/{school}/years/{year}/classes/{classCode}/gradebooks")
class GradebookController {

    private final DocumentWorkflow workflow;

    GradebookController(DocumentWorkflow workflow) {
        this.workflow = workflow;
    }

    /** A request names a document in a few short members: anything longer is refused unread. */
    static final int MAX_BODY = 4 * 1024;

    private static final java.util.Set<String> MEMBERS = java.util.Set.of("subject", "summary", "period");

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Renders the gradebook or summary book named by {@code {"subject": "TOAN", "period": "TERM1"}} or
     * {@code {"summary": true, "period": "YEAR"}} unless it exists: {@code 201} new, {@code 200} existing; {@code 409}
     * while a term it covers is not locked; {@code 422} for a body that names no document (each problem with its path);
     * {@code 404} an unknown class or a subject the class does not learn.
     */
    @PostMapping(consumes = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Access.RENDER)
    ResponseEntity<DocumentView> render(@PathVariable String school, @PathVariable String year,
                                        @PathVariable String classCode, jakarta.servlet.http.HttpServletRequest http,
                                        Caller caller) throws java.io.IOException {
        // who may not see the class is refused before anything they sent is judged (the refusals would tell them of it)
        workflow.requireClassReadable(school, year, classCode, caller);
        var rendered = workflow.render(key(school, year, classCode, http.getInputStream().readNBytes(MAX_BODY + 1)), caller);
        return ResponseEntity.status(rendered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(rendered.document());
    }

    /** The current gradebooks and summary books of the class (not superseded), for whoever may see the class. */
    @GetMapping
    @Allowed(Access.READ_SCHOOL_DATA)
    List<DocumentView> list(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                            Caller caller) {
        List<DocumentView> out = new ArrayList<>(
                workflow.currentOfClass(school, year, classCode, DocumentType.CLASS_GRADEBOOK, caller));
        out.addAll(workflow.currentOfClass(school, year, classCode, DocumentType.CLASS_SUMMARY, caller));
        return out;
    }

    /** The document a request body names, or 422 with every problem at its path. */
    static DocumentKey key(String school, String year, String classCode, byte[] bytes) {
        if (bytes.length > MAX_BODY) {
            throw rejected("", "the body is longer than " + MAX_BODY + " bytes", "nội dung dài quá " + MAX_BODY + " byte");
        }
        tools.jackson.databind.JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (tools.jackson.core.JacksonException e) {
            throw rejected("", "the body is not one JSON object", "nội dung không phải một đối tượng JSON");
        }
        if (body == null || !body.isObject()) {
            throw rejected("", "the body must be a JSON object", "nội dung phải là một đối tượng JSON");
        }
        List<DatasetProblem> problems = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                problems.add(new DatasetProblem(name, "unknown member", "trường không được hỗ trợ"));
            }
        }
        GradebookPeriod period = null;
        var p = body.get("period");
        if (p == null || p.isNull()) {
            problems.add(new DatasetProblem("period", "required: TERM1, TERM2 or YEAR", "bắt buộc: TERM1, TERM2 hoặc YEAR"));
        } else if (!p.isString() || java.util.Arrays.stream(GradebookPeriod.values()).noneMatch(v -> v.name().equals(p.asString()))) {
            problems.add(new DatasetProblem("period", "must be TERM1, TERM2 or YEAR", "phải là TERM1, TERM2 hoặc YEAR"));
        } else {
            period = GradebookPeriod.valueOf(p.asString());
        }
        var summaryNode = body.get("summary");
        boolean summary = false;
        if (summaryNode != null && !summaryNode.isNull()) {
            if (!summaryNode.isBoolean()) {
                problems.add(new DatasetProblem("summary", "must be true or false", "phải là true hoặc false"));
            } else {
                summary = summaryNode.asBoolean();
            }
        }
        var subjectNode = body.get("subject");
        String subject = null;
        if (subjectNode != null && !subjectNode.isNull()) {
            if (!subjectNode.isString() || !SUBJECT_CODE.matcher(subjectNode.asString()).matches()) {
                problems.add(new DatasetProblem("subject", "must be a subject code (letters, digits, _ or -, at most 32)",
                        "phải là mã môn học (chữ, số, _ hoặc -, tối đa 32 ký tự)"));
            } else {
                subject = subjectNode.asString();
            }
        }
        if (summary && subjectNode != null && !subjectNode.isNull()) {
            problems.add(new DatasetProblem("subject", "a summary book has no subject", "sổ tổng hợp không có môn học"));
        } else if (!summary && (subjectNode == null || subjectNode.isNull())) {
            problems.add(new DatasetProblem("subject", "required unless summary is true",
                    "bắt buộc khi không phải sổ tổng hợp (summary)"));
        }
        if (!problems.isEmpty()) {
            throw new DocumentRequestRejectedException(problems);
        }
        return summary ? DocumentKey.summary(school, year, classCode, period)
                : DocumentKey.gradebook(school, year, classCode, subject, period);
    }

    private static final java.util.regex.Pattern SUBJECT_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static DocumentRequestRejectedException rejected(String path, String en, String vi) {
        return new DocumentRequestRejectedException(List.of(new DatasetProblem(path, en, vi)));
    }
}
