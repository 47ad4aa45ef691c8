package vn.hocba.archive.rendering;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a reissued document prints about its history (DOMAIN.md "Locking, corrections and audit"; Thông tư 22 templates):
 * the lookup code of the version it replaces, and how many approved corrections it carries, in which subjects (the
 * footer "Trong trang này có sửa chữa ở N chỗ, thuộc môn học: …").
 *
 * @param supersedes        the lookup code of the replaced version; null for a first issue
 * @param corrections       approved corrections after lock printed on this document, 0 or more
 * @param correctedSubjects the names of the subjects those corrections belong to, each once, in subject order
 */
public record Reissue(UUID supersedes, int corrections, List<String> correctedSubjects) {

    /** A first issue: replaces nothing, carries no correction. */
    public static final Reissue NONE = new Reissue(null, 0, List.of());

    public Reissue {
        if (corrections < 0) {
            throw new IllegalArgumentException("corrections must not be negative: " + corrections);
        }
        correctedSubjects = List.copyOf(correctedSubjects);
        correctedSubjects.forEach(s -> Objects.requireNonNull(s, "correctedSubjects"));
        if (corrections == 0 && !correctedSubjects.isEmpty()) {
            throw new IllegalArgumentException("subjects named without any correction: " + correctedSubjects);
        }
    }

    /** The footer sentence of the Thông tư 22 templates, e.g. "Trong trang này có sửa chữa ở 1 chỗ, thuộc môn học: Toán." */
    public String correctionsSentence(String where) {
        String subjects = correctedSubjects.isEmpty() ? "—" : String.join(", ", correctedSubjects);
        return "Trong " + where + " có sửa chữa ở " + corrections + " chỗ, thuộc môn học: " + subjects + ".";
    }

    /** "Bản này thay thế bản có mã tra cứu: …", or null for a first issue. */
    public String supersedesLine() {
        return supersedes == null ? null : "Bản này thay thế bản có mã tra cứu: " + supersedes;
    }
}
