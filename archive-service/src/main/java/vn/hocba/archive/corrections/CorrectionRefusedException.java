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
        this(problems, "correction refused: " + problems.size() + " problem(s) found; nothing was stored",
                "yêu cầu sửa chữa bị từ chối: có " + problems.size() + " lỗi; không có gì được lưu");
    }

    private CorrectionRefusedException(List<DatasetProblem> problems, String detailEn, String detailVi) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-correction", detailEn, detailVi);
        this.problems = List.copyOf(problems);
    }

    /** A listing asked with a filter that names nothing (a read: nothing was to be stored). */
    static CorrectionRefusedException badFilter(DatasetProblem problem) {
        return new CorrectionRefusedException(List.of(problem), "the listing's filter is not valid",
                "bộ lọc danh sách yêu cầu sửa chữa không hợp lệ");
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", problems);
    }
}
