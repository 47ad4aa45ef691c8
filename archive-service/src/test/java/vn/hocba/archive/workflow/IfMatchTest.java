package vn.hocba.archive.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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

    @Test
    void aHeaderThatListsNoEntityTagIsRefusedNotTakenForAnotherVersion() {
        for (String malformed : List.of("garbage", "\"" + SHA, SHA + "\"", "W/" + SHA, "\"a\" \"b\"", ",", "\"a\"b",
                "\"a\u0001\"", SHA.substring(1))) {
            IfMatch condition = IfMatch.parse(malformed); // judged when asked, after the caller's access
            assertThat(condition.malformed()).as(malformed).isTrue();
            assertThatThrownBy(() -> condition.matches(SHA)).as(malformed)
                    .isInstanceOf(IfMatch.MalformedIfMatchException.class)
                    .satisfies(e -> assertThat(((IfMatch.MalformedIfMatchException) e).status().value()).isEqualTo(400));
        }
        // list syntax: empty elements and whitespace are ignored, a comma may sit inside a tag
        assertThat(IfMatch.parse(" , \"" + SHA + "\" ,, ").matches(SHA)).isTrue();
        assertThat(IfMatch.parse("\"a,b\", W/\"c\"").tags()).containsExactly("a,b", "W/\"c\"");
    }
}
