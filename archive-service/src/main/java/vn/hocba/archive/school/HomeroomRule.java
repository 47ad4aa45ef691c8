package vn.hocba.archive.school;

import tools.jackson.databind.JsonNode;

import vn.hocba.archive.school.PrintableText.Field;

/**
 * The one rule for what a homeroom teacher records (Thông tư 22 Điều 8-9, Điều 12): a term's conduct level ({@code
 * TOT}, {@code KHA}, {@code DAT}, {@code CHUA_DAT}), days absent with and without leave (whole numbers 0-366), and the
 * homeroom comment (printable text, at most {@link FieldLimit#HOMEROOM_COMMENT} characters). The import and the
 * homeroom entry both apply it, so the two can never accept different values.
 */
final class HomeroomRule {

    /** The conduct levels best first, as a refusal lists them (DatasetReader.LEVELS is a set, in no order). */
    private static final String LEVELS_SHOWN = "[TOT, KHA, DAT, CHUA_DAT]";

    /** Days in a school year at most (a leap year); attendance counts days. */
    static final int MAX_DAYS = 366;

    private HomeroomRule() {
    }

    /**
     * @param at the value's path, e.g. {@code conduct[3].level} or {@code [0].conduct}
     * @return the level as stored, or null when absent or refused (absent is a problem only when required)
     */
    static String conduct(JsonNode value, String at, boolean required, MarkRule.Problems problems) {
        String level = DatasetReader.word(value, at, required, problems);
        if (level != null && !DatasetReader.LEVELS.contains(level)) {
            problems.add(at, "must be one of " + LEVELS_SHOWN, "phải là một trong " + LEVELS_SHOWN);
            return null;
        }
        return level;
    }

    /** Days absent in a term (with or without leave); -1 when absent or refused (then reported). */
    static int days(JsonNode value, String at, MarkRule.Problems problems) {
        return DatasetReader.integer(value, at, 0, MAX_DAYS, problems);
    }

    /** The homeroom comment, normalised as printed; null when absent or refused (then reported). */
    static String comment(JsonNode value, String at, MarkRule.Problems problems) {
        return DatasetReader.text(value, at, FieldLimit.HOMEROOM_COMMENT, false, Field.MULTI_LINE, problems);
    }
}
