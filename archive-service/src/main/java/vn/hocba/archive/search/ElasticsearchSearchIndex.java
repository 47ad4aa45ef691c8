package vn.hocba.archive.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

import vn.hocba.archive.common.Texts;

/**
 * The search index on an Elasticsearch 8 server, through its official Java client, answering as
 * {@link LuceneSearchIndex} does: the Elasticsearch distribution has no ICU or folding filter, so the text is analysed
 * in the application ({@link VietnameseAnalysis}: folded words with their parts, exact words) and sent as
 * space-separated words to fields with the {@code whitespace} analyzer; queries are term queries on those words, the
 * scope and the filters are filter clauses (so totals and facets count only what the caller may see), facets are
 * terms aggregations and highlights are made from the stored text ({@link Highlights}).
 *
 * <p>Visibility and durability: a write is durable when Elasticsearch acknowledges it (its translog is synced per
 * request), and a search that follows writes refreshes the index first, so that it sees them (as the Lucene adapter
 * reopens its reader). A server that does not answer throws {@link SearchUnavailableException}: search answers 503,
 * and indexing, run from the archive's outbox, is tried again until the server is back.
 */
class ElasticsearchSearchIndex implements SearchIndex, AutoCloseable {

    /** Bumped when fields or analysis change: entries of another format are rewritten at start (IndexReconciler). */
    static final String CURRENT_FORMAT = "es-2";

    /** Hits a page may reach: the API's deepest page (10,000) plus its largest size. */
    static final int MAX_RESULT_WINDOW = 10_100;

    private static final String ID = "lookupCode";
    // the facets ({@link SearchIndex#FACETS}) are keyword fields of their own names: filtered and aggregated as such
    private static final String YEAR_KEY = "schoolYearKey";
    private static final String CLASS_KEY = "classKey";
    private static final String NAME = "name";
    private static final String EXACT_NAME = "exactName";
    private static final String ALL = "all";
    /** The parts of words written with an apostrophe inside ({@link VietnameseAnalysis.Words}), of the name and all. */
    private static final String NAME_PARTS = "nameParts";
    private static final String ALL_PARTS = "allParts";
    /** The name with each apostrophe word written as its parts ("h hen nie"): phrases of parts ("hen nie") match it. */
    private static final String NAME_SPLIT = "nameSplit";
    private static final String TEXT = "text";
    private static final String FORMAT = "indexFormat";
    private static final int BULK_SIZE = 500;

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final String index;
    /** Writes made, and how many of them a refresh is known to cover (as in {@link LuceneSearchIndex}). */
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong refreshedTo = new AtomicLong();
    /** The {@link #inBatch} under way on this thread: its operations not sent yet, and the first failure of a bulk. */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    private static final class Batch {
        final List<BulkOperation> pending = new ArrayList<>();
        RuntimeException failure;
    }

    /**
     * Connects. The index is created with its mapping, when it does not exist, on first use: a server that is down
     * when the service starts does not stop it (search answers 503 until the server is back).
     *
     * @param url      the server, e.g. {@code http://127.0.0.1:9200}
     * @param username with {@code password}, HTTP Basic credentials; null for none
     * @param password the password of {@code username}
     * @param apiKey   an API key (base64 {@code id:key}, as Elasticsearch issues it) instead of a password; null for none
     * @param index    the index name (lower case)
     */
    ElasticsearchSearchIndex(String url, String username, String password, String apiKey, String index) {
        List<Header> headers = new ArrayList<>();
        if (apiKey != null && !apiKey.isBlank()) {
            headers.add(new BasicHeader("Authorization", "ApiKey " + apiKey));
        } else if (username != null && !username.isBlank()) {
            String basic = Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password))
                    .getBytes(StandardCharsets.UTF_8));
            headers.add(new BasicHeader("Authorization", "Basic " + basic));
        }
        this.rest = RestClient.builder(HttpHost.create(url))
                .setDefaultHeaders(headers.toArray(Header[]::new))
                .setRequestConfigCallback(c -> c.setConnectTimeout(5_000).setSocketTimeout(60_000))
                .build();
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        this.index = index.toLowerCase(Locale.ROOT);
    }

    /** True once the index is known to exist (made by this client or found). */
    private volatile boolean ready;

    /**
     * Creates the index when it does not exist, once per client, and refreshes it so that what other clients (an
     * earlier process) wrote is seen at once rather than after a refresh interval.
     *
     * @throws SearchUnavailableException the server does not answer (tried again at the next call)
     */
    private void ensureIndex() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                createIfMissing();
                call(() -> client.indices().refresh(r -> r.index(index)));
                ready = true;
            }
        }
    }

    private void createIfMissing() {
        call(() -> {
            if (client.indices().exists(e -> e.index(index)).value()) {
                return null;
            }
            try {
                // the index is reached through an alias of its name, and writes require the alias: a write after the
                // index was deleted fails (and makes it again, mapped) instead of Elasticsearch creating one with a
                // dynamic mapping
                client.indices().create(c -> c.index(index + "-1").aliases(index, a -> a)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0").maxResultWindow(MAX_RESULT_WINDOW))
                        .mappings(m -> m
                                .source(src -> src.excludes(NAME, EXACT_NAME, ALL, NAME_PARTS, ALL_PARTS, NAME_SPLIT))
                                .properties(ID, p -> p.keyword(k -> k))
                                .properties("school", p -> p.keyword(k -> k))
                                .properties("schoolYear", p -> p.keyword(k -> k))
                                .properties("class", p -> p.keyword(k -> k))
                                .properties(YEAR_KEY, p -> p.keyword(k -> k))
                                .properties(CLASS_KEY, p -> p.keyword(k -> k))
                                .properties("student", p -> p.keyword(k -> k.index(false)))
                                .properties("fullName", p -> p.keyword(k -> k.index(false)))
                                .properties("documentType", p -> p.keyword(k -> k))
                                .properties("status", p -> p.keyword(k -> k))
                                .properties(FORMAT, p -> p.keyword(k -> k))
                                .properties(TEXT, p -> p.text(t -> t.index(false)))
                                .properties(NAME, p -> p.text(t -> t.analyzer("whitespace")))
                                .properties(EXACT_NAME, p -> p.text(t -> t.analyzer("whitespace")))
                                .properties(ALL, p -> p.text(t -> t.analyzer("whitespace")))
                                .properties(NAME_PARTS, p -> p.text(t -> t.analyzer("whitespace")))
                                .properties(ALL_PARTS, p -> p.text(t -> t.analyzer("whitespace")))
                                .properties(NAME_SPLIT, p -> p.text(t -> t.analyzer("whitespace")))));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) { // another instance made it
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void index(IndexedDocument d) {
        ensureIndex();
        String school = Texts.nfc(d.school());
        String year = Texts.nfc(d.schoolYear());
        String classCode = Texts.nfc(d.classCode());
        String fullName = Texts.nfc(d.fullName());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(ID, d.lookupCode());
        doc.put("school", school);
        doc.put("schoolYear", year);
        doc.put("class", classCode);
        doc.put(YEAR_KEY, SearchScope.key(school, year));
        doc.put(CLASS_KEY, SearchScope.key(school, year, classCode));
        doc.put("student", Texts.nfc(d.student()));
        doc.put("fullName", fullName);
        doc.put("documentType", Texts.nfc(d.documentType()));
        doc.put("status", Texts.nfc(d.status()));
        doc.put(FORMAT, CURRENT_FORMAT);
        doc.put(TEXT, Texts.nfc(d.text()));
        var name = VietnameseAnalysis.indexWordsAndParts(fullName);
        doc.put(NAME, String.join(" ", name.words()));
        doc.put(NAME_PARTS, String.join(" ", name.parts()));
        doc.put(NAME_SPLIT, String.join(" ", VietnameseAnalysis.splitWords(fullName)));
        doc.put(EXACT_NAME, String.join(" ", VietnameseAnalysis.tokens(VietnameseAnalysis.EXACT,
                fullName.toLowerCase(Locale.ROOT))));
        String all = String.join(" ", fullName, Texts.nfc(d.student()), classCode, year, school,
                d.text() == null ? "" : d.text());
        var allWords = VietnameseAnalysis.indexWordsAndParts(all);
        doc.put(ALL, String.join(" ", allWords.words()));
        doc.put(ALL_PARTS, String.join(" ", allWords.parts()));
        var pending = batch.get();
        if (pending != null) {
            pending.pending.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(d.lookupCode()).document(doc)
                    .requireAlias(true))));
            flushIfFull(pending);
            return;
        }
        call(() -> client.index(i -> i.index(index).id(d.lookupCode()).document(doc).requireAlias(true)));
        changes.incrementAndGet();
    }

    @Override
    public void remove(String lookupCode) {
        ensureIndex();
        var pending = batch.get();
        if (pending != null) {
            pending.pending.add(BulkOperation.of(b -> b.delete(x -> x.index(index).id(lookupCode))));
            flushIfFull(pending);
            return;
        }
        call(() -> client.delete(x -> x.index(index).id(lookupCode))); // a missing entry answers "not_found", no error
        changes.incrementAndGet();
    }

    /**
     * Calls of {@link #index} and {@link #remove} on this thread go in bulks of 500; all is visible at the end. A bulk
     * that fails does not fail the one call that filled it (its operations are many records'): the whole batch throws
     * at its end, after the rest was sent, so that a reconciliation or a rebuild is not taken for complete. What
     * {@code work} queued before it threw is still sent.
     */
    @Override
    public void inBatch(Runnable work) {
        ensureIndex();
        if (batch.get() != null) { // nested: the outer batch sends
            work.run();
            return;
        }
        var current = new Batch();
        batch.set(current);
        RuntimeException failure = null;
        try {
            work.run();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            batch.remove();
        }
        try {
            send(current);
            refresh();
        } catch (RuntimeException e) {
            current.failure = current.failure == null ? e : current.failure;
        }
        if (failure != null) {
            if (current.failure != null && current.failure != failure) {
                failure.addSuppressed(current.failure);
            }
            throw failure;
        }
        if (current.failure != null) {
            throw current.failure;
        }
    }

    private void flushIfFull(Batch current) {
        if (current.pending.size() >= BULK_SIZE) {
            send(current);
        }
    }

    /** Sends what is pending; a failure is kept for the batch's end (the first one), not thrown here. */
    private void send(Batch current) {
        try {
            flush(current.pending);
        } catch (RuntimeException e) {
            if (current.failure == null) {
                current.failure = e;
            } else {
                current.failure.addSuppressed(e);
            }
        }
    }

    private void flush(List<BulkOperation> pending) {
        if (pending.isEmpty()) {
            return;
        }
        var request = BulkRequest.of(b -> b.operations(List.copyOf(pending)));
        pending.clear();
        var response = call(() -> client.bulk(request));
        changes.incrementAndGet();
        if (response.errors()) {
            var failed = response.items().stream().filter(i -> i.error() != null
                    && !("delete".equals(i.operationType().jsonValue()) && i.status() == 404)).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("Elasticsearch refused " + failed.size() + " of a bulk's operations,"
                        + " the first: " + failed.get(0).id() + " " + failed.get(0).error().reason());
            }
        }
    }

    /** Makes every write made so far visible to search, unless a refresh begun after it has finished. */
    private void refreshIfChanged() {
        if (refreshedTo.get() < changes.get()) {
            refresh(); // covers at least what was counted before it began
        }
    }

    private void refresh() {
        long wanted = changes.get();
        call(() -> client.indices().refresh(r -> r.index(index)));
        refreshedTo.accumulateAndGet(wanted, Math::max);
    }

    @Override
    public SearchPage search(SearchRequest request) {
        ensureIndex();
        String text = Texts.nfc(request.query());
        List<String> words = VietnameseAnalysis.queryWords(text);
        List<Query> must = new ArrayList<>();
        List<Query> should = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        if (words.isEmpty()) {
            must.add(Query.of(q -> q.matchAll(m -> m)));
        }
        for (String w : words) { // a word of the text, or a part of one written with an apostrophe
            must.add(Query.of(q -> q.bool(b -> b.should(
                    Query.of(x -> x.term(t -> t.field(ALL).value(w))),
                    Query.of(x -> x.term(t -> t.field(ALL_PARTS).value(w)))).minimumShouldMatch("1"))));
        }
        if (words.size() > 1) { // the student's own name first, ahead of teachers' names in the text
            String phrase = String.join(" ", words);
            // as a phrase of whole words ("hhen nie") or of an apostrophe word's parts ("hen nie"), counted once and
            // alike whichever matched (the two fields' statistics differ: a scored match would favour one spelling)
            should.add(Query.of(q -> q.constantScore(c -> c.boost(Ranking.NAME_PHRASE).filter(f -> f.bool(b -> b
                    .should(Query.of(x -> x.matchPhrase(p -> p.field(NAME).query(phrase))),
                            Query.of(x -> x.matchPhrase(p -> p.field(NAME_SPLIT).query(phrase))))
                    .minimumShouldMatch("1"))))));
        } else if (words.size() == 1) {
            should.add(Query.of(q -> q.disMax(d -> d.boost(Ranking.NAME_WORD).queries(
                    Query.of(x -> x.term(t -> t.field(NAME).value(words.get(0)))),
                    Query.of(x -> x.term(t -> t.field(NAME_PARTS).value(words.get(0))))))));
        }
        // the name spelled exactly as typed (diacritics, apostrophe) ahead of other spellings that fold alike
        for (String w : VietnameseAnalysis.exactWords(text)) {
            should.add(Query.of(q -> q.term(t -> t.field(EXACT_NAME).value(w).boost(Ranking.EXACT_WORD))));
        }
        // a current version ahead of the version it replaced, which prints nearly the same text
        should.add(Query.of(q -> q.term(t -> t.field("status").value("ARCHIVED").boost(Ranking.CURRENT))));
        Query scope = scope(request.scope());
        if (scope != null) {
            filter.add(scope);
        }
        request.filters().byFacet().forEach((facet, value) ->
                filter.add(Query.of(q -> q.term(t -> t.field(facet).value(value)))));
        Query query = Query.of(q -> q.bool(b -> b.must(must).should(should).filter(filter)));
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (String facet : FACETS) {
            aggregations.put(facet, Aggregation.of(a -> a.terms(t -> t.field(facet).size(FACET_SIZE))));
        }
        refreshIfChanged();
        @SuppressWarnings("rawtypes")
        SearchResponse<Map> response = call(() -> client.search(s -> s.index(index).query(query)
                .from(request.page() * request.size()).size(request.size())
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes(ID, "school", "schoolYear", "class", "student", "fullName",
                        "documentType", "status", TEXT)))
                .aggregations(aggregations), Map.class));
        List<Hit> hits = new ArrayList<>();
        Map<String, List<String>> highlights = new HashMap<>();
        for (var h : response.hits().hits()) {
            Map<?, ?> source = h.source();
            Hit hit = hit(source);
            hits.add(hit);
            List<String> snippets = Highlights.of((String) source.get(TEXT), words);
            if (!snippets.isEmpty()) {
                highlights.put(hit.lookupCode(), snippets);
            }
        }
        Map<String, List<FacetCount>> facets = new HashMap<>();
        for (String facet : FACETS) {
            Map<String, Long> counts = new HashMap<>();
            for (StringTermsBucket b : response.aggregations().get(facet).sterms().buckets().array()) {
                counts.put(b.key().stringValue(), b.docCount());
            }
            facets.put(facet, SearchIndex.ordered(counts));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchPage(total, hits, highlights, facets);
    }

    /** The scope as one filter clause, null when nothing is filtered out (as {@link LuceneSearchIndex} builds it). */
    private static Query scope(SearchScope scope) {
        if (scope.all()) {
            return null;
        }
        var keys = scope.keys();
        if (keys.none()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        List<Query> any = new ArrayList<>();
        Map<String, List<String>> byField = Map.of("school", keys.schools(), YEAR_KEY, keys.years(), CLASS_KEY, keys.classes());
        byField.forEach((field, values) -> {
            if (!values.isEmpty()) {
                List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
                any.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
            }
        });
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    private static Hit hit(Map<?, ?> source) {
        return new Hit(str(source, ID), str(source, "school"), str(source, "schoolYear"), str(source, "class"),
                str(source, "student"), str(source, "fullName"), str(source, "documentType"), str(source, "status"));
    }

    private static String str(Map<?, ?> source, String field) {
        Object v = source.get(field);
        return v == null ? null : v.toString();
    }

    @Override
    public boolean contains(String lookupCode) {
        ensureIndex();
        return call(() -> client.exists(e -> e.index(index).id(lookupCode)).value()); // GET by id is real-time
    }

    /** Every entry, a thousand at a time in lookup-code order ({@code search_after}), without their text. */
    @Override
    public void forEachEntry(Consumer<IndexedEntry> action) {
        ensureIndex();
        refreshIfChanged();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> page = call(() -> client.search(s -> {
                s.index(index).size(1_000).query(q -> q.matchAll(m -> m))
                        .sort(o -> o.field(f -> f.field(ID).order(SortOrder.Asc)))
                        .source(src -> src.filter(f -> f.excludes(TEXT)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, Map.class));
            var hits = page.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            for (var h : hits) {
                action.accept(new IndexedEntry(hit(h.source()), CURRENT_FORMAT.equals(str(h.source(), FORMAT))));
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** Deletes the whole index (tests); absent is fine. The next call creates it again. */
    void deleteIndex() {
        call(() -> {
            if (client.indices().existsAlias(a -> a.name(index)).value()) {
                var concrete = List.copyOf(client.indices().getAlias(a -> a.name(index)).result().keySet());
                client.indices().delete(d -> d.index(concrete));
            }
            return null;
        });
        ready = false;
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            // nothing is pending: every write was acknowledged before its call returned
        }
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    /**
     * Runs one client call. A server that cannot be reached, is overloaded (429), refuses the credentials (401, 403) or
     * answers 5xx throws {@link SearchUnavailableException} (503); an index deleted behind the service's back (404
     * {@code index_not_found_exception}) too, and it is created again at the next call, before anything is written
     * (so that Elasticsearch's dynamic mapping never makes it).
     */
    private <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                ready = false;
                throw new SearchUnavailableException(e);
            }
            int status = e.status();
            if (status >= 500 || status == 429 || status == 401 || status == 403) {
                throw new SearchUnavailableException(e);
            }
            throw e;
        }
    }
}
