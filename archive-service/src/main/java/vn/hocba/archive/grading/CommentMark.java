package vn.hocba.archive.grading;

import java.util.Objects;

/**
 * The mark of a comment-only assessment, and the result of a comment-only subject (TT22).
 */
public enum CommentMark {
    /** Đạt. */
    DAT("Đ", "D"),
    /** Chưa đạt. */
    CHUA_DAT("CĐ", "CD");

    private final String importSymbol;
    private final String code;

    CommentMark(String importSymbol, String code) {
        this.importSymbol = importSymbol;
        this.code = code;
    }

    /** The symbol used by the school-year import format and printed records: {@code "Đ"} or {@code "CĐ"}. */
    public String importSymbol() {
        return importSymbol;
    }

    /** The ASCII code the results API emits: {@code "D"} or {@code "CD"}. */
    public String code() {
        return code;
    }

    /**
     * Parses the import format symbol, exactly {@code "Đ"} or {@code "CĐ"}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static CommentMark parse(String importSymbol) {
        Objects.requireNonNull(importSymbol, "importSymbol");
        for (CommentMark mark : values()) {
            if (mark.importSymbol.equals(importSymbol)) {
                return mark;
            }
        }
        throw new IllegalArgumentException("not a comment mark (expected \"Đ\" or \"CĐ\"): \"" + importSymbol + "\"");
    }

    /**
     * Parses the API code, exactly {@code "D"} or {@code "CD"}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static CommentMark fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (CommentMark mark : values()) {
            if (mark.code.equals(code)) {
                return mark;
            }
        }
        throw new IllegalArgumentException("not a comment result code (expected \"D\" or \"CD\"): \"" + code + "\"");
    }
}
