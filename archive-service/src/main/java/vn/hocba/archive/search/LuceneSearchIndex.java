package vn.hocba.archive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

import vn.hocba.archive.common.Texts;

/**
 * In-process Lucene index. Vietnamese is folded in the application (NFD, marks stripped, đ→d) before analysis, so that
 * "nguyen van an" finds "Nguyễn Văn An"; the same folding will feed Elasticsearch, which has no ICU here.
 */
class LuceneSearchIndex implements SearchIndex, AutoCloseable {

    private static final String ID = "lookupCode";
    private static final String NAME = "name";   // folded full name
    private static final String ALL = "all";     // folded name, class, year, school and the document's text

    private final Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneSearchIndex(Path dir) {
        try {
            writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(analyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void index(IndexedDocument d) {
        var doc = new Document();
        doc.add(new StringField(ID, d.lookupCode(), Field.Store.YES));
        doc.add(new StringField("school", d.school(), Field.Store.YES));
        doc.add(new StoredField("schoolYear", d.schoolYear()));
        doc.add(new StoredField("class", d.classCode()));
        doc.add(new StoredField("student", d.student()));
        doc.add(new StoredField("fullName", d.fullName()));
        doc.add(new StoredField("documentType", d.documentType()));
        doc.add(new StoredField("status", d.status()));
        doc.add(new TextField(NAME, Texts.fold(d.fullName()), Field.Store.NO));
        String all = String.join(" ", d.fullName(), d.student(), d.classCode(), d.schoolYear(), d.school(),
                d.text() == null ? "" : d.text());
        doc.add(new TextField(ALL, Texts.fold(all), Field.Store.NO));
        try {
            writer.updateDocument(new Term(ID, d.lookupCode()), doc);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchPage search(String query, SearchScope scope, int page, int size) {
        var q = new BooleanQuery.Builder();
        // at most 32 words: enough for any name, class and year, and far below Lucene's clause limit
        List<String> tokens = tokens(ALL, Texts.fold(query)).stream().distinct().limit(32).toList();
        if (tokens.isEmpty()) {
            q.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        for (String t : tokens) {
            q.add(new TermQuery(new Term(ALL, t)), Occur.MUST);
        }
        if (tokens.size() > 1) { // the student's own name first, ahead of teachers' names in the text
            q.add(new BoostQuery(new PhraseQuery(NAME, tokens.toArray(String[]::new)), 10f), Occur.SHOULD);
        } else if (tokens.size() == 1) {
            q.add(new BoostQuery(new TermQuery(new Term(NAME, tokens.get(0))), 5f), Occur.SHOULD);
        }
        if (!scope.all()) {
            var schools = new BooleanQuery.Builder();
            scope.schools().forEach(s -> schools.add(new TermQuery(new Term("school", s)), Occur.SHOULD));
            q.add(schools.build(), Occur.FILTER);
        }
        return run(q.build(), page, size);
    }

    private SearchPage run(Query query, int page, int size) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query, Math.max(1, (page + 1) * size));
                List<Hit> hits = new ArrayList<>();
                var stored = searcher.storedFields();
                for (int i = page * size; i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    Document doc = stored.document(sd.doc);
                    hits.add(new Hit(doc.get(ID), doc.get("school"), doc.get("schoolYear"), doc.get("class"),
                            doc.get("student"), doc.get("fullName"), doc.get("documentType"), doc.get("status")));
                }
                return new SearchPage(top.totalHits.value, hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean contains(String lookupCode) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(new TermQuery(new Term(ID, lookupCode))) > 0;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> tokens(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
