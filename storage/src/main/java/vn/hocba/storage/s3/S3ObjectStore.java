package vn.hocba.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;

import io.minio.BucketExistsArgs;
import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.ObjectWriteResponse;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import io.minio.messages.Item;
import io.minio.messages.VersioningConfiguration;
import okhttp3.Headers;
import okhttp3.Response;

import vn.hocba.storage.IntegrityException;
import vn.hocba.storage.NoSuchObjectException;
import vn.hocba.storage.ObjectExistsException;
import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectLockedException;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.PutObjectArgs;
import vn.hocba.storage.Retention;
import vn.hocba.storage.RetentionChangeRefusedException;
import vn.hocba.storage.RetentionMode;
import vn.hocba.storage.StorageException;
import vn.hocba.storage.StorageUnavailableException;
import vn.hocba.storage.StoredObject;
import vn.hocba.storage.VerifyingInputStream;

/**
 * The {@link ObjectStore} on an S3 bucket with Object Lock (MinIO, Ceph RGW, AWS S3), through the MinIO Java client:
 * the server itself refuses to delete or overwrite a locked version, whoever holds the credentials.
 *
 * <ul>
 * <li>Every object is written once with its retention (S3 Object Lock mode and retain-until date; a permanent
 * retention is {@link #PERMANENT_UNTIL}), its legal hold off, its SHA-256 as user metadata {@code x-amz-meta-sha256}
 * (hex) and, where the server checks one, as {@code x-amz-checksum-sha256}, so a body damaged on the way is refused by
 * the server.</li>
 * <li>The bucket keeps versions (Object Lock needs it). An object is the <em>first</em> version written under its key:
 * a later version can only come from outside the archive (our writes refuse an existing key), so reads keep serving
 * the original, and {@link #verify} reports the key as altered when any other version holds other bytes.</li>
 * <li>Errors: a refusal by the lock becomes {@link ObjectLockedException}, an absent key or version
 * {@link NoSuchObjectException}, a server that does not answer or answers 5xx {@link StorageUnavailableException}.</li>
 * <li>Two instances writing different bytes under one key at the same instant can both reach the server: the first
 * version wins and the other caller gets {@link ObjectExistsException}, but its version stays, locked; the archive's
 * keys are content-addressed, so the same key always means the same bytes.</li>
 * </ul>
 * Thread-safe. The caller closes it.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

    /**
     * The retain-until date that stands for a permanent retention. S3 has no "forever", and servers keep the date in
     * different ways: Ceph RGW 16 keeps it in 32-bit seconds, so a date after 2106-02-07 wraps round (the year 9999
     * came back as 1992, an object no longer locked; 2500 as 2091). The first day of 2106 fits every server; before
     * then the archive must extend the retention of what it keeps (on a server that can keep a later date). Every
     * write and extension reads the date back and refuses a server that did not keep it.
     */
    public static final Instant PERMANENT_UNTIL = Instant.parse("2106-01-01T00:00:00Z");

    private static final String SHA256_META = "sha256";
    private static final HexFormat HEX = HexFormat.of();

    private final Settings settings;
    private final Client client;
    private final Clock clock;
    private final ReentrantLock[] writeLocks = new ReentrantLock[64];
    /** Key → version id of its original: immutable facts, forgotten on delete. */
    private final Map<String, String> originals = new ConcurrentHashMap<>();

    /**
     * Where the bucket is and how to reach it. The secret key never appears in {@link #toString()}.
     *
     * @param endpoint  the S3 endpoint, for example {@code https://s3.example.vn} or {@code http://127.0.0.1:7480}
     * @param region    the region the bucket lives in ({@code us-east-1} when the server has none)
     * @param bucket    a bucket created with Object Lock enabled
     * @param accessKey the access key id
     * @param secretKey the secret access key
     * @param checksums whether to send {@code x-amz-checksum-sha256} (servers that do not know it ignore or refuse it)
     */
    public record Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
                           boolean checksums) {

        /** Validates that every component is present. */
        public Settings {
            for (var part : new String[] {endpoint, region, bucket, accessKey, secretKey}) {
                if (part == null || part.isBlank()) {
                    throw new IllegalArgumentException("the S3 store needs an endpoint, a region, a bucket, an access key"
                            + " and a secret key");
                }
            }
        }

        @Override
        public String toString() {
            return "S3 bucket " + bucket + " at " + endpoint + " (region " + region + ", access key " + accessKey + ")";
        }
    }

    private S3ObjectStore(Settings settings, Client client, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        for (int i = 0; i < writeLocks.length; i++) {
            writeLocks[i] = new ReentrantLock();
        }
    }

    /**
     * Connects to the bucket and checks that it can keep records: it exists, keeps versions and has Object Lock.
     *
     * @throws IllegalStateException       when the bucket is missing, or has no Object Lock or no versioning, or the
     *                                     keys are refused (the message says which and what to do)
     * @throws StorageUnavailableException when the server does not answer
     */
    public static S3ObjectStore open(Settings settings, Clock clock) {
        S3ObjectStore store = connect(settings, clock);
        store.checkBucket();
        return store;
    }

    /**
     * Connects without asking the server anything, for a service that starts while the server is down: the bucket is
     * checked as {@link #open} does before the first write, and no object is written until it passes.
     */
    public static S3ObjectStore connect(Settings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        MinioAsyncClient minio = MinioAsyncClient.builder().endpoint(settings.endpoint())
                .region(settings.region()).credentials(settings.accessKey(), settings.secretKey()).build();
        return new S3ObjectStore(settings, new Client(minio), clock);
    }

    private volatile boolean bucketChecked;

    private void checkBucket() {
        if (bucketChecked) {
            return;
        }
        String bucket = settings.bucket();
        boolean exists;
        try {
            exists = call(null, () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (StorageException e) {
            throw new IllegalStateException("the S3 server at " + settings.endpoint() + " refused the keys for bucket "
                    + bucket + " (" + e.getMessage() + "): check HOCBA_S3_ACCESS_KEY, HOCBA_S3_SECRET_KEY and "
                    + "HOCBA_S3_REGION", e);
        }
        if (!exists) {
            throw new IllegalStateException("the S3 bucket " + bucket + " does not exist at " + settings.endpoint()
                    + ": create it with Object Lock enabled (aws s3api create-bucket --bucket " + bucket
                    + " --object-lock-enabled-for-bucket)");
        }
        try {
            call(null, () -> client.getObjectLockConfiguration(
                    GetObjectLockConfigurationArgs.builder().bucket(bucket).build()));
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (StorageException e) {
            throw new IllegalStateException("the S3 bucket " + bucket + " at " + settings.endpoint()
                    + " has no Object Lock, so the server would let archived records be deleted or overwritten: use a"
                    + " bucket created with Object Lock enabled", e);
        }
        VersioningConfiguration versioning = call(null, () -> client.getBucketVersioning(
                GetBucketVersioningArgs.builder().bucket(bucket).build()));
        if (versioning.status() != VersioningConfiguration.Status.ENABLED) {
            throw new IllegalStateException("the S3 bucket " + bucket + " does not keep versions (" + versioning.status()
                    + "): Object Lock needs versioning enabled");
        }
        bucketChecked = true;
    }

    /** The bucket and server this store writes to (no secret). */
    public Settings settings() {
        return settings;
    }

    // ---- writing -----------------------------------------------------------------------------------

    @Override
    public StoredObject put(PutObjectArgs args) {
        Objects.requireNonNull(args, "args");
        ObjectKey key = args.key();
        if (!args.retention().inForce(clock.instant())) {
            throw new IllegalArgumentException("retention must end in the future: " + args.retention());
        }
        requireRepresentable(args.retention());
        checkBucket(); // once: a store connected while the server was down writes nothing to a bucket without a lock
        byte[] content = readExactly(key, args);
        String sha256 = HEX.formatHex(digest().digest(content));
        String expected = args.expectedSha256().orElse(sha256);
        if (!expected.equals(sha256)) {
            throw new IntegrityException(key, expected, sha256, "content does not match the expected SHA-256");
        }
        ReentrantLock lock = writeLocks[Math.floorMod(key.value().hashCode(), writeLocks.length)];
        lock.lock();
        try {
            Optional<StoredObject> existing = stat(key);
            if (existing.isPresent()) {
                return sameOrRefuse(existing.get(), sha256);
            }
            String written = write(key, args, content, sha256);
            // another instance may have written the same key at the same instant: the first version is the object
            String original = original(key).orElse(written);
            StoredObject stored = head(key, original);
            if (!original.equals(written)) {
                return sameOrRefuse(stored, sha256);
            }
            if (!stored.retention().equals(args.retention())) {
                refuseUnkeptRetention(key, written, args.retention(), stored.retention());
            }
            return stored;
        } finally {
            lock.unlock();
        }
    }

    private String write(ObjectKey key, PutObjectArgs args, byte[] content, String sha256) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (settings.checksums()) {
            headers.put("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(HEX.parseHex(sha256)));
        }
        Retention retention = args.retention();
        var lock = new io.minio.messages.Retention(mode(retention.mode()),
                ZonedDateTime.ofInstant(retention.isPermanent() ? PERMANENT_UNTIL : retention.retainUntil(),
                        ZoneOffset.UTC));
        ObjectWriteResponse response = call(key, () -> client.putObject(io.minio.PutObjectArgs.builder()
                .bucket(settings.bucket()).object(key.value())
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(args.contentType()).userMetadata(Map.of(SHA256_META, sha256)).headers(headers)
                .retention(lock).legalHold(false).build()));
        if (response.versionId() == null) {
            throw new StorageException(key, "the S3 server kept no version of " + key
                    + ": the bucket does not keep versions, so it cannot lock objects");
        }
        return response.versionId();
    }

    /**
     * The server stored another retain-until date than the one sent (a date it cannot represent): the version is not
     * protected as asked, so it is removed while that is still possible, and the write fails.
     */
    private void refuseUnkeptRetention(ObjectKey key, String versionId, Retention asked, Retention kept) {
        try {
            call(key, () -> client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key.value())
                    .versionId(versionId).build()));
            originals.remove(key.value());
        } catch (StorageException stays) {
            // locked after all, if not as asked: it stays, and the error says so
        }
        throw new StorageException(key, "the S3 server did not keep the retention of " + key + ": asked " + asked
                + ", kept " + kept);
    }

    /** A finite retention must end before {@link #PERMANENT_UNTIL}, the date that stands for "permanent". */
    private static void requireRepresentable(Retention retention) {
        if (!retention.isPermanent() && !retention.retainUntil().isBefore(PERMANENT_UNTIL)) {
            throw new IllegalArgumentException("a retention ending on or after " + PERMANENT_UNTIL
                    + " is kept as permanent: ask for a permanent retention");
        }
    }

    private static StoredObject sameOrRefuse(StoredObject existing, String sha256) {
        if (existing.sha256().equals(sha256)) {
            return existing;
        }
        throw new ObjectExistsException(existing.key(), existing.sha256(), sha256);
    }

    private static byte[] readExactly(ObjectKey key, PutObjectArgs args) {
        if (args.size() > Integer.MAX_VALUE - 8) {
            throw new IntegrityException(key, null, null, "content larger than 2 GB is not archived");
        }
        InputStream in = args.content(); // the caller's stream: not ours to close
        try {
            byte[] content = in.readNBytes((int) args.size());
            if (content.length < args.size()) {
                throw new IntegrityException(key, null, null, "content is shorter than its declared size " + args.size());
            }
            if (in.read() >= 0) {
                throw new IntegrityException(key, null, null, "content is longer than its declared size " + args.size());
            }
            return content;
        } catch (IOException e) {
            throw new StorageException(key, "cannot read the content of " + key, e);
        }
    }

    // ---- reading -----------------------------------------------------------------------------------

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        Objects.requireNonNull(key, "key");
        Optional<String> original = original(key);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(head(key, original.get()));
        } catch (NoSuchObjectException gone) { // deleted by another instance since it was remembered
            originals.remove(key.value());
            return original(key).map(version -> head(key, version));
        }
    }

    @Override
    public InputStream get(ObjectKey key) {
        StoredObject object = require(key);
        GetObjectResponse response = call(key, () -> client.getObject(GetObjectArgs.builder().bucket(settings.bucket())
                .object(key.value()).versionId(originals.get(key.value())).build()));
        return new VerifyingInputStream(response, object);
    }

    @Override
    public byte[] getBytes(ObjectKey key) {
        try (InputStream in = get(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StorageUnavailableException(key, "reading " + key + " from the S3 store failed", e);
        }
    }

    // ---- protection --------------------------------------------------------------------------------

    @Override
    public void delete(ObjectKey key) {
        StoredObject object = require(key);
        if (object.locked(clock.instant())) {
            throw new ObjectLockedException(key, object.retention(), object.legalHold());
        }
        // every version goes, the original last: a version written under the key from outside is removed with it
        List<Item> versions = versions(key);
        versions.sort(Comparator.comparing((Item item) -> originals.get(key.value()).equals(item.versionId())));
        for (Item version : versions) {
            try {
                call(key, () -> client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket())
                        .object(key.value()).versionId(version.versionId()).build()));
            } catch (ObjectLockedException refused) {
                // the server's clock or a hold set by another instance: the server decides, and says why
                StoredObject now = stat(key).orElse(object);
                throw new ObjectLockedException(key, now.retention(), now.legalHold());
            }
        }
        originals.remove(key.value());
    }

    @Override
    public void setLegalHold(ObjectKey key, boolean on) {
        require(key);
        String version = originals.get(key.value());
        if (on) {
            call(key, () -> client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder().bucket(settings.bucket())
                    .object(key.value()).versionId(version).build()));
        } else {
            call(key, () -> client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder()
                    .bucket(settings.bucket()).object(key.value()).versionId(version).build()));
        }
    }

    @Override
    public StoredObject extendRetention(ObjectKey key, Retention longer) {
        Objects.requireNonNull(longer, "longer");
        StoredObject object = require(key);
        if (!object.retention().allowsChangeTo(longer)) {
            throw new RetentionChangeRefusedException(key, object.retention(), longer);
        }
        if (object.retention().equals(longer)) {
            return object;
        }
        requireRepresentable(longer);
        var lock = new io.minio.messages.Retention(mode(longer.mode()),
                ZonedDateTime.ofInstant(longer.isPermanent() ? PERMANENT_UNTIL : longer.retainUntil(), ZoneOffset.UTC));
        // S3 changes the mode of a GOVERNANCE version only with the bypass header; the change was checked above to
        // strengthen it, never to weaken it
        boolean fromGovernance = object.retention().mode() == RetentionMode.GOVERNANCE;
        call(key, () -> client.setObjectRetention(SetObjectRetentionArgs.builder().bucket(settings.bucket())
                .object(key.value()).versionId(originals.get(key.value())).config(lock)
                .bypassGovernanceMode(fromGovernance).build()));
        StoredObject extended = head(key, originals.get(key.value()));
        if (!extended.retention().equals(longer)) {
            throw new StorageException(key, "the S3 server did not keep the retention of " + key + ": asked " + longer
                    + ", kept " + extended.retention());
        }
        return extended;
    }

    // ---- fixity and listing ------------------------------------------------------------------------

    /**
     * Re-reads the original version and compares its bytes with the SHA-256 and size recorded when it was written;
     * then every other version of the key, which must hold the same bytes (a retry of the same write) or the key was
     * written behind the archive's back. A delete marker on the key also makes it altered: the original stays, locked,
     * but whoever reads the bucket directly sees the key deleted.
     */
    @Override
    public boolean verify(ObjectKey key) {
        StoredObject object = require(key);
        String original = originals.get(key.value());
        List<Item> listed = listing(key);
        if (listed.stream().anyMatch(Item::isDeleteMarker)) {
            return false;
        }
        for (Item version : listed) {
            if (!intact(key, version.versionId(), object, version.versionId().equals(original))) {
                return false;
            }
        }
        return true;
    }

    private boolean intact(ObjectKey key, String versionId, StoredObject original, boolean isOriginal) {
        MessageDigest digest = digest();
        long size = 0;
        try (InputStream in = call(key, () -> client.getObject(GetObjectArgs.builder().bucket(settings.bucket())
                .object(key.value()).versionId(versionId).build()))) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (NoSuchObjectException gone) {
            return !isOriginal;
        } catch (IOException e) {
            throw new StorageUnavailableException(key, "reading " + key + " from the S3 store failed", e);
        }
        return size == original.size() && HEX.formatHex(digest.digest()).equals(original.sha256());
    }

    /**
     * Lazily, page by page as the server lists them: S3 lists keys in ascending order with the versions of a key
     * together, so each key is given once. Versions, not the latest objects: a delete marker put from outside does not
     * hide a locked original.
     */
    @Override
    public Stream<ObjectKey> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        Iterator<Result<Item>> results = client.listObjects(ListObjectsArgs.builder().bucket(settings.bucket())
                .prefix(prefix).recursive(true).includeVersions(true).build()).iterator();
        Iterator<ObjectKey> keys = new Iterator<>() {
            private String last;
            private String next;

            @Override
            public boolean hasNext() {
                while (next == null && results.hasNext()) {
                    Item item = call(null, results.next()::get);
                    if (!item.isDeleteMarker() && !item.isDir() && !item.objectName().equals(last)) {
                        next = item.objectName();
                    }
                }
                return next != null;
            }

            @Override
            public ObjectKey next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                last = next;
                next = null;
                return new ObjectKey(last);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys,
                Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL), false);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // the HTTP client's threads and connections go with the process
        }
    }

    // ---- versions ----------------------------------------------------------------------------------

    private StoredObject require(ObjectKey key) {
        return stat(key).orElseThrow(() -> new NoSuchObjectException(key));
    }

    /** The version id of the key's original (its oldest version), remembered once known. */
    private Optional<String> original(ObjectKey key) {
        String known = originals.get(key.value());
        if (known != null) {
            return Optional.of(known);
        }
        List<Item> versions = versions(key);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        // S3 lists a key's versions newest first
        String oldest = versions.get(versions.size() - 1).versionId();
        originals.put(key.value(), oldest);
        return Optional.of(oldest);
    }

    /** The versions stored under exactly this key (not delete markers), newest first. */
    private List<Item> versions(ObjectKey key) {
        return listing(key).stream().filter(item -> !item.isDeleteMarker()).collect(
                java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** Everything stored under exactly this key, versions and delete markers, newest first. */
    private List<Item> listing(ObjectKey key) {
        List<Item> out = new ArrayList<>();
        for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(settings.bucket())
                .prefix(key.value()).recursive(true).includeVersions(true).build())) {
            Item item = call(key, result::get);
            if (item.objectName().equals(key.value())) {
                out.add(item);
            }
            if (item.objectName().compareTo(key.value()) > 0 && !item.objectName().startsWith(key.value())) {
                break;
            }
        }
        return out;
    }

    /**
     * The object as a HEAD of one version describes it. Read from the headers here: the client's own parsing of
     * the retain-until date fails on the nanoseconds some servers write ({@code 2026-09-05T01:00:00.000000000Z}).
     */
    private StoredObject head(ObjectKey key, String versionId) {
        Headers headers = call(key, () -> client.head(settings.bucket(), key.value(), versionId));
        String sha256 = headers.get("x-amz-meta-" + SHA256_META);
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IntegrityException(key, null, null, "the object carries no SHA-256 of its bytes: not written by"
                    + " the archive");
        }
        String length = headers.get("Content-Length");
        String contentType = Optional.ofNullable(headers.get("Content-Type")).orElse(PutObjectArgs.DEFAULT_CONTENT_TYPE);
        Instant storedAt = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(headers.get("Last-Modified")));
        return new StoredObject(key, length == null ? 0 : Long.parseLong(length), sha256, contentType, storedAt,
                retention(key, headers, storedAt), "ON".equalsIgnoreCase(headers.get("x-amz-object-lock-legal-hold")),
                versionId);
    }

    private static Retention retention(ObjectKey key, Headers headers, Instant storedAt) {
        String mode = headers.get("x-amz-object-lock-mode");
        String until = headers.get("x-amz-object-lock-retain-until-date");
        if (mode == null || until == null) {
            // no lock on this version: it was not written by the archive; report a retention already over
            return Retention.governance(storedAt);
        }
        Instant retainUntil;
        try {
            retainUntil = Instant.parse(until);
        } catch (DateTimeParseException e) {
            throw new StorageException(key, "unreadable retain-until date " + until + " of " + key, e);
        }
        RetentionMode retentionMode = RetentionMode.valueOf(mode.toUpperCase(Locale.ROOT));
        return !retainUntil.isBefore(PERMANENT_UNTIL) && retentionMode == RetentionMode.COMPLIANCE
                ? Retention.permanent() : new Retention(retentionMode, retainUntil);
    }

    private static io.minio.messages.RetentionMode mode(RetentionMode mode) {
        return mode == RetentionMode.COMPLIANCE ? io.minio.messages.RetentionMode.COMPLIANCE
                : io.minio.messages.RetentionMode.GOVERNANCE;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---- errors ------------------------------------------------------------------------------------

    /** A call of the client that returns a future or a value. */
    @FunctionalInterface
    private interface S3Call<T> {
        Object run() throws Exception;
    }

    /** Runs one S3 call and translates its failure into the port's exceptions. */
    @SuppressWarnings("unchecked")
    private <T> T call(ObjectKey key, S3Call<T> call) {
        try {
            Object result = call.run();
            if (result instanceof CompletableFuture<?> future) {
                result = future.get();
            }
            return (T) result;
        } catch (ExecutionException e) {
            throw translate(key, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException(key, "interrupted while calling the S3 store", e);
        } catch (Exception e) {
            throw translate(key, e);
        }
    }

    private StorageException translate(ObjectKey key, Throwable e) {
        if (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof StorageException storage) {
            return storage;
        }
        if (e instanceof ErrorResponseException error) {
            String code = error.errorResponse() == null ? "" : String.valueOf(error.errorResponse().code());
            int status = error.response() == null ? 0 : error.response().code();
            String message = error.errorResponse() == null ? "" : String.valueOf(error.errorResponse().message());
            if (key != null && (code.equals("NoSuchKey") || code.equals("NoSuchVersion") || status == 404)) {
                return new NoSuchObjectException(key);
            }
            if (code.equals("AccessDenied") && message.toLowerCase(Locale.ROOT).contains("lock")) {
                return new ObjectLockedException(key, Retention.permanent(), false);
            }
            if (status >= 500) {
                return new StorageUnavailableException(key, "the S3 store answered " + status + " " + code, e);
            }
            return new StorageException(key, "the S3 store refused: " + code + " " + message, e);
        }
        if (e instanceof ServerException || e instanceof ConnectException || e instanceof InterruptedIOException
                || e instanceof IOException) {
            return new StorageUnavailableException(key, "the S3 store at " + settings.endpoint()
                    + " does not answer: " + e.getMessage(), e);
        }
        return new StorageException(key, "S3 call failed: " + e, e);
    }

    /** The MinIO client, with a HEAD whose headers are read by the caller. */
    private static final class Client extends MinioAsyncClient {

        Client(MinioAsyncClient client) {
            super(client);
        }

        Headers head(String bucket, String object, String versionId) throws Exception {
            Multimap<String, String> query = HashMultimap.create();
            if (versionId != null) {
                query.put("versionId", versionId);
            }
            StatObjectArgs args = StatObjectArgs.builder().bucket(bucket).object(object).build();
            try (Response response = executeHead(args, HashMultimap.create(), query)) {
                return response.headers();
            }
        }
    }
}
