package vn.hocba.archive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import vn.hocba.archive.common.Texts;

/**
 * In-process Lucene index. Vietnamese is folded in the application (NFD, marks stripped, đ→d, apostrophe variants and
 * hyphens inside names made one) before analysis, so that "nguyen van an" finds "Nguyễn Văn An" and "hen nie" finds
 * "H’Hen Niê" ({@link VietnameseAnalysis}, shared with {@link ElasticsearchSearchIndex}). Everything stored is NFC.
 *
 * <p>School, school year and class are exact-match fields: the caller's {@link SearchScope} filters inside the query,
 * so totals and hits never count a document the caller may not read (its marks and personal details included).
 *
 * <p>Visibility and durability: a change is seen by the next search (near-real-time: the reader is reopened before a
 * search that follows changes) and committed to disk within {@link #COMMIT_INTERVAL_MS} (and at close), not once per
 * document: a commit's fsyncs per archived record held every indexing thread on the commit lock. What a crash loses
 * of the last interval is indexed again at the next start ({@link IndexReconciler} compares the index with the
 * database both ways).
 */
class LuceneSearchIndex implements SearchIndex, AutoCloseable {

    private static final String ID = "lookupCode";
    private static final String SCHOOL = "school";
    private static final String YEAR = "schoolYear";
    private static final String CLASS = "class";
    private static final String YEAR_KEY = "schoolYearKey";   // school ␟ year, for scope filters
    private static final String CLASS_KEY = "classKey";       // school ␟ year ␟ class, for scope filters
    private static final String NAME = "name";                // folded full name
    private static final String EXACT_NAME = "exactName";     // the name as written (NFC, lower case): exact spellings first
    private static final String ALL = "all";                  // folded name, class, year, school and the document's text
    private static final String FORMAT = "indexFormat";
    private static final String TEXT = "text";                // the document's text as written, for highlights
    /** Doc-values fields of the facets, by facet name (their own names: older entries have none). */
    private static final Map<String, String> FACET_FIELDS = Map.of("school", "facetSchool", "schoolYear",
            "facetSchoolYear", "class", "facetClass", "documentType", "facetDocumentType", "status", "facetStatus");

    /**
     * Bumped when fields or folding change: entries of another format are rewritten at start (IndexReconciler).
     * 3: facets' doc values and the stored text of highlights.
     */
    static final String CURRENT_FORMAT = "3";



    /**
     * Milliseconds between commits while there are changes (a crash loses at most these, restored at start). Each
     * commit flushes a segment and later merges rewrite it: at one second, a principal's countersign of 1,500 records
     * spent about a tenth of its CPU in Lucene's flushes, merges and their compilation.
     */
    static final long COMMIT_INTERVAL_MS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * Changes made, and how many of them the reader is known to see: a search that starts after a change reopens the
     * reader unless a reopen begun after that change has finished (a flag cleared before the reopen ended let a second
     * search take the old reader meanwhile).
     */
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong refreshedTo = new AtomicLong();
    /** Changes not yet committed: the committer's next run commits them. */
    private final AtomicBoolean uncommitted = new AtomicBoolean();
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lucene-commit");
        t.setDaemon(true);
        return t;
    });

    LuceneSearchIndex(Path dir) {
        this(dir, COMMIT_INTERVAL_MS);
    }

    /** @param commitIntervalMs milliseconds between commits while there are changes (tests take shorter ones) */
    LuceneSearchIndex(Path dir, long commitIntervalMs) {
        try {
            var analyzer = new PerFieldAnalyzerWrapper(VietnameseAnalysis.FOLDED,
                    Map.of(EXACT_NAME, VietnameseAnalysis.EXACT));
            writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(analyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committer.scheduleWithFixedDelay(this::commitIfChanged, commitIntervalMs, commitIntervalMs,
                TimeUnit.MILLISECONDS);
    }

    private void commitIfChanged() {
        if (uncommitted.getAndSet(false)) {
            try {
                writer.commit();
            } catch (IOException | RuntimeException e) {
                uncommitted.set(true); // tried again at the next run; the start-up reconciliation covers a crash
                log.warn("search index commit failed; it is tried again", e);
            }
        }
    }

    /** A searcher that sees every change made before this call; release it with {@code searchers.release}. */
    private IndexSearcher acquire() throws IOException {
        long wanted = changes.get();
        if (refreshedTo.get() < wanted) {
            searchers.maybeRefreshBlocking(); // waits for a reopen under way, then reopens on what is done now
            refreshedTo.accumulateAndGet(wanted, Math::max);
        }
        return searchers.acquire();
    }

    @Override
    public void index(IndexedDocument d) {
        String school = Texts.nfc(d.school());
        String year = Texts.nfc(d.schoolYear());
        String classCode = Texts.nfc(d.classCode());
        String fullName = Texts.nfc(d.fullName());
        var doc = new Document();
        doc.add(new StringField(ID, d.lookupCode(), Field.Store.YES));
        doc.add(new StringField(SCHOOL, school, Field.Store.YES));
        doc.add(new StringField(YEAR, year, Field.Store.YES));
        doc.add(new StringField(CLASS, classCode, Field.Store.YES));
        doc.add(new StringField(YEAR_KEY, SearchScope.key(school, year), Field.Store.NO));
        doc.add(new StringField(CLASS_KEY, SearchScope.key(school, year, classCode), Field.Store.NO));
        doc.add(new StoredField("student", Texts.nfc(d.student())));
        doc.add(new StoredField("fullName", fullName));
        doc.add(new StringField("documentType", Texts.nfc(d.documentType()), Field.Store.YES));
        doc.add(new StringField("status", Texts.nfc(d.status()), Field.Store.YES));
        doc.add(new StoredField(FORMAT, CURRENT_FORMAT));
        String[] facetValues = {school, year, classCode, Texts.nfc(d.documentType()), Texts.nfc(d.status())};
        for (int i = 0; i < FACETS.size(); i++) {
            doc.add(new SortedDocValuesField(FACET_FIELDS.get(FACETS.get(i)), new BytesRef(facetValues[i])));
        }
        doc.add(new StoredField(TEXT, Texts.nfc(d.text())));
        doc.add(new TextField(NAME, Texts.fold(fullName), Field.Store.NO));
        doc.add(new TextField(EXACT_NAME, fullName.toLowerCase(Locale.ROOT), Field.Store.NO));
        String all = String.join(" ", fullName, Texts.nfc(d.student()), classCode, year, school, d.text() == null ? "" : d.text());
        doc.add(new TextField(ALL, Texts.fold(all), Field.Store.NO));
        try {
            writer.updateDocument(new Term(ID, d.lookupCode()), doc);
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A change was made: the next search reopens the reader, the committer's next run commits. */
    private void changed() {
        changes.incrementAndGet();
        uncommitted.set(true);
    }

    /** Runs the work, then commits and reopens the reader at once (not within the commit interval). */
    @Override
    public void inBatch(Runnable work) {
        try {
            work.run();
        } finally {
            try {
                uncommitted.set(false);
                writer.commit();
                long wanted = changes.get();
                searchers.maybeRefreshBlocking();
                refreshedTo.accumulateAndGet(wanted, Math::max);
            } catch (IOException e) {
                uncommitted.set(true);
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void remove(String lookupCode) {
        try {
            writer.deleteDocuments(new Term(ID, lookupCode));
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchPage search(SearchRequest request) {
        String text = Texts.nfc(request.query());
        var q = new BooleanQuery.Builder();
        List<String> words = VietnameseAnalysis.queryWords(text);
        if (words.isEmpty()) {
            q.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        for (String t : words) {
            q.add(new TermQuery(new Term(ALL, t)), Occur.MUST);
        }
        if (words.size() > 1) { // the student's own name first, ahead of teachers' names in the text
            q.add(new BoostQuery(new PhraseQuery(NAME, words.toArray(String[]::new)), Ranking.NAME_PHRASE), Occur.SHOULD);
        } else if (words.size() == 1) {
            q.add(new BoostQuery(new TermQuery(new Term(NAME, words.get(0))), Ranking.NAME_WORD), Occur.SHOULD);
        }
        // the name spelled exactly as typed (diacritics, apostrophe) ahead of other spellings that fold alike
        VietnameseAnalysis.exactWords(text)
                .forEach(t -> q.add(new BoostQuery(new TermQuery(new Term(EXACT_NAME, t)), Ranking.EXACT_WORD), Occur.SHOULD));
        // a current version ahead of the version it replaced, which prints nearly the same text
        q.add(new BoostQuery(new TermQuery(new Term("status", "ARCHIVED")), Ranking.CURRENT), Occur.SHOULD);
        Query filter = filter(request.scope());
        if (filter != null) {
            q.add(filter, Occur.FILTER);
        }
        request.filters().byFacet().forEach((facet, value) ->
                q.add(new TermQuery(new Term(facet, value)), Occur.FILTER)); // the facets' exact-match fields bear their names
        return run(q.build(), request.page(), request.size(), words);
    }

    /**
     * The scope as one filter clause: schools, school years and classes as exact terms. Null when nothing is filtered
     * out (the system administrator).
     */
    private static Query filter(SearchScope scope) {
        if (scope.all()) {
            return null;
        }
        var keys = scope.keys();
        if (keys.none()) {
            return new MatchNoDocsQuery("empty scope");
        }
        var any = new BooleanQuery.Builder();
        if (!keys.schools().isEmpty()) {
            any.add(new TermInSetQuery(SCHOOL, keys.schools().stream().map(BytesRef::new).toList()), Occur.SHOULD);
        }
        if (!keys.years().isEmpty()) {
            any.add(new TermInSetQuery(YEAR_KEY, keys.years().stream().map(BytesRef::new).toList()), Occur.SHOULD);
        }
        if (!keys.classes().isEmpty()) {
            any.add(new TermInSetQuery(CLASS_KEY, keys.classes().stream().map(BytesRef::new).toList()), Occur.SHOULD);
        }
        return any.build();
    }

    private SearchPage run(Query query, int page, int size, List<String> words) {
        try {
            IndexSearcher searcher = acquire();
            try {
                TopDocs top = searcher.search(query, Math.max(1, (page + 1) * size));
                List<Hit> hits = new ArrayList<>();
                Map<String, List<String>> highlights = new java.util.HashMap<>();
                var stored = searcher.storedFields();
                for (int i = page * size; i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    Document doc = stored.document(sd.doc);
                    Hit hit = hit(doc);
                    hits.add(hit);
                    List<String> snippets = Highlights.of(doc.get(TEXT), words);
                    if (!snippets.isEmpty()) {
                        highlights.put(hit.lookupCode(), snippets);
                    }
                }
                var facets = searcher.search(query, new FacetCounter());
                // Lucene counts exactly only up to 1,000 hits by default; the facet pass counted every match
                long total = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                        ? top.totalHits.value : facets.matched;
                return new SearchPage(total, hits, highlights, facets.counts());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Hit hit(Document doc) {
        return new Hit(doc.get(ID), doc.get(SCHOOL), doc.get(YEAR), doc.get(CLASS), doc.get("student"),
                doc.get("fullName"), doc.get("documentType"), doc.get("status"));
    }

    @Override
    public boolean contains(String lookupCode) {
        try {
            IndexSearcher searcher = acquire();
            try {
                return searcher.count(new TermQuery(new Term(ID, lookupCode))) > 0;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void forEachEntry(Consumer<IndexedEntry> action) {
        try {
            IndexSearcher searcher = acquire();
            try {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    var live = leaf.reader().getLiveDocs();
                    var stored = leaf.reader().storedFields();
                    for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                        if (live == null || live.get(d)) {
                            Document doc = stored.document(d);
                            action.accept(new IndexedEntry(hit(doc), CURRENT_FORMAT.equals(doc.get(FORMAT))));
                        }
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        committer.shutdown(); // no interrupt: an interrupted commit closes the write lock's channel (NIO)
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        searchers.close();
        writer.close(); // commits
    }

    /**
     * Counts, over every match, the values of each facet (their doc values), leaf by leaf as ordinals, turned into
     * values at the end.
     */
    private static final class FacetCounter implements CollectorManager<FacetCounter.Leaves, FacetCounter.Result> {

        record Result(long matched, Map<String, List<FacetCount>> counts) {
        }

        /** One collector's leaves: per leaf, per facet, the ordinals' counts and the doc values to name them. */
        static final class Leaves implements Collector {
            final List<SortedDocValues[]> values = new ArrayList<>();
            final List<int[][]> counts = new ArrayList<>();
            long matched;

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                SortedDocValues[] dv = new SortedDocValues[FACETS.size()];
                int[][] leafCounts = new int[FACETS.size()][];
                for (int f = 0; f < dv.length; f++) {
                    dv[f] = context.reader().getSortedDocValues(FACET_FIELDS.get(FACETS.get(f)));
                    leafCounts[f] = new int[dv[f] == null ? 0 : dv[f].getValueCount()];
                }
                values.add(dv); // lookupOrd at the end does not depend on where the iteration stopped
                counts.add(leafCounts);
                return new LeafCollector() {
                    @Override
                    public void setScorer(org.apache.lucene.search.Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        matched++;
                        for (int f = 0; f < dv.length; f++) {
                            if (dv[f] != null && dv[f].advanceExact(doc)) {
                                leafCounts[f][dv[f].ordValue()]++;
                            }
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }

        @Override
        public Leaves newCollector() {
            return new Leaves();
        }

        @Override
        public Result reduce(java.util.Collection<Leaves> collectors) throws IOException {
            long matched = 0;
            List<Map<String, Long>> byFacet = new ArrayList<>();
            FACETS.forEach(f -> byFacet.add(new java.util.HashMap<>()));
            for (Leaves leaves : collectors) {
                matched += leaves.matched;
                for (int l = 0; l < leaves.counts.size(); l++) {
                    for (int f = 0; f < FACETS.size(); f++) {
                        int[] c = leaves.counts.get(l)[f];
                        for (int ord = 0; ord < c.length; ord++) {
                            if (c[ord] > 0) {
                                byFacet.get(f).merge(leaves.values.get(l)[f].lookupOrd(ord).utf8ToString(),
                                        (long) c[ord], Long::sum);
                            }
                        }
                    }
                }
            }
            Map<String, List<FacetCount>> out = new java.util.HashMap<>();
            for (int f = 0; f < FACETS.size(); f++) {
                out.put(FACETS.get(f), SearchIndex.ordered(byFacet.get(f)));
            }
            return new Result(matched, out);
        }
    }
}
