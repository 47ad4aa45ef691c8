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
            assertThat(throttle.tryAcquire("10.0.0.7")).isNull(); // checked, and it failed: no refund
        }
        assertThat(throttle.tryAcquire("10.0.0.7")).isEqualTo(Instant.parse("2026-11-30T08:01:00Z"));
        assertThat(throttle.tryAcquire("10.0.0.8")).as("another address").isNull();
        clock.now = clock.now.plusSeconds(59);
        assertThat(throttle.tryAcquire("10.0.0.7")).isNotNull();
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.tryAcquire("10.0.0.7")).as("the window is over").isNull();
        assertThat(throttle.tryAcquire("10.0.0.7")).as("a new window, two so far").isNull();
    }

    @Test
    void failuresSpreadOverWindowsNeverAddUp() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryAcquire("10.0.0.9")).isNull();
            assertThat(throttle.tryAcquire("10.0.0.9")).isNull();
            clock.now = clock.now.plusSeconds(61);
        }
    }

    @Test
    void checksThatPassAreRefundedSoTheyNeverCount() {
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.tryAcquire("10.0.0.5")).isNull();
            throttle.refund("10.0.0.5");
        }
        assertThat(throttle.tryAcquire("10.0.0.5")).isNull();
    }

    @Test
    void parallelChecksCannotPassTheLimitWhileTheyRun() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var admitted = new java.util.concurrent.atomic.AtomicInteger();
            var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Void>>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> {
                    if (throttle.tryAcquire("10.0.0.6") == null) {
                        admitted.incrementAndGet(); // a check "in flight": not refunded
                    }
                    return null;
                });
            }
            pool.invokeAll(tasks);
            assertThat(admitted.get()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noAddressNoLimitAndABadSettingIsRefused() {
        throttle.refund(null);
        assertThat(throttle.tryAcquire(null)).isNull();
        assertThatThrownBy(() -> new ClientThrottle(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
