package vn.hocba.archive.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@code If-Match} header (RFC 9110 13.1.1): the signer signs only a version they reviewed, named by its sha256 as
 * entity tag. A list matches when any of its strong tags is the current sha256; a weak tag ({@code W/"…"}) never
 * matches, since If-Match compares strongly. An absent header or {@code *} is no condition (null from {@link #parse}).
 *
 * @param tags      the strong entity tags, lower-cased, without quotes
 * @param malformed the header listed something that is not an entity tag: {@link #matches} refuses it (400), which
 *                  the workflow asks only after the caller's access is settled, so that who may not sign is refused
 *                  (403) before anything they sent is judged
 */
public record IfMatch(List<String> tags, boolean malformed) {

    /** A sha256 sent without its quotes: read as the quoted tag. */
    private static final java.util.regex.Pattern BARE_SHA256 = java.util.regex.Pattern.compile("[0-9A-Fa-f]{64}");
    private static final IfMatch MALFORMED = new IfMatch(List.of(), true);

    public IfMatch {
        tags = List.copyOf(tags);
    }

    /** A well-formed condition: any of {@code tags}. */
    public IfMatch(List<String> tags) {
        this(tags, false);
    }

    /**
     * The condition of a header value; null when there is none (absent, blank or {@code *}). Members are entity tags
     * ({@code "…"} or {@code W/"…"}, RFC 9110 8.8.3) or a sha256 without its quotes (clients have been seen to drop
     * them), separated by commas.
     *
     * @return the condition; anything else in the header makes it {@link #malformed()}: such a header names no
     *         version, so it is refused with 400 (by {@link #matches}), not answered 412 as if it named another one
     */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++; // RFC 9110 5.6.1: empty list elements and whitespace around them are ignored
                continue;
            }
            boolean weak = header.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            int end;
            if (open < n && header.charAt(open) == '"') {
                int close = open + 1;
                while (close < n && etagc(header.charAt(close))) {
                    close++;
                }
                if (close >= n || header.charAt(close) != '"') {
                    return MALFORMED;
                }
                end = close + 1;
                String opaque = header.substring(open + 1, close);
                // a weak tag is kept as given: it equals no sha256, so it never matches (If-Match compares strongly)
                tags.add(weak ? header.substring(i, end) : opaque.toLowerCase(Locale.ROOT));
            } else if (weak) {
                return MALFORMED;
            } else {
                end = i;
                while (end < n && header.charAt(end) != ',' && header.charAt(end) != ' ' && header.charAt(end) != '\t') {
                    end++;
                }
                String bare = header.substring(i, end);
                if (!BARE_SHA256.matcher(bare).matches()) {
                    return MALFORMED;
                }
                tags.add(bare.toLowerCase(Locale.ROOT));
            }
            i = end;
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && header.charAt(i) != ',') {
                return MALFORMED; // two tags without a comma between them
            }
        }
        if (tags.isEmpty()) {
            return MALFORMED;
        }
        return new IfMatch(tags);
    }

    /** RFC 9110 8.8.3 etagc: "!" / %x23-7E / obs-text (%x80-FF). */
    private static boolean etagc(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    /** 400: an {@code If-Match} that is not a list of entity tags. */
    public static final class MalformedIfMatchException extends vn.hocba.archive.common.InvalidInputException {
        private static final long serialVersionUID = 1L;

        MalformedIfMatchException() {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-if-match", "If-Match",
                    "If-Match must list entity tags, e.g. \"<sha256 of the version you reviewed>\" (the document's ETag)",
                    "If-Match phải là danh sách entity tag, ví dụ \"<sha256 của phiên bản bạn đã xem>\" (ETag của văn bản)");
        }
    }

    /**
     * Whether the version with that sha256 satisfies the condition.
     *
     * @throws MalformedIfMatchException (400) the header was not a list of entity tags
     */
    public boolean matches(String sha256) {
        if (malformed) {
            throw new MalformedIfMatchException();
        }
        return tags.contains(sha256);
    }
}
