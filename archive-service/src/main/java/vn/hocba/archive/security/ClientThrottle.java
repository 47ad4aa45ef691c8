package vn.hocba.archive.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A limit on the wrong passwords one client address may have checked (the probe of issue 18: a flood of made-up names
 * cost a BCrypt check each and held both cores at 8 requests a second, while a lockout per name never triggered).
 * After {@code limit} failed checks from one address within {@code window}, further sign-ins from it are refused
 * without a check until the window has passed. Sized for a school behind one address: every teacher's typing
 * mistakes together stay far below it. Kept in memory, per instance, for at most {@code MAX_CLIENTS} addresses (the
 * least recently seen forgotten first).
 */
final class ClientThrottle {

    static final int MAX_CLIENTS = 10_000;

    private record Window(Instant start, int failures) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> clients = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /**
     * @param limit  failed checks an address may cause per window (at least 1)
     * @param window how long one window lasts
     */
    ClientThrottle(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("hocba.login.client-limit must be at least 1 a positive window: " + limit
                    + " per " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** @return when the address may try again, if it is over its limit now; null otherwise (or no address known) */
    synchronized Instant refusedUntil(String address) {
        if (address == null) {
            return null;
        }
        Window w = clients.get(address);
        Instant now = clock.instant();
        if (w == null || !w.start().plus(window).isAfter(now)) {
            return null;
        }
        return w.failures() >= limit ? w.start().plus(window) : null;
    }

    /** One more failed check from {@code address}. */
    synchronized void failed(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        Window w = clients.get(address);
        clients.put(address, w == null || !w.start().plus(window).isAfter(now) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }
}
