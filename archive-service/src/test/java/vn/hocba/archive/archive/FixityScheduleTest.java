package vn.hocba.archive.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scheduled fixity sweep that fails is an alert and a recorded finding; one the scheduler interrupts because the
 * service stops is neither (the bench's production run logged two ALERTs at every stop during a sweep).
 */
class FixityScheduleTest {

    /** The integrity check's two calls the schedule makes; the sweep itself fails as the test says. */
    private static final class Sweeps extends ArchiveIntegrity {
        private final Supplier<RuntimeException> failure;
        final List<String> recorded = new ArrayList<>();

        Sweeps(Supplier<RuntimeException> failure) {
            super(null, null, null, null, null, List.of(), null);
            this.failure = failure;
        }

        @Override
        public SweepResult sample(double fraction) {
            throw failure.get();
        }

        @Override
        void recordSweepFailure(String kind, RuntimeException cause) {
            recorded.add(kind + ": " + cause.getMessage());
        }
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aSweepThatFailsIsRecorded() {
        var sweeps = new Sweeps(() -> new UncheckedIOException("the store timed out", new SocketTimeoutException()));
        new FixitySchedule(sweeps, 1).sweep();
        assertThat(sweeps.recorded).containsExactly("FULL: the store timed out");
    }

    @Test
    void aSweepInterruptedByTheServicesShutdownIsNotAFinding() {
        var wrapped = new Sweeps(() -> new RuntimeException(new InterruptedException()));
        new FixitySchedule(wrapped, 0.5).sweep();
        assertThat(wrapped.recorded).isEmpty();

        var flagged = new Sweeps(() -> {
            Thread.currentThread().interrupt(); // a client that restores the flag and throws its own exception
            return new IllegalStateException("listing aborted");
        });
        new FixitySchedule(flagged, 1).sweep();
        assertThat(flagged.recorded).isEmpty();
    }
}
