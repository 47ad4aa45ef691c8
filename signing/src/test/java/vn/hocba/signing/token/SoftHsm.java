package vn.hocba.signing.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vn.hocba.signing.pki.CertificateAuthority;

/**
 * Test fixture: a throw-away SoftHSM2 token with keys generated on it and certificates from a
 * {@link CertificateAuthority}, for tests of {@link Pkcs11SigningToken} and of anything signing through PKCS#11.
 *
 * <p>Why it works the way it does:
 * <ul>
 * <li>SoftHSM2 reads its configuration file from the environment variable {@code SOFTHSM2_CONF} when a process calls
 * {@code C_Initialize}. The tools run here ({@code softhsm2-util}, {@code pkcs11-tool}) get it in their environment;
 * the JVM's own SunPKCS11 reads the JVM's environment, which Java cannot change. So the variable must be set for the
 * test JVM: signing's failsafe configuration sets it to {@code target/softhsm2/softhsm2.conf} (copy that into any
 * module whose tests use this fixture). The fixture writes that file, with the token directory beside it, if it is
 * missing. Without the variable it fails at once with a message saying so (it never falls back to the machine-wide
 * {@code /etc/softhsm/softhsm2.conf}).</li>
 * <li>A SoftHSM2 instance sees only the tokens that existed when it was initialised, and SunPKCS11 initialises a
 * library path once per JVM. So each fixture copies {@code libsofthsm2.so} into its own temporary directory and
 * {@link #module()} is that copy: a new path is a new, freshly initialised module that sees this fixture's token.</li>
 * <li>Keys are generated on the token ({@code pkcs11-tool --keypairgen}): the private key is sensitive and never
 * extractable ({@code CKA_SENSITIVE}, {@code CKA_EXTRACTABLE=false}); only the public key is read out, certified by
 * the CA, and the certificate written back with the key's {@code CKA_ID} and a label (the key store alias).</li>
 * </ul>
 * Close it to delete the token and the directory. Not thread-safe.
 */
public final class SoftHsm implements AutoCloseable {

    /** Debian's SoftHSM2 module (package {@code softhsm2}). */
    public static final Path SYSTEM_MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String ENV = "SOFTHSM2_CONF";
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path config;
    private final Path directory;
    private final Path module;
    private final String label;
    private final long slotId;
    private final char[] pin;
    private int nextId = 1;

    private SoftHsm(Path config, Path directory, Path module, String label, long slotId, char[] pin) {
        this.config = config;
        this.directory = directory;
        this.module = module;
        this.label = label;
        this.slotId = slotId;
        this.pin = pin;
    }

    /** @return whether SoftHSM2 and OpenSC's pkcs11-tool are installed (bin/test installs them) */
    public static boolean toolsInstalled() {
        return Files.isRegularFile(SYSTEM_MODULE) && onPath("softhsm2-util") && onPath("pkcs11-tool");
    }

    /**
     * Initialises a new token with a random label, user PIN {@code 123456} and a random SO PIN.
     *
     * @return the fixture
     * @throws IllegalStateException if {@code SOFTHSM2_CONF} is not set for this JVM or a tool fails
     */
    public static SoftHsm create() {
        String env = System.getenv(ENV);
        if (env == null || env.isBlank()) {
            throw new IllegalStateException(ENV + " is not set for this JVM: SunPKCS11 would read the machine-wide "
                    + "SoftHSM2 configuration. Run the test through failsafe (signing/pom.xml sets it) or set it.");
        }
        try {
            Path config = Path.of(env).toAbsolutePath();
            writeConfigIfMissing(config);
            Path directory = Files.createTempDirectory("softhsm");
            Path module = directory.resolve("libsofthsm2.so");
            Files.copy(SYSTEM_MODULE, module);
            String label = "hocba-" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
            char[] pin = "123456".toCharArray();
            String soPin = HexFormat.of().formatHex(RANDOM.generateSeed(8));
            String out = run(config, List.of("softhsm2-util", "--init-token", "--free", "--label", label,
                    "--pin", new String(pin), "--so-pin", soPin));
            Matcher m = SLOT.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("softhsm2-util printed no slot: " + out);
            }
            return new SoftHsm(config, directory, module, label, Long.parseLong(m.group(1)), pin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void writeConfigIfMissing(Path config) throws IOException {
        if (Files.exists(config)) {
            return;
        }
        Path tokens = config.resolveSibling("tokens");
        Files.createDirectories(tokens);
        Files.writeString(config, "directories.tokendir = " + tokens + "\n"
                + "objectstore.backend = file\n"
                + "log.level = ERROR\n"
                + "slots.removable = false\n", StandardCharsets.UTF_8);
    }

    /** @return this fixture's copy of the SoftHSM2 module, to give to {@link Pkcs11SigningToken#open} */
    public Path module() {
        return module;
    }

    /** @return the token's slot */
    public Pkcs11Slot slot() {
        return Pkcs11Slot.id(slotId);
    }

    /** @return a copy of the user PIN */
    public char[] pin() {
        return pin.clone();
    }

    /** @return the token label */
    public String label() {
        return label;
    }

    /**
     * Generates an RSA 2048 key pair on the token, has the CA certify its public key and writes the certificate (and
     * the CA's, so that SunPKCS11 can build the chain) to the token.
     *
     * @param keyLabel     the label of the key and its certificate (the alias to open it with)
     * @param ca           the issuer
     * @param commonName   the holder's name
     * @param organisation the holder's school
     * @param staffId      the subject's serialNumber; may be null
     * @return the chain as issued: end entity, then the CA
     */
    public List<X509Certificate> generateKey(String keyLabel, CertificateAuthority ca, String commonName,
                                             String organisation, String staffId) {
        return generateKey(keyLabel, ca, commonName, organisation, staffId, null);
    }

    /**
     * As {@link #generateKey(String, CertificateAuthority, String, String, String)}, with a certificate that names the
     * CA's OCSP responder and CRL ({@code endpoints}; null: {@code noRevAvail}), for B-LT signatures.
     */
    public List<X509Certificate> generateKey(String keyLabel, CertificateAuthority ca, String commonName,
                                             String organisation, String staffId,
                                             vn.hocba.signing.pki.RevocationEndpoints endpoints) {
        String id = String.format("%02x", nextId++);
        String caId = String.format("%02x", nextId++);
        try {
            tool(List.of("--keypairgen", "--key-type", "rsa:2048", "--id", id, "--label", keyLabel));
            Path publicKeyFile = directory.resolve("public-" + id + ".der");
            tool(List.of("--read-object", "--type", "pubkey", "--id", id, "--output-file", publicKeyFile.toString()));
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicKeyFile)));
            List<X509Certificate> chain = endpoints == null ? ca.issueFor(publicKey, commonName, organisation, staffId)
                    : ca.issueFor(publicKey, commonName, organisation, staffId, endpoints);
            writeCertificate(chain.get(0), id, keyLabel);
            writeCertificate(chain.get(1), caId, keyLabel + "-ca");
            return chain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the public key from the token", e);
        }
    }

    private void writeCertificate(X509Certificate certificate, String id, String objectLabel) throws IOException {
        Path file = directory.resolve("cert-" + id + ".der");
        try {
            Files.write(file, certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        tool(List.of("--write-object", file.toString(), "--type", "cert", "--id", id, "--label", objectLabel));
    }

    /**
     * @param keyLabel the key's label
     * @return a token opened on that key with the right PIN
     */
    public Pkcs11SigningToken open(String keyLabel) {
        char[] p = pin();
        try {
            return Pkcs11SigningToken.open(module, slot(), p, keyLabel);
        } finally {
            java.util.Arrays.fill(p, '\0');
        }
    }

    /** @return {@code pkcs11-tool --list-objects} as logged in: labels, IDs, usage and access flags */
    public String listObjects() {
        return tool(List.of("--list-objects"));
    }

    private String tool(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", module.toString(),
                "--token-label", label, "--login", "--pin", new String(pin)));
        command.addAll(arguments);
        return run(config, command);
    }

    /** Deletes the token and the fixture's directory. */
    @Override
    public void close() {
        try {
            run(config, List.of("softhsm2-util", "--delete-token", "--token", label));
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String run(Path config, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put(ENV, config.toString());
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " " + command.get(command.size() - 1) + " failed ("
                        + p.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
