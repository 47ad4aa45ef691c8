package vn.hocba.archive.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YearConductPolicyTest {

    @ParameterizedTest(name = "term 1 {0}, term 2 {1} -> year {2}")
    @CsvSource({
        "TOT,      TOT,      TOT",
        "KHA,      TOT,      TOT",
        "DAT,      TOT,      KHA",
        "CHUA_DAT, TOT,      KHA",
        "TOT,      KHA,      KHA",
        "KHA,      KHA,      KHA",
        "DAT,      KHA,      KHA",
        "CHUA_DAT, KHA,      DAT",
        "TOT,      DAT,      KHA",
        "KHA,      DAT,      DAT",
        "DAT,      DAT,      DAT",
        "CHUA_DAT, DAT,      DAT",
        "TOT,      CHUA_DAT, CHUA_DAT",
        "KHA,      CHUA_DAT, CHUA_DAT",
        "DAT,      CHUA_DAT, CHUA_DAT",
        "CHUA_DAT, CHUA_DAT, CHUA_DAT",
    })
    void yearConductFollowsTheTermTable(Level term1, Level term2, Level expected) {
        assertThat(YearConductPolicy.yearLevel(term1, term2)).isEqualTo(expected);
    }

    @Test
    void theTableCoversEveryPairOfTermLevels() {
        Set<Level> seen = EnumSet.noneOf(Level.class);
        for (Level term1 : Level.values()) {
            for (Level term2 : Level.values()) {
                seen.add(YearConductPolicy.yearLevel(term1, term2));
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Level.values());
    }
}
