package vn.hocba.agent;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (archive-service/target/hocba.jar) as README's first command starts it: {@code java -jar
 * hocba.jar} in a working directory of its own, on the embedded default, whose demo school arrives imported with its
 * year locked. As archive-service's own {@code PackagedApplication}: ready once {@code /actuator/health/readiness}
 * answers 200 (the demo school is loaded then); on close, the archived files' immutable attribute is cleared (set when
 * the tests run as root) so that {@code mvn clean} can delete them.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Path CHATTR = Path.of("/usr/bin/chattr");

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path workDir, Path log, int port) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.port = port;
    }

    static ServiceProcess start(Path jar, Path workDir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the service first, e.g. mvn -B -o -pl "
                    + "archive-service,signing-agent -am verify (signing-agent comes after archive-service)");
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = workDir.resolve("hocba.log");
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port));
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeAll(List.of("HOCBA_DATA_DIR", "PORT", "SPRING_PROFILES_ACTIVE",
                "HOCBA_DEMO"));
        var service = new ServiceProcess(builder.start(), workDir, log, port);
        try {
            service.awaitReady();
        } catch (RuntimeException | Error | InterruptedException e) {
            service.close();
            throw e;
        }
        return service;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e + ")";
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("java -jar hocba.jar exited with " + process.exitValue()
                        + "; last lines of its log:\n" + logTail(60));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not ready within " + STARTUP.toSeconds() + " s; last lines of the log:\n"
                + logTail(60));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (Files.isExecutable(CHATTR) && Files.isDirectory(workDir)) {
            try {
                Process p = new ProcessBuilder(CHATTR.toString(), "-R", "-i", workDir.toString())
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor(60, TimeUnit.SECONDS);
            } catch (IOException e) {
                // best effort: mvn clean names the file it cannot delete
            }
        }
    }

    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
