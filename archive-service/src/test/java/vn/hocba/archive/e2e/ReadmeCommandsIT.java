package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code curl} command of README.md works as written on a fresh clone: the packaged jar is started as README's
 * first command starts it (embedded default, fresh working directory, so the demo school loads), then each curl line
 * of README's indented code blocks runs, in order, with {@code bash -c} from the repository root, only the port
 * changed. Each line states the status it answers in a trailing comment ({@code # 201}); the command must exit 0
 * (README's commands use {@code curl -f}) and answer exactly that status.
 */
class ReadmeCommandsIT {

    /** A curl line of an indented code block; group 1 the command, group 2 the trailing comment (if any). */
    private static final Pattern CURL_LINE = Pattern.compile("^ {4}(curl .*?)(?:\\s+#\\s*(.*))?$");
    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");
    private static final Duration DEMO_LOAD = Duration.ofSeconds(180);

    @TempDir
    static Path workDir;

    private static Path repoRoot;
    private static PackagedApplication app;

    @BeforeAll
    static void startTheJarAsReadmeDoes() throws Exception {
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        repoRoot = moduleDir.getParent();
        app = PackagedApplication.start(moduleDir.resolve("target/hocba.jar"), workDir);
        awaitTheDemoSchool();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    record Command(int line, String text, int expectedStatus) {
    }

    @Test
    void everyCurlCommandOfTheReadmeAnswersTheStatusItStates() throws Exception {
        List<Command> commands = readmeCurlCommands();
        assertThat(commands).as("README.md's curl examples").hasSizeGreaterThanOrEqualTo(4);
        assertThat(commands).as("README imports the sample dataset that the repository holds")
                .anySatisfy(c -> assertThat(c.text()).contains("@examples/sample-school-2024-2025.json"));

        Set<Path> before = topLevel();
        try {
            for (Command c : commands) {
                String command = c.text().replace("localhost:8080", "localhost:" + port());
                Run run = bash(command);
                assertThat(run.exit()).as("README.md line %d exits 0: %s%n%s%nlog:%n%s", c.line(), c.text(), run.stderr(),
                        app.logTail(30)).isZero();
                assertThat(run.status()).as("README.md line %d answers %d: %s%n%s", c.line(), c.expectedStatus(), c.text(),
                        run.stdout()).isEqualTo(c.expectedStatus());
            }
        } finally {
            // files the commands wrote (e.g. demo-root.pem) are README's reader's, not the checkout's
            for (Path p : topLevel()) {
                if (!before.contains(p) && Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Every curl line in README.md's indented code blocks, each with the HTTP status its trailing comment states. */
    static List<Command> readmeCurlCommands() throws IOException {
        List<String> lines = Files.readAllLines(repoRoot.resolve("README.md"), StandardCharsets.UTF_8);
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CURL_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            Matcher status = STATUS.matcher(m.group(2) == null ? "" : m.group(2));
            assertThat(status.find()).as("README.md line %d states the status it answers (`# 201`): %s", i + 1, lines.get(i))
                    .isTrue();
            assertThat(m.group(1)).as("README.md line %d fails on an error status (curl -f)", i + 1).containsPattern("\\s-[a-zA-Z]*f");
            commands.add(new Command(i + 1, m.group(1), Integer.parseInt(status.group(1))));
        }
        return commands;
    }

    record Run(int exit, int status, String stdout, String stderr) {
    }

    /** Runs one README command as a reader would (bash, repository root); curl also reports the status on stderr. */
    private static Run bash(String command) throws IOException, InterruptedException {
        String script = "curl() { command curl -w '%{stderr}readme-status=%{http_code}\\n' \"$@\"; }\n" + command;
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process p = new ProcessBuilder("bash", "-c", script).directory(repoRoot.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("readme-status=(\\d{3})").matcher(stderr);
        int status = -1;
        while (m.find()) {
            status = Integer.parseInt(m.group(1));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return new Run(p.exitValue(), status, stdout.length() > 2000 ? stdout.substring(0, 2000) + "…" : stdout, stderr);
    }

    /**
     * The demo school loads, and the start-up reconciliation runs, after the server starts listening: wait until the
     * service says it is ready, as README tells a newcomer to.
     */
    private static void awaitTheDemoSchool() throws InterruptedException {
        Api api = new Api(port());
        Instant deadline = Instant.now().plus(DEMO_LOAD);
        while (Instant.now().isBefore(deadline)) {
            if (api.get("/actuator/health/readiness", null).status() == 200
                    && api.get("/api/v1/schools/THCS-MK2/years/2024-2025/students/HS2400001/results", "admin").status() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service was not ready within " + DEMO_LOAD.toSeconds() + " s:\n"
                + app.logTail(60));
    }

    private static int port() {
        return Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
    }

    private static Set<Path> topLevel() throws IOException {
        try (Stream<Path> files = Files.list(repoRoot)) {
            return new HashSet<>(files.toList());
        }
    }
}
