package vn.hocba.storage.s3;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;

/**
 * A real S3 server with Object Lock for tests: Ceph radosgw on a loopback port, started once per JVM by
 * {@code bin/s3-server} (which installs the Debian packages when they are absent) and stopped when the JVM exits.
 * Tests give each store a bucket of its own, so they never share objects (locked objects cannot be cleaned up).
 */
public final class S3TestServer {

    private static final Pattern LINE = Pattern.compile("endpoint=(\\S+) access_key=(\\S+) secret_key=(\\S+)");
    private static S3TestServer shared;

    private final String endpoint;
    private final String accessKey;
    private final String secretKey;
    private final Path dir;

    private S3TestServer(String endpoint, String accessKey, String secretKey, Path dir) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.dir = dir;
    }

    /** The JVM's server, started on first use (about 15 s). */
    public static synchronized S3TestServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static S3TestServer start() {
        Path root = repositoryRoot();
        Path dir = root.resolve("storage/target/s3-server-" + ProcessHandle.current().pid());
        int port = freePort();
        String line = run("start", dir.toString(), Integer.toString(port), Integer.toString(freePort()));
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("bin/s3-server printed no endpoint: " + line);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop", dir.toString())));
        return new S3TestServer(m.group(1), m.group(2), m.group(3), dir);
    }

    /** Stops radosgw only (an S3 outage): the cluster behind it keeps every object, {@link #startGateway()} returns. */
    public void stopGateway() {
        run("stop-gateway", dir.toString());
    }

    /** Starts radosgw again on the same port, after {@link #stopGateway()}; returns once it answers. */
    public void startGateway() {
        run("start-gateway", dir.toString());
    }

    /** The server's endpoint, e.g. {@code http://127.0.0.1:40123}. */
    public String endpoint() {
        return endpoint;
    }

    /** A client with full rights, for what a test does behind the store's back. */
    public MinioClient client() {
        return MinioClient.builder().endpoint(endpoint).region("us-east-1").credentials(accessKey, secretKey).build();
    }

    /** A new bucket with Object Lock (and so versioning), named {@code prefix-<random>}. */
    public String newLockedBucket(String prefix) {
        String bucket = prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
        try {
            client().makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(true).build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot create bucket " + bucket, e);
        }
        return bucket;
    }

    /** Settings of a store on {@code bucket} of this server. */
    public S3ObjectStore.Settings settings(String bucket) {
        return new S3ObjectStore.Settings(endpoint, "us-east-1", bucket, accessKey, secretKey, true);
    }

    /** A store on a new locked bucket. */
    public S3ObjectStore newStore(Clock clock) {
        return S3ObjectStore.open(settings(newLockedBucket("hocba")), clock);
    }

    /** The service's properties ({@code hocba.storage=s3}, {@code hocba.s3.*}) for a new locked bucket on this server. */
    public Map<String, String> serviceProperties(String bucketPrefix) {
        String bucket = newLockedBucket(bucketPrefix);
        return Map.of("hocba.storage", "s3", "hocba.s3.endpoint", endpoint, "hocba.s3.region", "us-east-1",
                "hocba.s3.bucket", bucket, "hocba.s3.access-key", accessKey, "hocba.s3.secret-key", secretKey);
    }

    private static String run(String... args) {
        return vn.hocba.storage.testing.BinScripts.run("s3-server", java.time.Duration.ofMinutes(5), args);
    }

    private static Path repositoryRoot() {
        return vn.hocba.storage.testing.BinScripts.repositoryRoot("s3-server");
    }

    private static int freePort() {
        return vn.hocba.storage.testing.BinScripts.freePort();
    }
}
