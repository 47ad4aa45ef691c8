package vn.hocba.archive.batch;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** A batch request that names no valid batch (422, each problem in {@code errors} with its path). */
public class SigningBatchRequestRejectedException extends HocbaException {

    private final List<BatchRequestProblem> problems;

    SigningBatchRequestRejectedException(List<BatchRequestProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-signing-batch",
                "the request names no valid batch: " + problems.size() + " problem(s)",
                "yêu cầu ký theo lô không hợp lệ: có " + problems.size() + " lỗi");
        this.problems = List.copyOf(problems);
    }

    public List<BatchRequestProblem> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", problems);
    }
}
