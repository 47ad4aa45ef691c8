package vn.hocba.archive.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@code If-Match} header (RFC 9110 13.1.1): the signer signs only a version they reviewed, named by its sha256 as
 * entity tag. A list matches when any of its strong tags is the current sha256; a weak tag ({@code W/"…"}) never
 * matches, since If-Match compares strongly. An absent header or {@code *} is no condition (null from {@link #parse}).
 *
 * @param tags the strong entity tags, lower-cased, without quotes
 */
public record IfMatch(List<String> tags) {

    public IfMatch {
        tags = List.copyOf(tags);
    }

    /** The condition of a header value; null when there is none (absent, blank or {@code *}). */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.startsWith("W/")) {
                tags.add(tag); // kept as given: it equals no sha256, so it never matches
                continue;
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            tags.add(tag.toLowerCase(Locale.ROOT));
        }
        return new IfMatch(tags);
    }

    /** Whether the version with that sha256 satisfies the condition. */
    public boolean matches(String sha256) {
        return tags.contains(sha256);
    }
}
