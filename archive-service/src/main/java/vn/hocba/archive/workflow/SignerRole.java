package vn.hocba.archive.workflow;

/** The part a signer plays in a student record's sequence (DOMAIN.md "Signing sequence"). */
public enum SignerRole {
    SUBJECT_TEACHER(1, "Giáo viên bộ môn"),
    HOMEROOM_TEACHER(2, "Giáo viên chủ nhiệm"),
    PRINCIPAL(3, "Hiệu trưởng");

    private final int stage;
    private final String label;

    SignerRole(int stage, String label) {
        this.stage = stage;
        this.label = label;
    }

    /** Signers of a stage sign in any order among themselves, after every signer of the earlier stages. */
    public int stage() {
        return stage;
    }

    /** As shown in the visible signature. */
    public String label() {
        return label;
    }
}
