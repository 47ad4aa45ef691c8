package vn.hocba.archive.school;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * A dataset broke one or more rules of the import contract; nothing of it was stored (422, every problem listed in
 * {@code errors} as {@code {path, message, messageVi}}). A document that cannot be read at all (empty body, not UTF-8,
 * not JSON) says so in its detail, with one problem at path {@code $}, and for a syntax error the members
 * {@code line} and {@code column} (1-based).
 */
public class DatasetRejectedException extends HocbaException {

    private final List<DatasetProblem> problems;
    private final List<?> errors;
    private final Integer line;
    private final Integer column;

    public DatasetRejectedException(List<DatasetProblem> problems) {
        this("dataset refused: " + problems.size() + " problem(s) found; nothing was stored",
                "tập dữ liệu bị từ chối: có " + problems.size() + " lỗi; không có gì được lưu", problems, null, null);
    }

    private DatasetRejectedException(String detailEn, String detailVi, List<DatasetProblem> problems, Integer line,
                                     Integer column) {
        this(detailEn, detailVi, problems, problems, line, column);
    }

    private DatasetRejectedException(String detailEn, String detailVi, List<DatasetProblem> problems, List<?> errors,
                                     Integer line, Integer column) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-dataset", detailEn, detailVi);
        this.problems = List.copyOf(problems);
        this.errors = List.copyOf(errors);
        this.line = line;
        this.column = column;
    }

    /** The body held nothing (or only white space). */
    static DatasetRejectedException emptyBody() {
        String en = "empty body: the request must carry the dataset as a JSON document; nothing was stored";
        String vi = "nội dung yêu cầu trống (empty body): hãy gửi tập dữ liệu dạng JSON; không có gì được lưu";
        return new DatasetRejectedException(en, vi, List.of(new DatasetProblem("$", en, vi)), null, null);
    }

    /** The body is not a readable JSON document; {@code line} and {@code column} are 1-based, -1 when unknown. */
    public static DatasetRejectedException unreadable(String reasonEn, String reasonVi, int line, int column) {
        return new DatasetRejectedException(reasonEn + "; nothing was stored", reasonVi + "; không có gì được lưu",
                List.of(new DatasetProblem("$", reasonEn, reasonVi)), line > 0 ? line : null, column > 0 ? column : null);
    }

    /** The problems of a workbook, each also naming its sheet, row and column ({@link WorkbookProblem}). */
    public static DatasetRejectedException inWorkbook(List<WorkbookProblem> located) {
        var plain = located.stream().map(p -> new DatasetProblem(p.path(), p.message(), p.messageVi())).toList();
        return new DatasetRejectedException("dataset refused: " + located.size() + " problem(s) found; nothing was stored",
                "tập dữ liệu bị từ chối: có " + located.size() + " lỗi; không có gì được lưu", plain, located, null, null);
    }

    public List<DatasetProblem> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("errors", errors);
        if (line != null) {
            properties.put("line", line);
        }
        if (column != null) {
            properties.put("column", column);
        }
        return properties;
    }
}
