package vn.hocba.archive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The limit of wrong passwords per client address ({@link ClientThrottle}), on a clock the test moves. */
class ClientThrottleTest {

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final ClientThrottle throttle = new ClientThrottle(3, Duration.ofMinutes(1), clock);

    @Test
    void anAddressOverItsLimitIsRefusedUntilItsWindowEndsOthersAreNot() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusedUntil("10.0.0.7")).isNull();
            throttle.failed("10.0.0.7");
        }
        assertThat(throttle.refusedUntil("10.0.0.7")).isEqualTo(Instant.parse("2026-11-30T08:01:00Z"));
        assertThat(throttle.refusedUntil("10.0.0.8")).as("another address").isNull();
        clock.now = clock.now.plusSeconds(59);
        assertThat(throttle.refusedUntil("10.0.0.7")).isNotNull();
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.refusedUntil("10.0.0.7")).as("the window is over").isNull();
        throttle.failed("10.0.0.7");
        assertThat(throttle.refusedUntil("10.0.0.7")).as("a new window, one failure").isNull();
    }

    @Test
    void failuresSpreadOverWindowsNeverAddUp() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("10.0.0.9");
            throttle.failed("10.0.0.9");
            clock.now = clock.now.plusSeconds(61);
            assertThat(throttle.refusedUntil("10.0.0.9")).isNull();
        }
    }

    @Test
    void noAddressNoLimitAndABadSettingIsRefused() {
        throttle.failed(null);
        assertThat(throttle.refusedUntil(null)).isNull();
        assertThatThrownBy(() -> new ClientThrottle(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
