package vn.hocba.archive.common;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text helpers shared by search and the web pages. */
public final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Texts() {
    }

    /**
     * Folds Vietnamese to plain lowercase ASCII letters: NFD, strip combining marks, đ→d. "Nguyễn Văn An" → "nguyen van an".
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT);
    }
}
