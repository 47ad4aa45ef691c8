package vn.hocba.archive.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/hocba.jar) started as README's first command does: {@code java -jar hocba.jar} in a
 * working directory of its own, on the embedded default (no HOCBA_DATA_DIR, so {@code ./data} under that directory).
 */
final class PackagedApplication implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final int port;

    private PackagedApplication(Process process, Path workDir, Path log, int port) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar with {@code workDir} as its working directory and waits until GET /login answers 200. */
    static PackagedApplication start(Path jar, Path workDir) throws IOException, InterruptedException {
        return start(jar, workDir, List.of());
    }

    /** As above, with options for the JVM (e.g. {@code -Xmx512m}) before {@code -jar}. */
    static PackagedApplication start(Path jar, Path workDir, List<String> jvmOptions) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn package` (failsafe runs this test after it)");
        }
        int port = freePort();
        Path log = workDir.resolve("hocba.log");
        var command = new java.util.ArrayList<String>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        var builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())); // a restart in the same directory adds to it
        // the embedded default exactly: nothing the build's environment may carry changes the data dir or the profile
        builder.environment().keySet().removeAll(List.of("HOCBA_DATA_DIR", "PORT", "SPRING_PROFILES_ACTIVE", "HOCBA_DEMO"));
        var app = new PackagedApplication(builder.start(), workDir, log, port);
        try {
            app.awaitLoginPage();
        } catch (RuntimeException | Error | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** SIGKILL: the process gets no chance to flush or close anything (as {@code kill -9}). */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Unix
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Waits for {@code /actuator/health/readiness} to answer UP: start-up reconciliation is done.
     *
     * @throws AssertionError with the log's tail when not ready within 120 s
     */
    void awaitReady() throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.time.Instant deadline = java.time.Instant.now().plus(STARTUP);
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                                + "/actuator/health/readiness")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within " + STARTUP.toSeconds() + " s\n" + logTail(60));
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The last lines of the application's log, for failure messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // archived files are immutable when this runs as root: release them so the caller's @TempDir can go
        TestDirectories.releaseImmutable(workDir);
    }

    private void awaitLoginPage() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("java -jar hocba.jar exited with " + process.exitValue()
                        + "; last lines of its log:\n" + logTail(60));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("GET /login did not answer 200 within " + STARTUP.toSeconds()
                + " s; last lines of the log:\n" + logTail(60));
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
