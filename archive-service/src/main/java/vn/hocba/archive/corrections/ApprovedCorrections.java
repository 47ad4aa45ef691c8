package vn.hocba.archive.corrections;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The approved corrections of a class, for documents that print how many corrections they carry (the footer "Trong
 * trang này có sửa chữa ở N chỗ, thuộc môn học: …" of the Thông tư 22 templates).
 */
public interface ApprovedCorrections {

    /** Every approved correction of that class in that school year, oldest approval first; empty when none. */
    List<Approved> ofClass(String school, String schoolYear, String classCode);

    /** One approved correction: which mark of which student it changed. */
    record Approved(UUID id, String studentId, String subject, int term, String field, Instant approvedAt) {
    }
}
