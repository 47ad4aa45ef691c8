package vn.hocba.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ObjectStore} adapter must show without moving its clock: the core of the contract, which
 * any real server passes (radosgw for the S3 adapter). An adapter's test extends this class, or
 * {@link TimeTravelContract} when the test controls the store's clock, and supplies a fresh, empty store.
 */
public abstract class ObjectStoreContract {

    /** Start of every time-travel test's clock. */
    protected static final Instant T0 = Instant.parse("2025-09-05T01:00:00Z");

    protected static final byte[] PDF = "%PDF-1.7 học bạ lớp 10A1".getBytes(UTF_8);
    protected static final byte[] OTHER_PDF = "%PDF-1.7 học bạ lớp 10A2".getBytes(UTF_8);

    /** The store under test, empty at the start of each test. */
    protected abstract ObjectStore store();

    /**
     * The store's "now" when the test starts, in whole seconds (S3 keeps retain-until dates to the second): the
     * clock's {@link #T0} in a time-travel test, the time of day against a real server.
     */
    protected abstract Instant start();

    /**
     * Alters what is stored under {@code key} behind the store's back, as bit rot or tampering would: the bytes in
     * place where the medium allows it, else a different version written directly to the server.
     */
    protected abstract void corruptStoredBytes(ObjectKey key) throws IOException;

    // ---- writing and reading -----------------------------------------------------------------------

    @Test
    void storesBytesAndReportsTheirMetadata() {
        ObjectKey key = ObjectKey.of("records/2025/hs-001.pdf");

        StoredObject stored = store().put(args(key, PDF, Retention.permanent()).contentType("application/pdf").build());

        assertThat(stored).usingRecursiveComparison().ignoringFields("storedAt", "versionId").isEqualTo(new StoredObject(key,
                PDF.length, sha256(PDF), "application/pdf", start(), Retention.permanent(), false));
        assertThat(stored.storedAt()).isCloseTo(start(), within(2, ChronoUnit.MINUTES));
        assertThat(store().stat(key)).contains(stored);
        assertThat(store().getBytes(key)).isEqualTo(PDF);
        assertThat(readAll(store().get(key))).isEqualTo(PDF);
    }

    @Test
    void storesStreamedContentOfDeclaredSize() {
        ObjectKey key = ObjectKey.of("records/streamed.pdf");

        StoredObject stored = store().put(PutObjectArgs.builder().key(key)
                .content(new ByteArrayInputStream(PDF), PDF.length).retention(Retention.permanent()).build());

        assertThat(stored.sha256()).isEqualTo(sha256(PDF));
        assertThat(stored.size()).isEqualTo(PDF.length);
        assertThat(store().getBytes(key)).isEqualTo(PDF);
    }

    @Test
    void storesAnEmptyObject() {
        ObjectKey key = ObjectKey.of("empty");

        StoredObject stored = store().put(args(key, new byte[0], Retention.permanent()).build());

        assertThat(stored.size()).isZero();
        assertThat(store().getBytes(key)).isEmpty();
        assertThat(store().verify(key)).isTrue();
    }

    @Test
    void refusesStreamShorterOrLongerThanDeclaredAndStoresNothing() {
        ObjectKey key = ObjectKey.of("records/truncated.pdf");

        assertThatThrownBy(() -> store().put(PutObjectArgs.builder().key(key)
                .content(new ByteArrayInputStream(PDF), PDF.length + 1L).retention(Retention.permanent()).build()))
                .isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> store().put(PutObjectArgs.builder().key(key)
                .content(new ByteArrayInputStream(PDF), PDF.length - 1L).retention(Retention.permanent()).build()))
                .isInstanceOf(IntegrityException.class);

        assertThat(store().stat(key)).isEmpty();
        assertThat(store().list("")).isEmpty();
    }

    @Test
    void refusesOverwriteWithOtherContent() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        StoredObject original = store().put(args(key, PDF, Retention.permanent()).build());

        ObjectExistsException refused = catchThrowableOfType(
                () -> store().put(args(key, OTHER_PDF, Retention.permanent()).build()), ObjectExistsException.class);

        assertThat(refused.key()).contains(key);
        assertThat(refused.existingSha256()).isEqualTo(sha256(PDF));
        assertThat(refused.attemptedSha256()).isEqualTo(sha256(OTHER_PDF));
        assertThat(store().getBytes(key)).isEqualTo(PDF);
        assertThat(store().stat(key)).contains(original);
    }

    @Test
    void identicalPutIsIdempotent() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        StoredObject first = store().put(args(key, PDF, Retention.permanent()).contentType("application/pdf").build());

        StoredObject retried = store().put(args(key, PDF, Retention.compliance(start().plus(Duration.ofDays(1))))
                .contentType("application/octet-stream").build());

        assertThat(retried).isEqualTo(first);
        assertThat(store().stat(key)).contains(first);
    }

    @Test
    void rejectsExpectedShaMismatchAndStoresNothing() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");

        IntegrityException refused = catchThrowableOfType(() -> store().put(
                args(key, PDF, Retention.permanent()).expectedSha256(sha256(OTHER_PDF)).build()),
                IntegrityException.class);

        assertThat(refused.key()).contains(key);
        assertThat(refused.expectedSha256()).contains(sha256(OTHER_PDF));
        assertThat(refused.actualSha256()).contains(sha256(PDF));
        assertThat(store().stat(key)).isEmpty();
        assertThat(store().list("")).isEmpty();
    }

    @Test
    void acceptsMatchingExpectedShaInEitherCase() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");

        StoredObject stored = store().put(args(key, PDF, Retention.permanent())
                .expectedSha256(sha256(PDF).toUpperCase()).build());

        assertThat(stored.sha256()).isEqualTo(sha256(PDF));
    }

    @Test
    void refusesRetentionThatHasAlreadyEnded() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");

        assertThatThrownBy(() -> store().put(args(key, PDF, Retention.compliance(start())).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().stat(key)).isEmpty();
    }

    @Test
    void keyAndKeysBelowItCanCoexist() {
        store().put(args(ObjectKey.of("a"), PDF, Retention.permanent()).build());
        store().put(args(ObjectKey.of("a/b"), OTHER_PDF, Retention.permanent()).build());

        assertThat(store().getBytes(ObjectKey.of("a"))).isEqualTo(PDF);
        assertThat(store().getBytes(ObjectKey.of("a/b"))).isEqualTo(OTHER_PDF);
    }

    @Test
    void absentKeyIsReportedAsAbsentByEveryOperation() {
        ObjectKey key = ObjectKey.of("records/none.pdf");

        assertThat(store().stat(key)).isEmpty();
        assertThatThrownBy(() -> store().get(key)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store().getBytes(key)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store().verify(key)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store().setLegalHold(key, true)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store().extendRetention(key, Retention.permanent()))
                .isInstanceOf(NoSuchObjectException.class)
                .satisfies(e -> assertThat(((StorageException) e).key()).contains(key));
    }

    // ---- deletion ----------------------------------------------------------------------------------

    @Test
    void refusesDeleteWhileRetentionInForce() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        Instant until = start().plus(Duration.ofDays(365));
        store().put(args(key, PDF, Retention.compliance(until)).build());

        ObjectLockedException refused = catchThrowableOfType(() -> store().delete(key), ObjectLockedException.class);

        assertThat(refused.key()).contains(key);
        assertThat(refused.retainUntil()).contains(until);
        assertThat(refused.legalHold()).isFalse();
        assertThat(store().getBytes(key)).isEqualTo(PDF);
    }

    @Test
    void refusesDeleteOfPermanentObject() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store().put(args(key, PDF, Retention.permanent()).build());

        ObjectLockedException refused = catchThrowableOfType(() -> store().delete(key), ObjectLockedException.class);

        assertThat(refused.retainUntil()).isEmpty();
        assertThat(store().stat(key)).isPresent();
    }

    @Test
    void governanceRetentionAlsoRefusesDeleteAsThereIsNoBypass() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store().put(args(key, PDF, Retention.governance(start().plus(Duration.ofDays(1)))).build());

        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(ObjectLockedException.class);
        assertThat(store().stat(key)).isPresent();
    }

    // ---- retention changes -------------------------------------------------------------------------

    @Test
    void retentionCanBeExtendedAndGovernanceUpgradedToCompliance() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store().put(args(key, PDF, Retention.governance(start().plus(Duration.ofDays(1)))).build());

        StoredObject extended = store().extendRetention(key, Retention.compliance(start().plus(Duration.ofDays(10))));
        StoredObject permanent = store().extendRetention(key, Retention.permanent());

        assertThat(extended.retention()).isEqualTo(Retention.compliance(start().plus(Duration.ofDays(10))));
        assertThat(permanent.retention()).isEqualTo(Retention.permanent());
        assertThat(store().stat(key)).get().extracting(StoredObject::retention).isEqualTo(Retention.permanent());
        assertThat(store().getBytes(key)).isEqualTo(PDF);
    }

    @Test
    void extendingToTheSameRetentionChangesNothing() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        StoredObject stored = store().put(args(key, PDF, Retention.permanent()).build());

        assertThat(store().extendRetention(key, Retention.permanent())).isEqualTo(stored);
    }

    @Test
    void retentionCannotBeShortened() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        Retention year = Retention.compliance(start().plus(Duration.ofDays(365)));
        store().put(args(key, PDF, year).build());
        Retention month = Retention.compliance(start().plus(Duration.ofDays(30)));

        RetentionChangeRefusedException refused = catchThrowableOfType(
                () -> store().extendRetention(key, month), RetentionChangeRefusedException.class);

        assertThat(refused.current()).isEqualTo(year);
        assertThat(refused.requested()).isEqualTo(month);
        assertThat(store().stat(key)).get().extracting(StoredObject::retention).isEqualTo(year);
    }

    @Test
    void permanentRetentionCannotBecomeFinite() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store().put(args(key, PDF, Retention.permanent()).build());

        assertThatThrownBy(() -> store().extendRetention(key, Retention.compliance(Instant.MAX)))
                .isInstanceOf(RetentionChangeRefusedException.class);
        assertThat(store().stat(key)).get().extracting(StoredObject::retention).isEqualTo(Retention.permanent());
    }

    @Test
    void complianceCannotBecomeGovernance() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        Instant until = start().plus(Duration.ofDays(30));
        store().put(args(key, PDF, Retention.compliance(until)).build());

        assertThatThrownBy(() -> store().extendRetention(key, Retention.governance(until.plus(Duration.ofDays(365)))))
                .isInstanceOf(RetentionChangeRefusedException.class);
        assertThat(store().stat(key)).get().extracting(StoredObject::retention)
                .isEqualTo(Retention.compliance(until));
    }

    // ---- fixity ------------------------------------------------------------------------------------

    @Test
    void verifyConfirmsIntactBytes() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store().put(args(key, PDF, Retention.permanent()).build());

        assertThat(store().verify(key)).isTrue();
    }

    @Test
    void verifyDetectsCorruptedBytes() throws IOException {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store().put(args(key, PDF, Retention.permanent()).build());

        corruptStoredBytes(key);

        assertThat(store().verify(key)).isFalse();
    }

    // ---- listing -----------------------------------------------------------------------------------

    @Test
    void listsKeysStartingWithPrefixInLexicographicOrder() {
        for (String key : List.of("records/b.pdf", "records/a/z.pdf", "records/a.pdf", "records/a-1.pdf",
                "records/ab.pdf", "exports/x.zip", "records0")) {
            store().put(args(ObjectKey.of(key), key.getBytes(UTF_8), Retention.permanent()).build());
        }

        assertThat(store().list("records/").map(ObjectKey::value)).containsExactly(
                "records/a-1.pdf", "records/a.pdf", "records/a/z.pdf", "records/ab.pdf", "records/b.pdf");
        assertThat(store().list("records/a").map(ObjectKey::value)).containsExactly(
                "records/a-1.pdf", "records/a.pdf", "records/a/z.pdf", "records/ab.pdf");
        assertThat(store().list("rec").count()).isEqualTo(6);
        assertThat(store().list("").count()).isEqualTo(7);
        assertThat(store().list("none/")).isEmpty();
    }

    @Test
    void listsContentAddressedKeys() {
        ObjectKey key = ObjectKey.contentAddressed("records", sha256(PDF), "pdf");
        store().put(args(key, PDF, Retention.permanent()).expectedSha256(sha256(PDF)).build());

        assertThat(store().list("records/sha256/" + sha256(PDF).substring(0, 2))).containsExactly(key);
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Test
    void concurrentPutsOfSameContentYieldOneObject() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 10; round++) {
                ObjectKey key = ObjectKey.of("records/race-" + round + ".pdf");
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<StoredObject>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store().put(args(key, PDF, Retention.permanent()).build());
                    }));
                }
                StoredObject first = results.get(0).get(10, TimeUnit.SECONDS);
                for (Future<StoredObject> result : results) {
                    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(first);
                }
                assertThat(store().stat(key)).contains(first);
                assertThat(store().verify(key)).isTrue();
            }
            assertThat(store().list("records/").count()).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentPutsOfDifferentContentLetExactlyOneWin() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ObjectKey key = ObjectKey.of("records/contested.pdf");
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                byte[] content = ("version " + i).getBytes(UTF_8);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return Optional.of(store().put(args(key, content, Retention.permanent()).build()).sha256());
                    } catch (ObjectExistsException e) {
                        return Optional.<String>empty();
                    }
                }));
            }
            List<String> winners = new ArrayList<>();
            for (Future<Optional<String>> result : results) {
                result.get(10, TimeUnit.SECONDS).ifPresent(winners::add);
            }

            assertThat(winners).hasSize(1);
            assertThat(store().stat(key)).get().extracting(StoredObject::sha256).isEqualTo(winners.get(0));
            assertThat(store().verify(key)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    protected static PutObjectArgs.Builder args(ObjectKey key, byte[] content, Retention retention) {
        return PutObjectArgs.builder().key(key).content(content).retention(retention);
    }

    protected static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
