package vn.hocba.archive.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * A password check ({@code delegate}: user name and password against the accounts) behind the {@link LoginThrottle}: a
 * locked name is refused before its password is read; a wrong password counts a failure; a right one clears the count.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    /** Refused: too many wrong passwords from this client address, until {@link #until()}; nothing was checked. */
    static final class SignInThrottledException extends LockedException {

        private final Instant until;

        SignInThrottledException(Instant until) {
            super("too many failed sign-ins from this address; refused until " + until);
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    /** Refused: the name is locked until {@link #until()} after repeated failures. */
    static final class SignInLockedException extends LockedException {

        private final Instant until;

        SignInLockedException(Instant until) {
            super("too many failed sign-ins; locked until " + until);
            this.until = until;
        }

        Instant until() {
            return until;
        }

        /** @return whole seconds from {@code now} to the end of the lock, at least 1 (for Retry-After) */
        long retryAfterSeconds(Instant now) {
            return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        }
    }

    /** Credentials that passed recently, as sha256(name, password): a signed-in API client sends them every call. */
    private static final int REMEMBERED = 1024;

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final java.util.Map<String, Boolean> recentlyPassed = recent(REMEMBERED);

    private final ClientThrottle clients;
    private final java.util.concurrent.locks.ReentrantLock[] stripes = new java.util.concurrent.locks.ReentrantLock[64];
    /** Names that signed in since this instance started (the most recent {@code KNOWN_NAMES}: a province's staff). */
    private static final int KNOWN_NAMES = 50_000;

    private final java.util.Map<String, Boolean> signedInRecently = recent(KNOWN_NAMES);

    ThrottledAuthentication(AuthenticationProvider delegate, LoginThrottle throttle, ClientThrottle clients) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.clients = clients;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new java.util.concurrent.locks.ReentrantLock();
        }
    }

    /**
     * A locked name is refused before anything else. Credentials that passed recently are checked again (a changed
     * password fails) without a count: an API client sends them with every call, and counting would write twice a
     * call. Any other attempt is checked under the lock of its name's count ({@link LoginThrottle#guarded}): a
     * failure is counted, a success clears the count.
     *
     * @throws SignInLockedException the name is locked (whatever the password), or this attempt is over the count
     * @throws BadCredentialsException wrong name or password (counted)
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        var state = throttle.state(name);
        if (state.lockedAt(throttle.now())) {
            throw new SignInLockedException(state.lockedUntil());
        }
        String credentials = fingerprint(name, authentication.getCredentials());
        if (recentlyPassed.containsKey(credentials)) {
            try {
                return delegate.authenticate(authentication);
            } catch (BadCredentialsException e) {
                recentlyPassed.remove(credentials); // the password changed: from now on, counted as any other
            }
        }
        String address = authentication.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        // names that signed in recently are not held back by others' guesses from a shared (school, NAT) address
        boolean known = signedInRecently.containsKey(name);
        Instant clientWait = known ? null : clients.tryAcquire(address);
        if (clientWait != null) {
            throw new SignInThrottledException(clientWait); // too many wrong passwords from this address: no check
        }
        if (name == null || name.chars().anyMatch(Character::isISOControl)) {
            // no account has such a name: counted like any wrong password, never queried
            var outcome = throttle.guarded(name, () -> {
                throw new BadCredentialsException("bad credentials");
            }, BadCredentialsException.class);
            throw outcome instanceof LoginThrottle.Locked<?> l ? new SignInLockedException(l.until())
                    : new BadCredentialsException("bad credentials");
        }
        // one check of a name at a time in this instance, waiting here rather than on the database's row lock with a
        // pooled connection held (a flood on one name must not empty the pool); other names take other stripes
        var stripe = stripes[Math.floorMod(name.hashCode(), stripes.length)];
        LoginThrottle.Outcome<Authentication> outcome;
        stripe.lock();
        try {
            outcome = throttle.guarded(name, () -> delegate.authenticate(authentication), BadCredentialsException.class);
        } finally {
            stripe.unlock();
        }
        if (outcome instanceof LoginThrottle.Locked<Authentication> locked) {
            if (!known) {
                clients.refund(address); // nothing was checked
            }
            throw new SignInLockedException(locked.until());
        }
        if (outcome instanceof LoginThrottle.Failed<Authentication> failed) {
            throw failed.failure(); // counted, for the name and the address
        }
        Authentication done = ((LoginThrottle.Passed<Authentication>) outcome).result();
        if (!known) {
            clients.refund(address);
        }
        signedInRecently.put(name, Boolean.TRUE);
        recentlyPassed.put(credentials, Boolean.TRUE);
        return done;
    }

    /** A synchronized set of at most {@code size} keys, the least recently used dropped first. */
    private static java.util.Map<String, Boolean> recent(int size) {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                return size() > size;
            }
        });
    }

    private static String fingerprint(String name, Object credentials) {
        return vn.hocba.archive.common.Hashes.sha256((name + '\u0000' + credentials)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
