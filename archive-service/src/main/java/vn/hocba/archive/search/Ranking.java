package vn.hocba.archive.search;

/**
 * The boosts both index adapters give, so that they rank alike: a query's words must all match (name, class, year,
 * school or the document's text); these optional clauses order the hits.
 */
final class Ranking {

    /** The query's words as a phrase of the student's name: the student's own record ahead of a teacher's mention. */
    static final float NAME_PHRASE = 10f;
    /** A one-word query that is a word of the student's name. */
    static final float NAME_WORD = 5f;
    /** Per word spelled exactly as in the name (diacritics, apostrophe): exact spellings ahead of others that fold alike. */
    static final float EXACT_WORD = 2f;
    /** A current (archived) version ahead of the version it replaced, which prints nearly the same text. */
    static final float CURRENT = 0.5f;

    private Ranking() {
    }
}
