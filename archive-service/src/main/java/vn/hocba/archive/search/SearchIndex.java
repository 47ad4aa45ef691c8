package vn.hocba.archive.search;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The full-text index of archived documents. In-process Lucene on the embedded default; Elasticsearch later. */
public interface SearchIndex {

    /**
     * Adds or replaces the document with that lookup code: seen by every search that starts after this returns, made
     * durable within about a second (what a crash loses is indexed again at start by the reconciliation).
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
     * Hits visible under {@code scope}, best first. The scope filters inside the query, so the total counts only what
     * the scope lets the caller see.
     */
    SearchPage search(String query, SearchScope scope, int page, int size);

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

    record SearchPage(long total, List<Hit> hits) {
    }
}
