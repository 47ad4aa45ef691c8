package vn.hocba.archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.hocba.archive.common.Texts;

/**
 * The highlighted snippets of a hit, made in the application from the document's text and the query's folded words,
 * the same way for every index adapter. A word of the text is highlighted when its folded form, its joined form
 * ("H’Hen" → "hhen") or one of its parts ("hen") is a query word, so "nguyen van an" highlights "Nguyễn Văn An" as
 * written. Snippets are HTML: the text is escaped, matches wrapped in {@code <em>…</em>}.
 */
final class Highlights {

    /** Snippets per hit, at most. */
    static final int MAX_SNIPPETS = 3;
    /** Characters of context on each side of a match, about. */
    static final int CONTEXT = 50;

    private Highlights() {
    }

    /**
     * @param text       the document's text (any normalisation; NFC is used)
     * @param queryWords the query's folded words ({@link VietnameseAnalysis#queryWords})
     * @return up to {@link #MAX_SNIPPETS} HTML snippets in text order, empty when no word matches
     */
    static List<String> of(String text, List<String> queryWords) {
        if (text == null || text.isEmpty() || queryWords.isEmpty()) {
            return List.of();
        }
        String nfc = Texts.nfc(text);
        Set<String> wanted = Set.copyOf(queryWords);
        List<int[]> matches = matches(nfc, wanted);
        List<String> snippets = new ArrayList<>();
        int i = 0;
        while (i < matches.size() && snippets.size() < MAX_SNIPPETS) {
            int start = wordStart(nfc, Math.max(0, matches.get(i)[0] - CONTEXT));
            int end = wordEnd(nfc, Math.min(nfc.length(), matches.get(i)[1] + CONTEXT));
            var out = new StringBuilder();
            if (start > 0) {
                out.append('…');
            }
            int at = start;
            while (i < matches.size() && matches.get(i)[1] <= end) {
                out.append(escape(nfc.substring(at, matches.get(i)[0]))).append("<em>")
                        .append(escape(nfc.substring(matches.get(i)[0], matches.get(i)[1]))).append("</em>");
                at = matches.get(i)[1];
                i++;
            }
            out.append(escape(nfc.substring(at, end)));
            if (end < nfc.length()) {
                out.append('…');
            }
            snippets.add(out.toString().replaceAll("\\s+", " ").strip());
        }
        return snippets;
    }

    /** Start and end (in {@code nfc}) of every word whose folded form matches. */
    private static List<int[]> matches(String nfc, Set<String> wanted) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < nfc.length()) {
            if (!isWordChar(nfc, i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < nfc.length() && (isWordChar(nfc, i) || isInnerJoiner(nfc, i))) {
                i++;
            }
            String folded = Texts.fold(nfc.substring(start, i));
            if (matchesAny(folded, wanted)) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    private static boolean matchesAny(String folded, Set<String> wanted) {
        String apostrophe = String.valueOf(Texts.APOSTROPHE);
        if (wanted.contains(folded) || wanted.contains(folded.replace(apostrophe, ""))) {
            return true;
        }
        for (String part : folded.split(apostrophe)) {
            if (!part.isEmpty() && wanted.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(String s, int i) {
        char c = s.charAt(i);
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.isSurrogate(c);
    }

    /**
     * A character between two word characters that belongs to the word, as the standard tokenizer keeps it: an
     * apostrophe of any kind (H’Hen), a hyphen between letters (Y-Moan), a point or comma between digits (7.5; a slash
     * cuts 28/09/2013 into three words, as the tokenizer does).
     */
    private static boolean isInnerJoiner(String s, int i) {
        if (i == 0 || i + 1 >= s.length() || !isWordChar(s, i - 1) || !isWordChar(s, i + 1)) {
            return false;
        }
        char c = s.charAt(i);
        char before = s.charAt(i - 1);
        char after = s.charAt(i + 1);
        return Texts.fold(String.valueOf(c)).equals(String.valueOf(Texts.APOSTROPHE))
                || "-\u2010\u2011".indexOf(c) >= 0 && Character.isLetter(before) && Character.isLetter(after)
                || ".,".indexOf(c) >= 0 && Character.isDigit(before) && Character.isDigit(after);
    }

    private static int wordStart(String s, int i) {
        while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static String escape(String s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
