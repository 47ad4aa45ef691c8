package vn.hocba.archive.school;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * An entry sheet (marks, or conduct, attendance and comments) broke a rule; none of it was stored (422, every problem listed in {@code errors} as
 * {@code {path, message, messageVi}}, paths like {@code [0].final}).
 */
public class MarksRejectedException extends HocbaException {

    private final List<DatasetProblem> problems;

    MarksRejectedException(List<DatasetProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-marks",
                "entry refused: " + problems.size() + " problem(s) found; nothing was stored",
                "dữ liệu nhập bị từ chối: có " + problems.size() + " lỗi; không có gì được lưu");
        this.problems = List.copyOf(problems);
    }

    public List<DatasetProblem> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", problems);
    }
}
