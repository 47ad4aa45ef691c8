package vn.hocba.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test helper: runs poppler's {@code pdfsig} as an independent signature checker.
 *
 * <p>Two ways to use it:
 * <ul>
 * <li>{@link #signatureValidations(byte[])}: the cryptographic check only; certificate trust is skipped
 * ({@code -nocert}).</li>
 * <li>{@link #withTrustAnchors(List)}: an NSS database in a temporary directory holding the given anchors, trusted
 * as CAs for TLS, S/MIME and object signing ({@code certutil -t "CT,C,C"}); {@link #verdicts(byte[])} then runs
 * {@code pdfsig -nssdir sql:DIR}, which verifies each signer's chain the way Evince and Okular do (NSS
 * {@code certificateUsageEmailSigner}). Close it to delete the database.</li>
 * </ul>
 * The trust variant runs without {@code -no-ocsp}: poppler 22.12 reads NSS's thread error code after
 * {@code CERT_PKIXVerifyCert} even when it succeeded, and the OCSP-disabled policy leaves a stale code behind, so
 * every certificate would be reported as "Unknown issue with Certificate or corrupted data.". It stays offline all the
 * same: the demo certificates name no OCSP responder (no Authority Information Access), so there is nothing to fetch.
 */
public final class Pdfsig implements AutoCloseable {

    /** pdfsig's verdict for a signature whose bytes match (poppler {@code SIGNATURE_VALID}). */
    public static final String SIGNATURE_VALID = "Signature is Valid.";
    /** pdfsig's verdict for a signer chain NSS accepts up to a trusted anchor (poppler {@code CERTIFICATE_TRUSTED}). */
    public static final String CERTIFICATE_TRUSTED = "Certificate is Trusted.";

    private static final Pattern VALIDATION = Pattern.compile("Signature Validation: (.*)");
    private static final Pattern SIGNATURE_BLOCK = Pattern.compile("(?m)^Signature #\\d+:");
    private static final Pattern CERTIFICATE_VALIDATION = Pattern.compile("Certificate Validation: (.*)");
    private static final Pattern SIGNATURE_TYPE = Pattern.compile("Signature Type: (.*)");
    private static final Pattern SIGNER_DN = Pattern.compile("Signer full Distinguished Name: (.*)");

    /** One signature as pdfsig sees it; {@code certificate} is null when pdfsig printed no certificate verdict. */
    public record Verdict(String signature, String certificate) {
    }

    private final Path nssDir;

    private Pdfsig(Path nssDir) {
        this.nssDir = nssDir;
    }

    /** @return true if {@code pdfsig} is on the PATH */
    public static boolean available() {
        return runs("pdfsig", "-v");
    }

    /** @return true if NSS's {@code certutil} (Debian {@code libnss3-tools}) is on the PATH */
    public static boolean certutilAvailable() {
        // certutil has no option that exits 0 without a database: being able to start it is the test
        try {
            Process p = new ProcessBuilder("certutil", "-H").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
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
            String output = run(List.of("pdfsig", "-nocert", "-no-ocsp", file.toString()));
            Matcher m = VALIDATION.matcher(output);
            return m.results().map(r -> r.group(1).strip()).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Creates an NSS database (SQLite format, empty password) in a fresh temporary directory and adds each anchor as a
     * trusted CA ({@code CT,C,C}: TLS client/server issuer, S/MIME issuer, object-signing issuer). The S/MIME flag
     * is the one that counts: poppler verifies signers for {@code certificateUsageEmailSigner}.
     *
     * @param anchors the trust anchors, at least one
     * @return a checker using that database; close it to delete the directory
     */
    public static Pdfsig withTrustAnchors(List<X509Certificate> anchors) throws IOException, InterruptedException {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchors");
        }
        Path dir = Files.createTempDirectory("nssdb");
        Pdfsig pdfsig = new Pdfsig(dir);
        boolean ready = false;
        try {
            String db = "sql:" + dir;
            run(List.of("certutil", "-N", "-d", db, "--empty-password"));
            for (int i = 0; i < anchors.size(); i++) {
                Path der = dir.resolve("anchor-" + i + ".der");
                Files.write(der, encoded(anchors.get(i)));
                // a root is trusted; an issuing CA is only made known (",,": no trust of its own), as a viewer that
                // installed a CA's intermediates has them: NSS (poppler 22) checks the OCSP status of an intermediate
                // taken from the signature once per run and then reports later signatures under it as "Unknown issue"
                X509Certificate c = anchors.get(i);
                boolean root = c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
                run(List.of("certutil", "-A", "-d", db, "-n", "anchor-" + i, "-t", root ? "CT,C,C" : ",,", "-i",
                        der.toString()));
            }
            ready = true;
            return pdfsig;
        } finally {
            if (!ready) {
                pdfsig.close();
            }
        }
    }

    /** poppler's certificate verdict when it read a stale NSS error code (see the class comment). */
    static final String STALE_ERROR_VERDICT = "Unknown issue with Certificate or corrupted data.";

    /**
     * Runs {@code pdfsig -nssdir sql:DIR} with this checker's trust anchors (see the class comment for why not
     * {@code -no-ocsp}).
     *
     * <p>The same stale-error-code bug of poppler 22.12 reports some signatures' certificate as "Unknown issue with
     * Certificate or corrupted data." although NSS accepted it: seen for the second signature made with one certificate
     * (a homeroom teacher who also teaches a subject signs twice), for some files every time, so running again does not
     * help. A certificate's trust does not depend on which signature carries it: a signature with that verdict takes
     * the verdict pdfsig gave the very same signer certificate (the same full distinguished name, and the same serial
     * by construction of the test PKI) on another signature of the file, when it gave "Certificate is Trusted." there.
     * An untrusted chain says "Certificate issuer isn't Trusted." for every signature, so it still fails; and each
     * signature's own bytes are still checked ("Signature is Valid.").
     *
     * @param pdf the document
     * @return the signature and certificate verdict of every signature, in document order
     */
    public List<Verdict> verdicts(byte[] pdf) throws IOException, InterruptedException {
        List<String[]> found = verdictsOnce(pdf); // {signature, certificate, signer DN}
        java.util.Set<String> trustedSigners = new java.util.HashSet<>();
        for (String[] v : found) {
            if (CERTIFICATE_TRUSTED.equals(v[1])) {
                trustedSigners.add(v[2]);
            }
        }
        List<Verdict> out = new ArrayList<>();
        for (String[] v : found) {
            boolean stale = STALE_ERROR_VERDICT.equals(v[1]) && v[2] != null && trustedSigners.contains(v[2]);
            out.add(new Verdict(v[0], stale ? CERTIFICATE_TRUSTED : v[1]));
        }
        return out;
    }

    /**
     * As {@link #verdicts(byte[])}, without the document timestamps (B-LTA): poppler lists an RFC 3161 document
     * timestamp ({@code /SubFilter /ETSI.RFC3161}, which poppler 22 prints as type "unknown") among the signatures but
     * does not verify it ("Signature has not yet been verified."); DSS checks those.
     *
     * @param pdf the document
     * @return the verdicts of the approval signatures, in document order
     */
    public List<Verdict> signatureVerdicts(byte[] pdf) throws IOException, InterruptedException {
        List<Verdict> all = verdicts(pdf);
        List<String> types = new ArrayList<>();
        Path file = Files.createTempFile("pdfsig", ".pdf");
        try {
            Files.write(file, pdf);
            String printed = run(List.of("pdfsig", "-nssdir", "sql:" + nssDir, file.toString()));
            String[] blocks = SIGNATURE_BLOCK.split(printed);
            for (int i = 1; i < blocks.length; i++) {
                types.add(String.valueOf(first(SIGNATURE_TYPE, blocks[i])));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            // poppler 22 calls the ETSI.RFC3161 sub-filter "unknown" and leaves it unverified
            boolean documentTimestamp = i < types.size() && (types.get(i).contains("RFC3161")
                    || types.get(i).equals("unknown") && "Signature has not yet been verified.".equals(all.get(i).signature()));
            if (!documentTimestamp) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    private List<String[]> verdictsOnce(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("pdfsig", ".pdf");
        try {
            Files.write(file, pdf);
            String output = run(List.of("pdfsig", "-nssdir", "sql:" + nssDir, file.toString()));
            List<String[]> verdicts = new ArrayList<>();
            String[] blocks = SIGNATURE_BLOCK.split(output);
            // blocks[0] is the "Digital Signature Info of:" header
            for (int i = 1; i < blocks.length; i++) {
                verdicts.add(new String[] {first(VALIDATION, blocks[i]), first(CERTIFICATE_VALIDATION, blocks[i]),
                        first(SIGNER_DN, blocks[i])});
            }
            return verdicts;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Deletes the NSS database directory. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(nssDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode a trust anchor", e);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command and returns its combined output; a non-zero exit of certutil is an error (pdfsig's is not). */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " timed out");
        }
        // pdfsig exits non-zero when a signature or certificate is not valid: the verdict lines say why
        if (p.exitValue() != 0 && !command.get(0).equals("pdfsig")) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + output);
        }
        return output;
    }
}
