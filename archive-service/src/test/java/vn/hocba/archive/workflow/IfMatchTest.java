package vn.hocba.archive.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 9110 13.1.1 If-Match, as the signature endpoints read it. */
class IfMatchTest {

    static final String SHA = "ab".repeat(32);

    @Test
    void noHeaderOrAStarIsNoCondition() {
        assertThat(IfMatch.parse(null)).isNull();
        assertThat(IfMatch.parse(" ")).isNull();
        assertThat(IfMatch.parse(" * ")).isNull();
    }

    @Test
    void aStrongTagMatchesItsVersionQuotedOrNotAndInAnyCase() {
        assertThat(IfMatch.parse("\"" + SHA + "\"").matches(SHA)).isTrue();
        assertThat(IfMatch.parse(SHA.toUpperCase()).matches(SHA)).isTrue();
        assertThat(IfMatch.parse("\"" + "cd".repeat(32) + "\"").matches(SHA)).isFalse();
    }

    @Test
    void aListMatchesWhenAnyStrongTagDoesAndAWeakTagNever() {
        assertThat(IfMatch.parse("\"x\", \"" + SHA + "\"").matches(SHA)).isTrue();
        assertThat(IfMatch.parse("W/\"" + SHA + "\"").matches(SHA)).isFalse();
        assertThat(IfMatch.parse("\"x\", W/\"" + SHA + "\"").matches(SHA)).isFalse();
    }
}
