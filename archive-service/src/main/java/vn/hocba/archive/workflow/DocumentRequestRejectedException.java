package vn.hocba.archive.workflow;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.school.DatasetProblem;

/** A request to render a document named no valid document (422, each problem in {@code errors} with its path). */
public class DocumentRequestRejectedException extends HocbaException {

    private final List<DatasetProblem> problems;

    DocumentRequestRejectedException(List<DatasetProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-document-request",
                "the request names no document: " + problems.size() + " problem(s)",
                "yêu cầu không xác định được văn bản: có " + problems.size() + " lỗi");
        this.problems = List.copyOf(problems);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", problems);
    }
}
