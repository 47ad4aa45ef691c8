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
    private final java.util.Map<String, Boolean> recentlyPassed = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private final ClientThrottle clients;
    /** Names that signed in since this instance started (the most recent {@code KNOWN_NAMES}: a province's staff). */
    private static final int KNOWN_NAMES = 50_000;

    private final java.util.Map<String, Boolean> signedInRecently = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > KNOWN_NAMES;
                }
            });

    ThrottledAuthentication(AuthenticationProvider delegate, LoginThrottle throttle, ClientThrottle clients) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.clients = clients;
    }

    /**
     * A locked name is refused before anything else. Credentials that passed recently are checked again (a changed
     * password fails) without a count: an API client sends them with every call, and counting would write twice a
     * call. Any other attempt is counted before its password is checked ({@link LoginThrottle#admit}), and the count
     * is cleared when it passes.
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
        var locked = throttle.admit(name);
        if (locked.isPresent()) {
            if (!known) {
                clients.refund(address); // nothing was checked
            }
            throw new SignInLockedException(locked.get());
        }
        if (name == null || name.chars().anyMatch(Character::isISOControl)) {
            throw new BadCredentialsException("bad credentials"); // no account has such a name; counted, never queried
        }
        // a wrong password stays counted, for the name and the address
        Authentication done = delegate.authenticate(authentication);
        if (!known) {
            clients.refund(address);
        }
        throttle.succeeded(name);
        signedInRecently.put(name, Boolean.TRUE);
        recentlyPassed.put(credentials, Boolean.TRUE);
        return done;
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
