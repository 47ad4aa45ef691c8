package vn.hocba.archive.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers shared by search and the web pages. */
public final class Texts {

    /** The one apostrophe that {@link #fold} leaves in words, whatever the writer typed. */
    public static final char APOSTROPHE = '\'';

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * Apostrophes as they are typed in Central Highlands names (H’Hen, Ksor H'Bia, Y Ŋʼ…): straight, right and left
     * single quotes, the modifier letter apostrophe, grave and acute accents, prime.
     */
    private static final Pattern APOSTROPHES = Pattern.compile("['\\u2019\\u2018\\u02BC\\u02BB`\\u00B4\\u2032]");

    /** A hyphen inside a name (Y-Moan), between two letters; "2024-2025" keeps its hyphen. */
    private static final Pattern INNER_HYPHEN = Pattern.compile("(?<=\\p{L})[-\\u2010\\u2011](?=\\p{L})");

    private Texts() {
    }

    /** Spaces of every kind (no-break, thin…), zero-width characters, apostrophes and hyphens: ignored in place names. */
    private static final Pattern NAME_NOISE = Pattern.compile("[\\p{Z}\\s\\u200B-\\u200D\\u2060\\uFEFF'\\-\\u2010\\u2011]+");

    /**
     * A place name (province, district) as compared: {@link #fold}ed, with Ð (U+00D0, typed for Đ) as d, and without
     * spaces of any kind, zero-width characters, apostrophes or hyphens: "Thị xã Đông Triều" = "THI XA DONG TRIEU" =
     * "ThịXãĐôngTriều".
     */
    public static String plainName(String name) {
        return NAME_NOISE.matcher(fold(nfc(name).replace('\u00D0', 'D').replace('\u00F0', 'd'))).replaceAll("");
    }

    /** Unicode NFC, the one form stored and compared: text typed in NFD ("e" + U+0302 + U+0303) equals its NFC. */
    public static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Folds Vietnamese to plain lowercase letters for matching: NFD, strip combining marks, đ→d, lower case; every
     * apostrophe variant becomes {@link #APOSTROPHE}, and so does a hyphen between two letters, so that the index can
     * treat "H’Hen", "H'Hen", "Y-Moan" as one word made of parts. "Nguyễn Văn An" → "nguyen van an",
     * "H’Hen Niê" → "h'hen nie", "Y-Moan" → "y'moan".
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
        String apostrophes = APOSTROPHES.matcher(plain).replaceAll(String.valueOf(APOSTROPHE));
        return INNER_HYPHEN.matcher(apostrophes).replaceAll(String.valueOf(APOSTROPHE));
    }
}
