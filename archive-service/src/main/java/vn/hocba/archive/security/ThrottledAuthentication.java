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

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    /**
     * @throws SignInLockedException the name is locked (whatever the password), or this failure locked it
     * @throws BadCredentialsException wrong name or password (counted)
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        var state = throttle.state(name);
        if (state.lockedAt(throttle.now())) {
            throw new SignInLockedException(state.lockedUntil());
        }
        Authentication done;
        try {
            done = delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            var locked = throttle.failed(name);
            if (locked.isPresent()) {
                throw new SignInLockedException(locked.get());
            }
            throw e;
        }
        if (state != LoginThrottle.State.NONE) {
            throttle.succeeded(name); // only when something was counted: a signed-in API call writes nothing
        }
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
