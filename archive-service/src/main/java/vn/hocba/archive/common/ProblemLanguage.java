package vn.hocba.archive.common;

import java.util.List;
import java.util.Locale;

/**
 * The language of a problem's {@code detail} (API.md "Conventions"): Vietnamese by default, English when the caller's
 * {@code Accept-Language} prefers it (RFC 9110 12.5.4, weights honoured). Both texts stay in the problem as
 * {@code detailVi} and {@code detailEn}.
 */
public final class ProblemLanguage {

    private ProblemLanguage() {
    }

    /** True when {@code acceptLanguage} ranks English above Vietnamese (absent or unparsable: false). */
    public static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange r : ranges) { // parse sorts by weight, highest first
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (r.getWeight() <= 0) {
                    continue;
                }
                if (tag.equals("vi") || tag.startsWith("vi-")) {
                    return false;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return true;
                }
            }
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
        return false;
    }

    /** The {@code Accept-Language} of the request being served on this thread, null outside a request. */
    public static String currentAcceptLanguage() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            return servlet.getRequest().getHeader("Accept-Language");
        }
        return null;
    }
}
