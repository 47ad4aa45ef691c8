package vn.hocba.archive.workflow;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    /**
     * What to render: {@code {"subject": "TOAN", "period": "TERM1"}} or {@code {"summary": true, "period": "YEAR"}}.
     *
     * @param period TERM1, TERM2 or YEAR
     */
    record GradebookRequest(String subject, Boolean summary, String period) {
    }

    /**
     * Renders the gradebook or summary book unless it exists: {@code 201} new, {@code 200} existing; {@code 409} while
     * a term it covers is not locked; {@code 422} for a request that names no document; {@code 404} an unknown class
     * or a subject the class does not learn.
     */
    @PostMapping
    ResponseEntity<DocumentView> render(@PathVariable String school, @PathVariable String year,
                                        @PathVariable String classCode, @RequestBody(required = false) GradebookRequest body,
                                        Caller caller) {
        var rendered = workflow.render(key(school, year, classCode, body), caller);
        return ResponseEntity.status(rendered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(rendered.document());
    }

    /** The current gradebooks and summary books of the class (not superseded), for whoever may see the class. */
    @GetMapping
    List<DocumentView> list(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                            Caller caller) {
        List<DocumentView> out = new ArrayList<>(
                workflow.currentOfClass(school, year, classCode, DocumentType.CLASS_GRADEBOOK, caller));
        out.addAll(workflow.currentOfClass(school, year, classCode, DocumentType.CLASS_SUMMARY, caller));
        return out;
    }

    static DocumentKey key(String school, String year, String classCode, GradebookRequest body) {
        List<DatasetProblem> problems = new ArrayList<>();
        if (body == null) {
            throw new DocumentRequestRejectedException(List.of(new DatasetProblem("", "a JSON body is required",
                    "cần nội dung JSON")));
        }
        GradebookPeriod period = null;
        if (body.period() == null) {
            problems.add(new DatasetProblem("period", "required: TERM1, TERM2 or YEAR", "bắt buộc: TERM1, TERM2 hoặc YEAR"));
        } else {
            try {
                period = GradebookPeriod.valueOf(body.period());
            } catch (IllegalArgumentException e) {
                problems.add(new DatasetProblem("period", "must be TERM1, TERM2 or YEAR", "phải là TERM1, TERM2 hoặc YEAR"));
            }
        }
        boolean summary = Boolean.TRUE.equals(body.summary());
        if (summary && body.subject() != null) {
            problems.add(new DatasetProblem("subject", "a summary book has no subject", "sổ tổng hợp không có môn học"));
        } else if (!summary && (body.subject() == null || body.subject().isBlank())) {
            problems.add(new DatasetProblem("subject", "required unless summary is true",
                    "bắt buộc khi không phải sổ tổng hợp (summary)"));
        }
        if (!problems.isEmpty()) {
            throw new DocumentRequestRejectedException(problems);
        }
        return summary ? DocumentKey.summary(school, year, classCode, period)
                : DocumentKey.gradebook(school, year, classCode, body.subject(), period);
    }
}
