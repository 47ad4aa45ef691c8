package vn.hocba.storage.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's {@code bin/} scripts that start throw-away servers for tests ({@code bin/s3-server},
 * {@code bin/es-server}), from any module's working directory.
 */
public final class BinScripts {

    private BinScripts() {
    }

    /**
     * Runs {@code bin/<script> args…} from the repository root; returns its standard output, trimmed.
     *
     * @throws IllegalStateException it failed, or did not end within {@code timeout} (with its output and errors)
     */
    public static String run(String script, Duration timeout, String... args) {
        Path root = repositoryRoot(script);
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("bin/" + script).toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Path log = Files.createTempFile(script, ".log");
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/" + script + " " + String.join(" ", args) + " failed: " + out + "\n"
                        + Files.readString(log));
            }
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/" + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository's root: the nearest directory above the working directory with an executable {@code bin/<script>}. */
    public static Path repositoryRoot(String script) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("bin/" + script))) {
                return dir;
            }
        }
        throw new IllegalStateException("bin/" + script + " not found above " + Path.of("").toAbsolutePath());
    }

    /** A loopback port free now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
