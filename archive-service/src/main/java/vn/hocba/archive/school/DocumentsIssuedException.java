package vn.hocba.archive.school;

import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * A class-term whose data is printed on issued documents stays locked (409): its marks change only through an approved
 * correction, which supersedes and reissues those documents.
 */
public class DocumentsIssuedException extends HocbaException {

    private final String classTerm;

    DocumentsIssuedException(String school, String schoolYear, String classCode, int term) {
        super(HttpStatus.CONFLICT, "documents-issued",
                "class " + classCode + " term " + term + " (" + schoolYear + ") is printed on issued documents; it stays "
                        + "locked and its marks change only through a correction request",
                "lớp " + classCode + " học kì " + term + " (năm học " + schoolYear + ") đã được in trên văn bản đã phát hành; "
                        + "không thể mở sổ, mọi thay đổi điểm phải qua yêu cầu sửa chữa");
        this.classTerm = classCode + "/" + term;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("classTerm", classTerm);
    }
}
