package vn.hocba.archive.search;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hocba.storage.testing.BinScripts;

/**
 * A real Elasticsearch 8 server for tests: the distribution that {@code bin/es-server} fetches from Maven Central,
 * started once per JVM on a loopback port and stopped when the JVM exits. Tests give each index a name of its own.
 */
public final class EsTestServer {

    private static final Pattern LINE = Pattern.compile("url=(\\S+)");
    private static EsTestServer shared;

    private final String url;
    private final Path dir;
    private final int port;

    private EsTestServer(String url, Path dir, int port) {
        this.url = url;
        this.dir = dir;
        this.port = port;
    }

    /** The JVM's server, started on first use (10-20 s; the first run on a machine downloads it, ~107 MB). */
    public static synchronized EsTestServer shared() {
        if (shared == null) {
            shared = startNew("shared");
        }
        return shared;
    }

    /**
     * A server of its own, for a test that stops and starts it (an outage must not hit the tests that share
     * {@link #shared()}); stopped when the JVM exits.
     */
    public static EsTestServer startNew(String name) {
        Path root = repositoryRoot();
        Path dir = root.resolve("archive-service/target/es-server-" + name + "-" + ProcessHandle.current().pid());
        int port = freePort();
        String line = run("start", dir.toString(), Integer.toString(port));
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("bin/es-server printed no url: " + line);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop", dir.toString())));
        return new EsTestServer(m.group(1), dir, port);
    }

    /** The server's URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return url;
    }

    /** Stops the server (an outage); its data is kept for {@link #start()}. */
    public void stop() {
        run("stop", dir.toString());
    }

    /** Starts the server again on the same port with the same data; returns once it answers. */
    public void start() {
        run("start", dir.toString(), Integer.toString(port));
    }

    /** A fresh index name for one test. */
    public static String newIndexName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** The service's properties for a new index on this server. */
    public Map<String, String> serviceProperties(String prefix) {
        return Map.of("hocba.search", "elasticsearch", "hocba.es.url", url, "hocba.es.index", newIndexName(prefix));
    }

    private static String run(String... args) {
        return BinScripts.run("es-server", java.time.Duration.ofMinutes(10), args);
    }

    private static Path repositoryRoot() {
        return BinScripts.repositoryRoot("es-server");
    }

    private static int freePort() {
        return BinScripts.freePort();
    }
}
