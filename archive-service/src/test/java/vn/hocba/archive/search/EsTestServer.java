package vn.hocba.archive.search;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Elasticsearch 8 server for tests: the distribution that {@code bin/es-server} fetches from Maven Central,
 * started once per JVM on a loopback port and stopped when the JVM exits. Tests give each index a name of its own.
 */
public final class EsTestServer {

    private static final Pattern LINE = Pattern.compile("url=(\\S+)");
    private static EsTestServer shared;

    private final String url;
    private final Path root;
    private final Path dir;
    private final int port;

    private EsTestServer(String url, Path root, Path dir, int port) {
        this.url = url;
        this.root = root;
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
        String line = run(root, "start", dir.toString(), Integer.toString(port));
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("bin/es-server printed no url: " + line);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(root, "stop", dir.toString())));
        return new EsTestServer(m.group(1), root, dir, port);
    }

    /** The server's URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return url;
    }

    /** Stops the server (an outage); its data is kept for {@link #start()}. */
    public void stop() {
        run(root, "stop", dir.toString());
    }

    /** Starts the server again on the same port with the same data; returns once it answers. */
    public void start() {
        run(root, "start", dir.toString(), Integer.toString(port));
    }

    /** A fresh index name for one test. */
    public static String newIndexName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** The service's properties for a new index on this server. */
    public Map<String, String> serviceProperties(String prefix) {
        return Map.of("hocba.search", "elasticsearch", "hocba.es.url", url, "hocba.es.index", newIndexName(prefix));
    }

    private static String run(Path root, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("bin/es-server").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Path log = Files.createTempFile("es-server", ".log");
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/es-server " + String.join(" ", args) + " failed: " + out + "\n"
                        + Files.readString(log));
            }
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/es-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("bin/es-server"))) {
                return dir;
            }
        }
        throw new IllegalStateException("bin/es-server not found above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
