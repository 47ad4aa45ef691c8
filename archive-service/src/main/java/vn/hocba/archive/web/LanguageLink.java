package vn.hocba.archive.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's language link: the same page in the other language ({@code lang} set, the rest of the query kept, so
 * that switching on a search keeps the search). A page answered to a form (POST) links home instead: its address
 * cannot be fetched again.
 */
@ControllerAdvice(basePackages = "vn.hocba.archive")
class LanguageLink {

    @ModelAttribute("otherLanguageHref")
    String otherLanguageHref(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null; // the API has no pages
        }
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "vi" : "en";
        String home = request.getContextPath() + "/?lang=" + other;
        if (!"GET".equals(request.getMethod())) {
            return home;
        }
        try {
            return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam("lang", other).build(true).toUriString();
        } catch (IllegalArgumentException badQuery) {
            return home;
        }
    }
}
