package vn.hocba.archive.search;

import java.util.List;

/** The full-text index of archived documents. In-process Lucene on the embedded default; Elasticsearch later. */
public interface SearchIndex {

    /** Adds or replaces the document with that lookup code. */
    void index(IndexedDocument document);

    /** Hits visible under {@code scope}, best first. */
    SearchPage search(String query, SearchScope scope, int page, int size);

    boolean contains(String lookupCode);

    /** One document as indexed: its metadata and the text extracted from the archived file. */
    record IndexedDocument(String lookupCode, String school, String schoolYear, String classCode, String student,
                           String fullName, String documentType, String status, String text) {
    }

    /** Which schools the caller may see; {@code all} for administrators. */
    record SearchScope(boolean all, List<String> schools) {
        public static SearchScope everything() {
            return new SearchScope(true, List.of());
        }

        public static SearchScope schools(List<String> schools) {
            return new SearchScope(false, List.copyOf(schools));
        }
    }

    record Hit(String lookupCode, String school, String schoolYear, String classCode, String student, String fullName,
               String documentType, String status) {
    }

    record SearchPage(long total, List<Hit> hits) {
    }
}
