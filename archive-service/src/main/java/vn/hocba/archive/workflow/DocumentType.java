package vn.hocba.archive.workflow;

/**
 * The kinds of document the school issues (DOMAIN.md glossary; API.md "Documents" {@code documentType}), each with its
 * signing sequence (DOMAIN.md "Signing sequence").
 */
public enum DocumentType {

    /** Học bạ: one per student and school year; every subject teacher of the class, then the homeroom teacher, then the principal. */
    STUDENT_RECORD("Học bạ", StagedSequence.of(SignerRole.SUBJECT_TEACHER, SignerRole.HOMEROOM_TEACHER, SignerRole.PRINCIPAL)),

    /** Sổ theo dõi và đánh giá học sinh of one subject, one class and one period: its teacher, the homeroom teacher, the principal. */
    CLASS_GRADEBOOK("Sổ theo dõi và đánh giá học sinh",
            StagedSequence.of(SignerRole.SUBJECT_TEACHER, SignerRole.HOMEROOM_TEACHER, SignerRole.PRINCIPAL)),

    /** Tổng hợp kết quả đánh giá of one class and period: the homeroom teacher, then the principal. */
    CLASS_SUMMARY("Tổng hợp kết quả đánh giá của lớp", StagedSequence.of(SignerRole.HOMEROOM_TEACHER, SignerRole.PRINCIPAL));

    private final String label;
    private final SigningSequencePolicy sequence;

    DocumentType(String label, SigningSequencePolicy sequence) {
        this.label = label;
        this.sequence = sequence;
    }

    /** The Vietnamese name, as in messages. */
    public String label() {
        return label;
    }

    /** Who signs when. */
    public SigningSequencePolicy sequence() {
        return sequence;
    }

    /** The reason written into a signature of {@code role} on this kind of document (PAdES {@code /Reason}). */
    public String reason(SignerRole role) {
        return switch (this) {
            case STUDENT_RECORD -> switch (role) {
                case SUBJECT_TEACHER -> "Xác nhận kết quả môn học";
                case HOMEROOM_TEACHER -> "Xác nhận đánh giá của giáo viên chủ nhiệm";
                case PRINCIPAL -> "Phê duyệt học bạ";
            };
            case CLASS_GRADEBOOK -> switch (role) {
                case SUBJECT_TEACHER -> "Xác nhận điểm và kết quả môn học";
                case HOMEROOM_TEACHER -> "Xác nhận tổng hợp của giáo viên chủ nhiệm";
                case PRINCIPAL -> "Phê duyệt sổ theo dõi và đánh giá học sinh";
            };
            case CLASS_SUMMARY -> switch (role) {
                case SUBJECT_TEACHER, HOMEROOM_TEACHER -> "Xác nhận tổng hợp kết quả đánh giá của lớp";
                case PRINCIPAL -> "Phê duyệt tổng hợp kết quả đánh giá của lớp";
            };
        };
    }
}
