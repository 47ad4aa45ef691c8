package vn.hocba.archive.corrections;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.school.DatasetProblem;

/**
 * A correction request or rejection with bad input (422); nothing was stored. Every problem is listed in
 * {@code errors} as {@code {path, message, messageVi}}, with the paths of the request body ({@code field},
 * {@code newValue}, {@code evidence.contentType}, …).
 */
class CorrectionRefusedException extends HocbaException {

    private final List<DatasetProblem> problems;

    CorrectionRefusedException(List<DatasetProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction",
                "correction refused: " + problems.size() + " problem(s) found; nothing was stored",
                "yêu cầu sửa chữa bị từ chối: có " + problems.size() + " lỗi; không có gì được lưu");
        this.problems = List.copyOf(problems);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", problems);
    }
}
