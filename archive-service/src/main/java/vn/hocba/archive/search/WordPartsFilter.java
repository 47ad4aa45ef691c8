package vn.hocba.archive.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import vn.hocba.archive.common.Texts;

/**
 * Makes a word written with an apostrophe inside (after {@link Texts#fold}: "h'hen", "y'moan", "thcs'mk2") match
 * however it is typed. The word becomes its joined form ("hhen"), which is what queries look for; when indexing, its
 * parts ("h", "hen") are added at the same position, so "hen nie" finds "H’Hen Niê" as a phrase too.
 */
final class WordPartsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final boolean withParts;
    private final Deque<String> parts = new ArrayDeque<>();
    private State word;

    /** {@code withParts}: true to index (joined form and parts), false to query (the joined form only). */
    WordPartsFilter(TokenStream input, boolean withParts) {
        super(input);
        this.withParts = withParts;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!parts.isEmpty()) {
            restoreState(word);
            term.setEmpty().append(parts.poll());
            position.setPositionIncrement(0);
            return true;
        }
        while (input.incrementToken()) {
            String token = term.toString();
            if (token.indexOf(Texts.APOSTROPHE) < 0) {
                return true;
            }
            String joined = token.replace(String.valueOf(Texts.APOSTROPHE), "");
            if (joined.isEmpty()) {
                continue;
            }
            if (withParts) {
                for (String part : token.split(String.valueOf(Texts.APOSTROPHE))) {
                    if (!part.isEmpty() && !part.equals(joined) && !parts.contains(part)) {
                        parts.add(part);
                    }
                }
            }
            term.setEmpty().append(joined);
            word = captureState();
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts.clear();
        word = null;
    }
}
