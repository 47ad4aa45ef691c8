package vn.hocba.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2025-09-05T01:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(30));
    private static final Instant MUCH_LATER = NOW.plus(Duration.ofDays(3650));

    @Test
    void permanentRetentionIsComplianceAndNeverExpires() {
        Retention permanent = Retention.permanent();

        assertThat(permanent.mode()).isEqualTo(RetentionMode.COMPLIANCE);
        assertThat(permanent.isPermanent()).isTrue();
        assertThat(permanent.inForce(Instant.MAX)).isTrue();
    }

    @Test
    void retentionIsInForceUntilButNotAtItsEnd() {
        Retention retention = Retention.compliance(LATER);

        assertThat(retention.inForce(NOW)).isTrue();
        assertThat(retention.inForce(LATER.minusNanos(1))).isTrue();
        assertThat(retention.inForce(LATER)).isFalse();
        assertThat(retention.inForce(MUCH_LATER)).isFalse();
    }

    @Test
    void requiresAModeAndADateForTheFactories() {
        assertThatThrownBy(() -> new Retention(null, LATER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Retention.compliance(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Retention.governance(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void allowsKeepingOrLengtheningTheRetention() {
        Retention current = Retention.compliance(LATER);

        assertThat(current.allowsChangeTo(current)).isTrue();
        assertThat(current.allowsChangeTo(Retention.compliance(MUCH_LATER))).isTrue();
        assertThat(current.allowsChangeTo(Retention.permanent())).isTrue();
    }

    @Test
    void refusesShorteningTheRetention() {
        assertThat(Retention.compliance(MUCH_LATER).allowsChangeTo(Retention.compliance(LATER))).isFalse();
        assertThat(Retention.governance(MUCH_LATER).allowsChangeTo(Retention.governance(LATER))).isFalse();
    }

    @Test
    void refusesMakingAPermanentRetentionFinite() {
        assertThat(Retention.permanent().allowsChangeTo(Retention.compliance(Instant.MAX))).isFalse();
    }

    @Test
    void allowsGovernanceToBecomeComplianceButNeverTheReverse() {
        assertThat(Retention.governance(LATER).allowsChangeTo(Retention.compliance(LATER))).isTrue();
        assertThat(Retention.compliance(LATER).allowsChangeTo(Retention.governance(MUCH_LATER))).isFalse();
        assertThat(Retention.permanent().allowsChangeTo(new Retention(RetentionMode.GOVERNANCE, null))).isFalse();
    }
}
