package vn.hocba.archive.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.hocba.signing.SigningException;

/**
 * {@code timestampServer} in {@code /actuator/health} (and readiness): UP when the time-stamping authority answers a
 * timestamp request (RFC 3161) for a fixed digest. The answer is remembered for a minute, so probes do not buy a
 * timestamp each time from a commercial TSA.
 */
@Component("timestampServerHealthIndicator") // the contributor is named "timestampServer"
class TimestampServerHealth implements HealthIndicator {

    private static final Duration REMEMBERED = Duration.ofMinutes(1);

    private record Seen(Instant at, Health health) {
    }

    private final SignatureServices signatures;
    private final Clock clock;
    private final AtomicReference<Seen> last = new AtomicReference<>();

    TimestampServerHealth(SignatureServices signatures, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Seen seen = last.get();
        if (seen != null && seen.at().plus(REMEMBERED).isAfter(now)) {
            return seen.health();
        }
        Health health;
        var tsa = signatures.signing().timestamps();
        if (tsa == null) {
            health = Health.up().withDetail("timestamps", "not configured (PAdES-BASELINE-B)").build();
        } else {
            try {
                tsa.timestamp("SHA-256", MessageDigest.getInstance("SHA-256").digest(new byte[] {'h', 'o', 'c', 'b', 'a'}));
                health = Health.up().build();
            } catch (SigningException e) {
                health = Health.down().withDetail("error", e.getMessage()).build();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        last.set(new Seen(now, health));
        return health;
    }
}
