package vn.hocba.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The part of the contract that moves the store's clock: retention running out, centuries passing, a hold outliving
 * its retention. For stores whose clock the test controls (the filesystem store); against a real S3 server the same
 * rules are shown with retentions of a few seconds (S3ObjectStoreIT).
 */
public abstract class TimeTravelContract extends ObjectStoreContract {

    /** The clock the store reads "now" from, starting at {@link #T0}. */
    protected abstract MutableClock clock();

    @Override
    protected final Instant start() {
        return T0;
    }

    @Test
    void identicalPutLaterIsIdempotent() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        StoredObject first = store().put(args(key, PDF, Retention.permanent()).contentType("application/pdf").build());
        clock().advance(Duration.ofMinutes(5));

        StoredObject retried = store().put(args(key, PDF, Retention.compliance(T0.plus(Duration.ofDays(1))))
                .contentType("application/octet-stream").build());

        assertThat(retried).isEqualTo(first);
        assertThat(store().stat(key)).contains(first);
    }

    @Test
    void refusesDeleteUntilTheLastMillisecondOfRetention() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        Instant until = T0.plus(Duration.ofDays(365));
        store().put(args(key, PDF, Retention.compliance(until)).build());
        clock().set(until.minusMillis(1));

        ObjectLockedException refused = catchThrowableOfType(() -> store().delete(key), ObjectLockedException.class);

        assertThat(refused.retainUntil()).contains(until);
        assertThat(store().getBytes(key)).isEqualTo(PDF);
    }

    @Test
    void refusesDeleteOfPermanentObjectCenturiesLater() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store().put(args(key, PDF, Retention.permanent()).build());
        clock().advance(Duration.ofDays(365L * 200));

        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(ObjectLockedException.class);
        assertThat(store().stat(key)).isPresent();
    }

    @Test
    void deleteAllowedAfterRetentionEnds() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        Instant until = T0.plus(Duration.ofDays(365));
        store().put(args(key, PDF, Retention.compliance(until)).build());
        clock().set(until);

        store().delete(key);

        assertThat(store().stat(key)).isEmpty();
        assertThat(store().list("")).isEmpty();
        assertThatThrownBy(() -> store().getBytes(key)).isInstanceOf(NoSuchObjectException.class);
    }

    @Test
    void legalHoldBlocksDeleteEvenAfterRetention() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        Instant until = T0.plus(Duration.ofDays(1));
        store().put(args(key, PDF, Retention.compliance(until)).build());
        store().setLegalHold(key, true);
        clock().advance(Duration.ofDays(30));

        ObjectLockedException refused = catchThrowableOfType(() -> store().delete(key), ObjectLockedException.class);

        assertThat(refused.legalHold()).isTrue();
        assertThat(store().stat(key)).get().extracting(StoredObject::legalHold).isEqualTo(true);
    }

    @Test
    void releasedLegalHoldNoLongerBlocksDeleteAfterRetention() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store().put(args(key, PDF, Retention.compliance(T0.plus(Duration.ofDays(1)))).build());
        store().setLegalHold(key, true);
        clock().advance(Duration.ofDays(30));

        store().setLegalHold(key, false);
        store().delete(key);

        assertThat(store().stat(key)).isEmpty();
    }
}
