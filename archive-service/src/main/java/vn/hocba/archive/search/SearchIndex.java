package vn.hocba.archive.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The full-text index of archived documents, one contract with two adapters: in-process Lucene on the embedded default
 * ({@link LuceneSearchIndex}), Elasticsearch 8 in production ({@link ElasticsearchSearchIndex}). Both analyse text with
 * {@link VietnameseAnalysis} and highlight with {@link Highlights}, so that a query finds and shows the same in both;
 * {@code SearchIndexContract} (tests) holds them to it.
 */
public interface SearchIndex {

    /** The facet fields, in the order the API lists them (API.md "Search"). */
    List<String> FACETS = List.of("school", "schoolYear", "class", "documentType", "status");

    /** Values per facet, at most (the most frequent first). */
    int FACET_SIZE = 100;

    /**
     * Adds or replaces the document with that lookup code: seen by every search of this process that starts after this
     * returns (other instances on the same Elasticsearch index: within its refresh interval, a second), made durable
     * by Lucene within its commit interval (10 s) and by Elasticsearch when it answers (what a crash loses is indexed
     * again at start by the reconciliation).
     */
    void index(IndexedDocument document);

    /** Removes the document with that lookup code, if indexed (seen and made durable as {@link #index}). */
    void remove(String lookupCode);

    /**
     * Runs {@code work} (calls of {@link #index} and {@link #remove}), then makes everything durable and visible
     * before returning (a start-up reconciliation of thousands of records).
     */
    void inBatch(Runnable work);

    /**
     * Hits visible under the request's scope that match its words and filters, best first, with their highlighted
     * snippets and the facet counts of everything that matches (all pages). The scope filters inside the query, so the
     * total and every facet count only what the scope lets the caller see.
     */
    SearchPage search(SearchRequest request);

    /** {@link #search(SearchRequest)} without filters. */
    default SearchPage search(String query, SearchScope scope, int page, int size) {
        return search(new SearchRequest(query, scope, Filters.NONE, page, size));
    }

    boolean contains(String lookupCode);

    /** Calls {@code action} with the stored fields of every indexed document (to reconcile with the database). */
    void forEachEntry(Consumer<IndexedEntry> action);

    /** One document as indexed: its metadata and the text extracted from the archived file. */
    record IndexedDocument(String lookupCode, String school, String schoolYear, String classCode, String student,
                           String fullName, String documentType, String status, String text) {
    }

    /**
     * What the index holds of one document; {@code current} is false when it was written by an older version of the
     * index (other fields or other folding) and must be written again to be found as it should.
     */
    record IndexedEntry(Hit fields, boolean current) {
    }

    /**
     * What a caller may find: {@code all} for the system administrator, otherwise any of {@code parts} (none: nothing).
     */
    record SearchScope(boolean all, List<Part> parts) {

        public SearchScope {
            parts = List.copyOf(parts);
        }

        public static SearchScope everything() {
            return new SearchScope(true, List.of());
        }

        public static SearchScope nothing() {
            return new SearchScope(false, List.of());
        }

        /**
         * The parts as the exact keys an index filters on: whole schools, {@code school␟year} of whole years and
         * {@code school␟year␟class} of classes ({@link #key}); all three empty when nothing may be seen.
         */
        public Keys keys() {
            List<String> schools = new java.util.ArrayList<>();
            List<String> years = new java.util.ArrayList<>();
            List<String> classes = new java.util.ArrayList<>();
            for (var part : parts) {
                if (part.schoolYear() == null) {
                    schools.add(part.school());
                } else if (part.classes() == null) {
                    years.add(key(part.school(), part.schoolYear()));
                } else {
                    part.classes().forEach(c -> classes.add(key(part.school(), part.schoolYear(), c)));
                }
            }
            return new Keys(schools, years, classes);
        }

        /** See {@link #keys()}. */
        public record Keys(List<String> schools, List<String> years, List<String> classes) {
            public boolean none() {
                return schools.isEmpty() && years.isEmpty() && classes.isEmpty();
            }
        }

        /** The key of a school year or a class: its parts joined by U+001F (which no code contains). */
        public static String key(String... parts) {
            return String.join("\u001f", parts);
        }

        /** Every document of these schools (e.g. an inspector's jurisdiction). */
        public static SearchScope schools(List<String> schools) {
            return new SearchScope(false, schools.stream().map(Part::school).toList());
        }

        /**
         * A school, one of its years, or some classes of that year: {@code schoolYear} null means every year,
         * {@code classes} null every class of the year.
         */
        public record Part(String school, String schoolYear, Set<String> classes) {

            public Part {
                if (school == null || (classes != null && schoolYear == null)) {
                    throw new IllegalArgumentException("a part names a school, and a school year before classes");
                }
                classes = classes == null ? null : Set.copyOf(classes);
            }

            public static Part school(String school) {
                return new Part(school, null, null);
            }

            public static Part year(String school, String schoolYear) {
                return new Part(school, schoolYear, null);
            }

            public static Part classes(String school, String schoolYear, Set<String> classes) {
                return new Part(school, schoolYear, classes);
            }
        }
    }

    record Hit(String lookupCode, String school, String schoolYear, String classCode, String student, String fullName,
               String documentType, String status) {
    }

    /**
     * One search.
     *
     * @param query   words, in any normalisation, with or without diacritics; blank matches every document
     * @param scope   what the caller may see (applied inside the query)
     * @param filters exact values the hits must have (null fields: any)
     * @param page    0-based page
     * @param size    hits per page
     */
    record SearchRequest(String query, SearchScope scope, Filters filters, int page, int size) {
        public SearchRequest {
            query = query == null ? "" : query;
            filters = filters == null ? Filters.NONE : filters;
        }
    }

    /** Exact field values to filter by (a facet value the caller picked); null means any. */
    record Filters(String school, String schoolYear, String classCode, String documentType, String status) {

        public static final Filters NONE = new Filters(null, null, null, null, null);

        /** The filters by facet name ({@link #FACETS}), the set ones only. */
        public Map<String, String> byFacet() {
            Map<String, String> out = new LinkedHashMap<>();
            String[] values = {school, schoolYear, classCode, documentType, status};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null && !values[i].isBlank()) {
                    out.put(FACETS.get(i), vn.hocba.archive.common.Texts.nfc(values[i]));
                }
            }
            return out;
        }
    }

    /** One value of a facet and how many matching documents have it. */
    record FacetCount(String value, long count) {
    }

    /**
     * @param total      every matching document the scope lets the caller see
     * @param hits       this page's hits, best first
     * @param highlights lookup code → HTML snippets of that hit ({@link Highlights}); a hit without a match in its
     *                   text has none
     * @param facets     facet name ({@link #FACETS}) → its values, most frequent first (equal counts by value)
     */
    record SearchPage(long total, List<Hit> hits, Map<String, List<String>> highlights,
                      Map<String, List<FacetCount>> facets) {

        public SearchPage {
            hits = List.copyOf(hits);
            highlights = Map.copyOf(highlights);
            facets = Map.copyOf(facets);
        }

        /** The snippets of one hit (empty when none). */
        public List<String> highlightsOf(String lookupCode) {
            return highlights.getOrDefault(lookupCode, List.of());
        }

        /** The counts of one facet (empty when nothing matched). */
        public List<FacetCount> facet(String name) {
            return facets.getOrDefault(name, List.of());
        }
    }

    /** Facet counts in the order the API gives them: most frequent first, then by value. */
    static List<FacetCount> ordered(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new FacetCount(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value))
                .limit(FACET_SIZE)
                .toList();
    }
}
