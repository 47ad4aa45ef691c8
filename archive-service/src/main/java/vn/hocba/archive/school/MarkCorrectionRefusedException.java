package vn.hocba.archive.school;

import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * An approved correction cannot be stored (409), and nothing is: {@code mark-changed} when its old value is no longer
 * the stored mark (another approved correction, or an entry while the term was unlocked: the request was decided on a
 * value that is gone, and a new request starts from the current mark); {@code not-locked} when its class-term was
 * unlocked meanwhile (then the mark is edited directly).
 */
public class MarkCorrectionRefusedException extends HocbaException {

    private final String field;

    private MarkCorrectionRefusedException(String type, String field, String detailEn, String detailVi) {
        super(HttpStatus.CONFLICT, type, detailEn, detailVi);
        this.field = field;
    }

    static MarkCorrectionRefusedException changed(String field, String expected, String stored) {
        return new MarkCorrectionRefusedException("mark-changed", field, "the mark " + field + " is now " + stored + ", not " + expected
                + " as the correction says; ask for a new correction",
                "điểm " + field + " hiện là " + stored + ", không còn là " + expected
                        + " như yêu cầu sửa chữa ghi; hãy lập yêu cầu mới");
    }

    static MarkCorrectionRefusedException missing(String student, String subject, int term) {
        return new MarkCorrectionRefusedException("mark-changed", null, "the marks of " + subject + " in term " + term + " of " + student
                + " are no longer stored as the correction says; ask for a new correction",
                "điểm môn " + subject + " học kì " + term + " của học sinh " + student
                        + " không còn như yêu cầu sửa chữa ghi; hãy lập yêu cầu mới");
    }

    static MarkCorrectionRefusedException unlocked(String school, String year, ClassTerm classTerm) {
        return new MarkCorrectionRefusedException("not-locked", null, "class-term " + classTerm + " of " + school + " "
                + year + " is no longer locked: edit the mark directly instead",
                "lớp - học kì " + classTerm + " của trường " + school + " năm học " + year
                        + " không còn khóa: hãy sửa điểm trực tiếp");
    }

    @Override
    public Map<String, Object> properties() {
        return field == null ? Map.of() : Map.of("field", field);
    }
}
