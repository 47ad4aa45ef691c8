package vn.hocba.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: runs poppler's {@code pdfsig} as an independent signature checker. Certificate trust is skipped
 * ({@code -nocert}): poppler trusts NSS's roots, not ours; only the cryptographic check is of interest.
 */
public final class Pdfsig {

    private static final Pattern VALIDATION = Pattern.compile("Signature Validation: (.*)");

    private Pdfsig() {
    }

    /** @return true if {@code pdfsig} is on the PATH */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("pdfsig", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @param pdf the document
     * @return the "Signature Validation:" verdict of every signature, in document order
     */
    public static List<String> signatureValidations(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("pdfsig", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdfsig", "-nocert", "-no-ocsp", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pdfsig timed out");
            }
            Matcher m = VALIDATION.matcher(output);
            return m.results().map(r -> r.group(1).strip()).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
