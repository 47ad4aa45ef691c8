package vn.hocba.archive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import vn.hocba.archive.common.Texts;

/**
 * The one analysis of Vietnamese text that both index adapters use, so that a query finds the same documents in the
 * embedded Lucene index and in Elasticsearch (whose distribution here has no ICU or folding filter): text is folded in
 * the application ({@link Texts#fold}: NFD, marks stripped, đ→d, every apostrophe and a hyphen inside a name made one
 * apostrophe), cut into words by Lucene's standard tokenizer (UAX #29), lower-cased, and a word with an apostrophe
 * inside is matched by its joined form ("h'hen" → "hhen"), with its parts ("h", "hen") added when indexing
 * ({@link WordPartsFilter}).
 */
final class VietnameseAnalysis {

    /** Folded words with their parts: what an index holds of a name or a text. */
    static final Analyzer FOLDED = new FoldedAnalyzer(true);
    /** Folded words, joined forms only: what a query looks for. */
    static final Analyzer FOLDED_QUERY = new FoldedAnalyzer(false);
    /** The words as written (NFC, lower case, diacritics and apostrophes kept): exact spellings rank first. */
    static final Analyzer EXACT = new StandardAnalyzer(CharArraySet.EMPTY_SET);

    /** At most this many words of a query are used: enough for any name, class and year, far below clause limits. */
    static final int MAX_QUERY_WORDS = 32;

    private VietnameseAnalysis() {
    }

    /**
     * The folded words an index holds for {@code text}, split in two: {@code words}, one per word of the text (joined
     * forms), and {@code parts}, the parts of words written with an apostrophe inside ("h'hen" → "h", "hen"), which the
     * Lucene index puts at the word's own position. An index without positions of its own (Elasticsearch fed words
     * through its whitespace analyzer) keeps the parts in a field of their own, so that they neither lengthen the
     * field (which would rank such names lower) nor shift the words after them.
     */
    record Words(List<String> words, List<String> parts) {
    }

    static Words indexWordsAndParts(String text) {
        List<String> words = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        try (TokenStream ts = FOLDED.tokenStream("", Texts.fold(Texts.nfc(text)))) {
            var term = ts.addAttribute(CharTermAttribute.class);
            var position = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                (position.getPositionIncrement() == 0 ? parts : words).add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Words(words, parts);
    }

    /**
     * The folded words of {@code text} with every word written with an apostrophe inside as its parts, in order
     * ("H’Hen Niê" → "h", "hen", "nie"): where a phrase of parts ("hen nie") matches, for an index without positions
     * of its own.
     */
    static List<String> splitWords(String text) {
        return tokens(FOLDED_QUERY, Texts.fold(Texts.nfc(text)).replace(Texts.APOSTROPHE, ' '));
    }

    /** The distinct folded words a query looks for (joined forms), at most {@link #MAX_QUERY_WORDS}. */
    static List<String> queryWords(String query) {
        return tokens(FOLDED_QUERY, Texts.fold(Texts.nfc(query))).stream().distinct().limit(MAX_QUERY_WORDS).toList();
    }

    /** The distinct words as written (NFC, lower case), at most {@link #MAX_QUERY_WORDS}. */
    static List<String> exactWords(String text) {
        return tokens(EXACT, Texts.nfc(text).toLowerCase(Locale.ROOT)).stream().distinct().limit(MAX_QUERY_WORDS).toList();
    }

    /** The words of {@code text} as {@code analyzer} cuts them. */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
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

    /** Folded text (see {@link Texts#fold}) as words; words with an apostrophe inside go through {@link WordPartsFilter}. */
    static final class FoldedAnalyzer extends Analyzer {

        private final boolean withParts;

        FoldedAnalyzer(boolean withParts) {
            this.withParts = withParts;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = new StandardTokenizer();
            TokenStream stream = new WordPartsFilter(new LowerCaseFilter(source), withParts);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
