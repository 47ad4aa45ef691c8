package vn.hocba.archive.school;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** A dataset broke one or more rules of the import contract; nothing of it was stored (422, every problem listed). */
public class DatasetRejectedException extends HocbaException {

    private final List<DatasetProblem> problems;

    public DatasetRejectedException(List<DatasetProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-dataset",
                "dataset refused: " + problems.size() + " problem(s) found; nothing was stored",
                "tập dữ liệu bị từ chối: có " + problems.size() + " lỗi; không có gì được lưu");
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
