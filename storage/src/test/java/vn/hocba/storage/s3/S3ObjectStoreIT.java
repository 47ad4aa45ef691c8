package vn.hocba.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetObjectRetentionArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.minio.messages.RetentionMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectLockedException;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.ObjectStoreContract;
import vn.hocba.storage.Retention;
import vn.hocba.storage.StorageUnavailableException;
import vn.hocba.storage.StoredObject;

/**
 * The core of the contract against a real Ceph radosgw, then what the server itself enforces, shown by calling the S3
 * API directly, bypassing the store: a locked version cannot be deleted, its retention cannot be shortened, a legal
 * hold outlives the retention, an overwrite makes a new version and the original stays readable.
 */
class S3ObjectStoreIT extends ObjectStoreContract {

    private final S3TestServer server = S3TestServer.shared();
    private final MinioClient raw = server.client();
    private String bucket;
    private S3ObjectStore store;
    private Instant start;

    @BeforeEach
    void openStore() {
        bucket = server.newLockedBucket("contract");
        store = S3ObjectStore.open(server.settings(bucket), Clock.systemUTC());
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected Instant start() {
        return start;
    }

    /** What someone holding the credentials can do to a locked object: write another version under its key. */
    @Override
    protected void corruptStoredBytes(ObjectKey key) throws IOException {
        StoredObject original = store.stat(key).orElseThrow();
        byte[] forged = "%PDF-1.7 forged".getBytes(UTF_8);
        try {
            raw.putObject(PutObjectArgs.builder().bucket(bucket).object(key.value())
                    .stream(new ByteArrayInputStream(forged), forged.length, -1)
                    .userMetadata(Map.of("sha256", original.sha256())).build()); // its metadata copied, not its bytes
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Test
    void theServerRefusesToDeleteALockedVersion() throws Exception {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store.put(args(key, PDF, Retention.compliance(start.plus(Duration.ofDays(1)))).build());

        ErrorResponseException refused = catchThrowableOfType(() -> raw.removeObject(RemoveObjectArgs.builder()
                .bucket(bucket).object(key.value()).versionId(onlyVersion(key)).bypassGovernanceMode(true).build()),
                ErrorResponseException.class);

        assertThat(refused.errorResponse().code()).isEqualTo("AccessDenied");
        assertThat(store.getBytes(key)).isEqualTo(PDF);
    }

    @Test
    void theServerRefusesToShortenOrWeakenARetention() {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        Instant until = start.plus(Duration.ofDays(30));
        store.put(args(key, PDF, Retention.compliance(until)).build());
        String version = onlyVersion(key);

        assertThatThrownBy(() -> raw.setObjectRetention(SetObjectRetentionArgs.builder().bucket(bucket)
                .object(key.value()).versionId(version).bypassGovernanceMode(true)
                .config(new io.minio.messages.Retention(RetentionMode.COMPLIANCE, utc(start.plus(Duration.ofDays(1)))))
                .build())).isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> raw.setObjectRetention(SetObjectRetentionArgs.builder().bucket(bucket)
                .object(key.value()).versionId(version).bypassGovernanceMode(true)
                .config(new io.minio.messages.Retention(RetentionMode.GOVERNANCE, utc(until.plus(Duration.ofDays(1)))))
                .build())).isInstanceOf(ErrorResponseException.class);
        assertThat(store.stat(key)).get().extracting(StoredObject::retention).isEqualTo(Retention.compliance(until));
    }

    @Test
    void aPermanentRetentionIsKeptAsTheFirstDayOf2106AndReadBackAsPermanent() throws Exception {
        ObjectKey key = ObjectKey.of("records/forever.pdf");
        store.put(args(key, PDF, Retention.permanent()).build());

        assertThat(store.stat(key)).get().extracting(StoredObject::retention).isEqualTo(Retention.permanent());
        assertThatThrownBy(() -> raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key.value())
                .versionId(onlyVersion(key)).bypassGovernanceMode(true).build()))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void aLegalHoldOutlivesAShortRetention() throws Exception {
        ObjectKey key = ObjectKey.of("records/held.pdf");
        Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        store.put(args(key, PDF, Retention.compliance(until)).build());
        store.setLegalHold(key, true);
        sleepUntil(until.plusSeconds(1));

        assertThatThrownBy(() -> raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key.value())
                .versionId(onlyVersion(key)).build())).isInstanceOf(ErrorResponseException.class);
        ObjectLockedException refused = catchThrowableOfType(() -> store.delete(key), ObjectLockedException.class);
        assertThat(refused.legalHold()).isTrue();
        assertThat(store.getBytes(key)).isEqualTo(PDF);

        store.setLegalHold(key, false);
        store.delete(key);
        assertThat(store.stat(key)).isEmpty();
        assertThat(versions(key)).isEmpty();
    }

    @Test
    void aShortRetentionRefusesDeleteUntilItEnds() throws Exception {
        ObjectKey key = ObjectKey.of("records/short.pdf");
        Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        store.put(args(key, PDF, Retention.compliance(until)).build());

        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(ObjectLockedException.class);
        sleepUntil(until.plusSeconds(1));
        store.delete(key);

        assertThat(store.stat(key)).isEmpty();
    }

    @Test
    void anOverwriteMakesANewVersionAndTheOriginalStaysReadable() throws Exception {
        ObjectKey key = ObjectKey.of("records/hs-001.pdf");
        store.put(args(key, PDF, Retention.permanent()).build());
        String original = onlyVersion(key);
        assertThat(store.stat(key)).get().extracting(StoredObject::versionId).isEqualTo(original);

        corruptStoredBytes(key);

        assertThat(versions(key)).hasSize(2);
        try (var in = raw.getObject(GetObjectArgs.builder().bucket(bucket).object(key.value())
                .versionId(original).build())) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        try (var in = raw.getObject(GetObjectArgs.builder().bucket(bucket).object(key.value()).build())) {
            assertThat(in.readAllBytes()).as("the latest version is the forged one").isNotEqualTo(PDF);
        }
        assertThat(store.getBytes(key)).as("the store keeps serving the original").isEqualTo(PDF);
        assertThat(store.stat(key)).get().extracting(StoredObject::versionId).isEqualTo(original);
        assertThat(store.verify(key)).as("and reports the key as altered").isFalse();
    }

    @Test
    void aDeleteMarkerPutFromOutsideHidesNothingFromTheStoreButVerifyReportsIt() throws Exception {
        ObjectKey key = ObjectKey.of("records/marked.pdf");
        store.put(args(key, PDF, Retention.permanent()).build());

        raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key.value()).build()); // no version: a marker

        assertThat(store.getBytes(key)).isEqualTo(PDF);
        assertThat(store.list("records/")).containsExactly(key);
        assertThat(store.verify(key)).as("the bucket shows the key deleted").isFalse();
    }

    @Test
    void aBucketWithoutObjectLockIsRefusedWithAClearMessage() throws Exception {
        String plain = "plain-" + bucket.substring(bucket.length() - 12);
        raw.makeBucket(MakeBucketArgs.builder().bucket(plain).build());

        assertThatThrownBy(() -> S3ObjectStore.open(server.settings(plain), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Object Lock");
        assertThatThrownBy(() -> S3ObjectStore.open(server.settings("missing-" + plain), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aStoreConnectedWithoutCheckingWritesNothingToABucketWithoutObjectLock() throws Exception {
        String plain = "unlocked-" + bucket.substring(bucket.length() - 12);
        raw.makeBucket(MakeBucketArgs.builder().bucket(plain).build());
        try (S3ObjectStore unchecked = S3ObjectStore.connect(server.settings(plain), Clock.systemUTC())) {
            assertThatThrownBy(() -> unchecked.put(args(ObjectKey.of("records/x.pdf"), PDF, Retention.permanent())
                    .build())).isInstanceOf(IllegalStateException.class).hasMessageContaining("Object Lock");
        }
        assertThat(raw.listObjects(ListObjectsArgs.builder().bucket(plain).includeVersions(true).build())).isEmpty();
    }

    @Test
    void refusedKeysNameTheSettingsToCheck() {
        var settings = server.settings(bucket);
        var wrong = new S3ObjectStore.Settings(settings.endpoint(), settings.region(), bucket, settings.accessKey(),
                "not-the-secret", true);

        assertThatThrownBy(() -> S3ObjectStore.open(wrong, Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HOCBA_S3_SECRET_KEY");
    }

    @Test
    void aServerThatDoesNotAnswerIsUnavailableNotAnError() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var settings = new S3ObjectStore.Settings("http://127.0.0.1:" + closed, "us-east-1", bucket, "k", "s", true);

        assertThatThrownBy(() -> S3ObjectStore.open(settings, Clock.systemUTC()))
                .isInstanceOf(StorageUnavailableException.class);
    }

    private String onlyVersion(ObjectKey key) {
        List<Item> versions = versions(key);
        assertThat(versions).hasSize(1);
        return versions.get(0).versionId();
    }

    private List<Item> versions(ObjectKey key) {
        List<Item> out = new ArrayList<>();
        for (Result<Item> result : raw.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(key.value())
                .includeVersions(true).recursive(true).build())) {
            try {
                Item item = result.get();
                if (item.objectName().equals(key.value()) && !item.isDeleteMarker()) {
                    out.add(item);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static ZonedDateTime utc(Instant instant) {
        return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
