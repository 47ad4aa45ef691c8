package vn.hocba.archive.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hocba.archive.common.AccountLocked;
import vn.hocba.archive.common.Hashes;

/**
 * Lockout after repeated failed sign-ins (OWASP ASVS 2.2.1), for the login form and HTTP Basic on the API alike: after
 * {@code max-failures} failures in a row, each within {@code lockout} of the one before, the account name is refused
 * for {@code lockout}, even with the right password; then the owner signs in as before. Each password check is counted
 * under the lock of its count ({@link #guarded}), so parallel guesses get no more checks than sequential ones. Counted per name tried,
 * whether an account has it or not (a lockout tells nothing about which names exist), in the database (table
 * {@code login_failure}), so every instance and a restart see the same count. A success clears the count. Each lockout
 * goes to the audit log ({@link AccountLocked}).
 */
final class LoginThrottle {

    /**
     * @param maxFailures failed sign-ins in a row that lock the name (1 to 1000; default 5)
     * @param lockout     how long the name stays locked, and how long a failure counts towards the next lockout
     *                    (1 second to 1 day; default 15 minutes)
     * @param clientLimit wrong passwords one client address may have checked per {@code clientWindow}, whatever the
     *                    names ({@link ClientThrottle}; default 60)
     * @param clientWindow the window of {@code clientLimit} (default 1 minute)
     */
    @ConfigurationProperties("hocba.login")
    record Settings(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockout,
                    @DefaultValue("60") int clientLimit, @DefaultValue("PT1M") Duration clientWindow) {

        Settings {
            if (maxFailures < 1 || maxFailures > 1000) {
                throw new IllegalArgumentException("hocba.login.max-failures must be between 1 and 1000: " + maxFailures);
            }
            if (lockout.compareTo(Duration.ofSeconds(1)) < 0 || lockout.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("hocba.login.lockout must be between PT1S and P1D: " + lockout);
            }
        }
    }

    /** What is known of a name before its password is checked: failures counted (0: none) and any lock. */
    record State(int failures, Instant lockedUntil) {

        static final State NONE = new State(0, null);

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private static final int MAX_KEY = 255;

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Settings settings;

    LoginThrottle(JdbcClient db, TransactionTemplate tx, Clock clock, ApplicationEventPublisher events, Settings settings) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
        this.settings = settings;
    }

    Instant now() {
        return clock.instant();
    }

    /** The name's failures and lock, {@link State#NONE} when nothing is recorded. */
    State state(String username) {
        return db.sql("select failures, locked_until from login_failure where username = ?").param(key(username))
                .query((rs, i) -> new State(rs.getInt(1), instant(rs.getTimestamp(2))))
                .optional().orElse(State.NONE);
    }

    /** How a guarded check ended. */
    sealed interface Outcome<T> {
    }

    /** The check passed: its result. */
    record Passed<T>(T result) implements Outcome<T> {
    }

    /** The check failed, and was counted. */
    record Failed<T>(RuntimeException failure) implements Outcome<T> {
    }

    /** Refused before any check: the name is locked until then. */
    record Locked<T>(Instant until) implements Outcome<T> {
    }

    /**
     * Runs one password check of {@code username} under the lock of its count, so that checks of one name run one
     * at a time and each sees the failures before it: parallel guesses get no more checks than guesses in a row, and
     * parallel right passwords (a client opening several connections) are never counted against the name. A check
     * that throws {@code failureType} counts as a failure; the attempt after {@code max-failures} counted ones locks
     * the name. Names of different accounts do not wait for each other.
     */
    <T> Outcome<T> guarded(String username, java.util.function.Supplier<T> check,
                           Class<? extends RuntimeException> failureType) {
        String key = key(username);
        return tx.execute(status -> {
            Instant now = clock.instant();
            // the row exists before it is locked for update: two first attempts at once wait, not fail; a
            // parallel sweep may remove it between the two statements: then it is made again
            Object[] row = null;
            for (int attempt = 0; attempt < 5 && row == null; attempt++) {
                db.sql("insert into login_failure (username, failures, last_failure_at) values (?, 0, ?) on conflict do nothing")
                        .params(key, Timestamp.from(now)).update();
                row = db.sql("select failures, last_failure_at, locked_until from login_failure where username = ? for update")
                        .param(key)
                        .query((rs, i) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant(),
                                instant(rs.getTimestamp(3))})
                        .optional().orElse(null);
            }
            if (row == null) {
                throw new IllegalStateException("the sign-in count of a name kept vanishing"); // never seen
            }
            Instant lockedUntil = (Instant) row[2];
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return new Locked<T>(lockedUntil); // locked meanwhile by a parallel attempt
            }
            boolean stale = ((Instant) row[1]).plus(settings.lockout()).isBefore(now);
            int failures = stale || lockedUntil != null ? 0 : (int) row[0];
            if (failures >= settings.maxFailures()) {
                Instant until = now.plus(settings.lockout());
                db.sql("update login_failure set failures = 0, last_failure_at = ?, locked_until = ? where username = ?")
                        .params(Timestamp.from(now), Timestamp.from(until), key).update();
                events.publishEvent(new AccountLocked(key, failures, until));
                return new Locked<T>(until);
            }
            T result;
            try {
                result = check.get();
            } catch (RuntimeException e) {
                if (!failureType.isInstance(e)) {
                    throw e;
                }
                db.sql("update login_failure set failures = ?, last_failure_at = ?, locked_until = null where username = ?")
                        .params(failures + 1, Timestamp.from(clock.instant()), key).update();
                return new Failed<T>(e);
            }
            db.sql("delete from login_failure where username = ?").param(key).update();
            return new Passed<T>(result);
        });
    }

    /**
     * Removes the rows that no longer count: a lock that has ended, failures older than {@code lockout}. Names tried
     * once (a flood of made-up names) leave nothing behind for longer than that.
     *
     * @return rows removed
     */
    @org.springframework.scheduling.annotation.Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void forgetExpiredNow() {
        forgetExpired();
    }

    int forgetExpired() {
        Timestamp before = Timestamp.from(clock.instant().minus(settings.lockout()));
        return db.sql("delete from login_failure where last_failure_at < ? and (locked_until is null or locked_until < ?)")
                .params(before, Timestamp.from(clock.instant())).update();
    }


    /**
     * The name as stored: itself, or its sha256 when longer than the column or holding a control character (a NUL
     * is refused by PostgreSQL in a query).
     */
    private static String key(String username) {
        String name = username == null ? "" : username;
        return name.length() <= MAX_KEY && name.chars().noneMatch(Character::isISOControl) ? name
                : "sha256:" + Hashes.sha256(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
