package vn.hocba.archive.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.HocbaException;

/**
 * {@code GET /api/v1/search}: only what the caller may read; works with or without diacritics and apostrophes;
 * filters by school, school year, class, document type and status (exact values, as the facets give them); answers
 * the hits with highlighted snippets and the facet counts; 503 while the index is reconciled at start.
 */
@Allowed(Access.SEARCH)
@RestController
class SearchController {

    private final RecordSearch search;

    SearchController(RecordSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    SearchResponse search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size,
                          @RequestParam(required = false) String school,
                          @RequestParam(required = false) String schoolYear,
                          @RequestParam(name = "class", required = false) String classCode,
                          @RequestParam(required = false) String documentType,
                          @RequestParam(required = false) String status, Caller caller) {
        var filters = new SearchIndex.Filters(school, schoolYear, classCode, documentType, status);
        filters.byFacet().forEach((name, value) -> {
            if (value.length() > 200) {
                throw new BadQuery(name, name + " is longer than 200 characters", name + " dài quá 200 ký tự");
            }
        });
        if (page < 0 || (long) page * size > MAX_DEPTH) {
            throw new BadQuery("page", "page must be 0 or more, and page × size at most " + MAX_DEPTH,
                    "page phải từ 0 trở lên và page × size không quá " + MAX_DEPTH);
        }
        if (size < 1 || size > 100) {
            throw new BadQuery("size", "size must be from 1 to 100", "size phải từ 1 đến 100");
        }
        if (q.length() > 500) {
            throw new BadQuery("q", "the query is longer than 500 characters", "câu tìm kiếm dài quá 500 ký tự");
        }
        var result = search.search(q, filters, caller, page, size);
        Map<String, List<SearchIndex.FacetCount>> facets = new LinkedHashMap<>();
        SearchIndex.FACETS.forEach(f -> facets.put(f, result.facet(f)));
        return new SearchResponse(result.total(), result.hits().stream()
                .map(h -> new SearchHit(h.lookupCode(), h.school(), h.schoolYear(), h.classCode(),
                        h.student() == null || h.student().isEmpty() ? null : h.student(),
                        h.fullName(), h.documentType(), h.status(), result.highlightsOf(h.lookupCode()),
                        Links.of(h.lookupCode())))
                .toList(), facets);
    }

    /**
     * @param facets facet name → values with counts, over every match the caller may see (API.md "Search")
     */
    record SearchResponse(long total, List<SearchHit> hits, Map<String, List<SearchIndex.FacetCount>> facets) {
    }

    /**
     * @param highlights HTML snippets of the document's text, matches in {@code <em>}, the rest escaped
     * @param links      where the hit leads: the document (with its signatures and its place in a series of versions:
     *                   {@code supersedes}), its PDF, and its public verification page with the validation report
     */
    record SearchHit(String lookupCode, String school, String schoolYear, @com.fasterxml.jackson.annotation.JsonProperty("class") String classCode,
                     String student, String fullName, String documentType, String status, List<String> highlights,
                     Links links) {
    }

    /** Paths relative to the service's root. */
    record Links(String document, String pdf, String verification) {
        static Links of(String lookupCode) {
            return new Links("/api/v1/documents/" + lookupCode, "/api/v1/documents/" + lookupCode + "/pdf",
                    "/verify/" + lookupCode);
        }
    }

    /** Deeper than this, paging gives way to narrower queries (and stays cheap for the index). */
    static final int MAX_DEPTH = 10_000;

    static final class BadQuery extends HocbaException {
        private final String field;

        BadQuery(String field, String en, String vi) {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, "bad-query", en, vi);
            this.field = field;
        }

        @Override
        public java.util.Map<String, Object> properties() {
            return java.util.Map.of("errors", List.of(java.util.Map.of("path", field, "message", getMessage(),
                    "messageVi", detailVi())));
        }
    }
}
