package vn.hocba.archive.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A limit on the wrong passwords one client address may have checked (the probe of issue 18: a flood of made-up names
 * cost a BCrypt check each and held both cores at 8 requests a second, while a lockout per name never triggered).
 * After {@code limit} failed checks from one address within a fixed {@code window}, further sign-ins from it are
 * refused without a check until the window has passed, except for names that signed in from anywhere recently
 * ({@link ThrottledAuthentication}): so one person behind a school's shared address cannot lock the school out.
 * Each check is counted before it is made and refunded when it passes. Kept in memory, per instance (n instances
 * allow n times the limit), for at most {@code MAX_CLIENTS} addresses (the least recently seen forgotten first).
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

    /**
     * Admits one password check from {@code address}, counted as a failure until {@link #refund refunded}: taken
     * before the check, so that parallel requests cannot pass the limit while their checks run.
     *
     * @return null: check the password; otherwise when the address may try again
     */
    synchronized Instant tryAcquire(String address) {
        if (address == null) {
            return null;
        }
        Instant now = clock.instant();
        Window w = clients.get(address);
        if (w == null || !w.start().plus(window).isAfter(now)) {
            clients.put(address, new Window(now, 1));
            return null;
        }
        if (w.failures() >= limit) {
            return w.start().plus(window);
        }
        clients.put(address, new Window(w.start(), w.failures() + 1));
        return null;
    }

    /** The check {@link #tryAcquire} admitted passed: it does not count. */
    synchronized void refund(String address) {
        Window w = address == null ? null : clients.get(address);
        if (w != null && w.failures() > 0) {
            clients.put(address, new Window(w.start(), w.failures() - 1));
        }
    }
}
