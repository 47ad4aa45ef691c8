package vn.hocba.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import vn.hocba.signing.token.Pkcs11Slot;

/**
 * The agent's command line, parsed. Secrets never appear on it: the password and the PIN are read from environment
 * variables whose <em>names</em> are given ({@code --password-env}, {@code --pin-env}), or prompted for.
 *
 * @param server        the service's base URL, e.g. {@code https://hocba.example.vn}
 * @param user          the account, {@code staffId@schoolCode}
 * @param passwordEnv   the environment variable holding the password, or null to prompt
 * @param module        the PKCS#11 library
 * @param slot          the token's slot
 * @param keyLabel      the label of the key and its certificate on the token
 * @param pinEnv        the environment variable holding the user PIN, or null to prompt
 * @param certificate   a certificate file (PEM or DER) to sign with instead of the token's own; with {@code --enroll}
 *                      the issued certificate is saved there
 * @param enroll        before anything else: send a PKCS#10 request to the demo CA (embedded demo only)
 * @param register      before anything else: register the token's certificate as the caller's
 * @param language      {@code vi} or {@code en}, for the service's messages
 * @param command       {@code sign}, {@code enroll} or {@code register}
 * @param lookupCodes   documents to sign, from the arguments and {@code --lookup-codes} files (in that order)
 * @param lookupFiles   files with one lookup code a line
 * @param classes       {@code schoolYear/classCode}: sign the caller's turns on that class's gradebooks
 * @param students      {@code schoolYear/studentId}: sign the caller's turn on that student's record
 */
public record AgentOptions(URI server, String user, String passwordEnv, Path module, Pkcs11Slot slot, String keyLabel,
                           String pinEnv, Path certificate, boolean enroll, boolean register, String language,
                           String command, List<String> lookupCodes, List<Path> lookupFiles, List<String> classes,
                           List<String> students) {

    /** A lookup code is a UUID; anything of these characters is passed on, so no argument can change the path. */
    static final Pattern LOOKUP_CODE = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern YEAR_AND_NAME = Pattern.compile("\\d{4}-\\d{4}/[A-Za-z0-9._-]{1,40}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The usage text of {@code --help}. */
    public static final String USAGE = """
            Hocba signing agent: sign your turns on school documents with your own USB token (PKCS#11).
            Tác nhân ký Hocba: ký các lượt của bạn trên hồ sơ bằng USB token (PKCS#11) của chính bạn.

            Usage: java -jar hocba-signing-agent.jar [options] sign [LOOKUP_CODE...]
                   java -jar hocba-signing-agent.jar [options] enroll | register

            Commands:
              sign                     sign every document named (arguments, --lookup-codes, --class, --student)
              enroll                   demo only: have the demo CA certify the token's key (PKCS#10), then register it
              register                 register the token's certificate as yours (PUT /api/v1/accounts/me/certificate)

            Options:
              --server URL             the Hocba service, e.g. https://hocba.example.vn (or env HOCBA_SERVER)
              --user ACCOUNT           your account: staffId@schoolCode, e.g. GV011@THCS-MK2 (or env HOCBA_USER)
              --password-env VAR       read your password from environment variable VAR (default: ask)
              --pkcs11-module PATH     the token's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so
              --slot ID                the token's slot ID (pkcs11-tool -L); or
              --slot-index N           the token's position in the slot list (default 0)
              --key-label LABEL        the label of your key and its certificate on the token
              --pin-env VAR            read the token's user PIN from environment variable VAR (default: ask)
              --certificate FILE       sign with this certificate (PEM or DER) instead of the token's;
                                       with enroll, the certificate issued is saved here
              --enroll                 enroll (as the command) before signing
              --register               register (as the command) before signing
              --lookup-codes FILE      sign the lookup codes in FILE, one a line (# starts a comment)
              --class YEAR/CLASS       sign your turns on the class's gradebooks, e.g. 2024-2025/6A
              --student YEAR/STUDENT   sign your turn on the student's record, e.g. 2024-2025/HS2400001
              --lang vi|en             language of the service's messages (default vi)
              --help                   this text

            One line per document: lookup code, SIGNED or FAILED, and the reason. Exit code 0 when every document
            was signed, 1 when any failed, 2 for a wrong command line or a token/login problem.
            """;

    /** A command line the agent cannot run; the message says why. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** @return whether the arguments ask for the usage text */
    public static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return args.length == 0;
    }

    /**
     * @param args the command line
     * @param env  the environment (for {@code HOCBA_SERVER}, {@code HOCBA_USER})
     * @return the options
     * @throws UsageException if the command line is incomplete or wrong
     */
    public static AgentOptions parse(String[] args, Map<String, String> env) {
        String server = env.get("HOCBA_SERVER");
        String user = env.get("HOCBA_USER");
        String passwordEnv = null;
        String module = null;
        Long slotId = null;
        Integer slotIndex = null;
        String keyLabel = null;
        String pinEnv = null;
        Path certificate = null;
        boolean enroll = false;
        boolean register = false;
        String language = "vi";
        String command = null;
        List<String> codes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<String> students = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String inline = null;
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(0, a.indexOf('='));
                inline = a.substring(a.indexOf('=') + 1);
            }
            if (name.startsWith("-") && !name.equals("-")) {
                boolean flag = name.equals("--enroll") || name.equals("--register");
                if (flag && inline != null) {
                    throw new UsageException(name + " takes no value");
                }
                String value = null;
                if (!flag) {
                    if (inline != null) {
                        value = inline;
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                }
                switch (name) {
                    case "--server" -> server = value;
                    case "--user" -> user = value;
                    case "--password-env" -> passwordEnv = envName(name, value);
                    case "--pkcs11-module" -> module = value;
                    case "--slot" -> slotId = number(name, value);
                    case "--slot-index" -> slotIndex = Math.toIntExact(number(name, value));
                    case "--key-label" -> keyLabel = value;
                    case "--pin-env" -> pinEnv = envName(name, value);
                    case "--certificate" -> certificate = Path.of(value);
                    case "--enroll" -> enroll = true;
                    case "--register" -> register = true;
                    case "--lookup-codes" -> files.add(Path.of(value));
                    case "--class" -> classes.add(yearAnd(name, value));
                    case "--student" -> students.add(yearAnd(name, value));
                    case "--lang" -> {
                        if (!value.equals("vi") && !value.equals("en")) {
                            throw new UsageException("--lang is vi or en, not " + value);
                        }
                        language = value;
                    }
                    case "--pin", "--password" -> throw new UsageException(name + " is not accepted: a secret on the "
                            + "command line is visible to every user of the PC; use " + name + "-env VAR or the prompt");
                    default -> throw new UsageException("unknown option " + name + " (see --help)");
                }
            } else if (command == null) {
                if (!List.of("sign", "enroll", "register").contains(a)) {
                    throw new UsageException("unknown command " + a + ": sign, enroll or register (see --help)");
                }
                command = a;
            } else if (command.equals("sign")) {
                codes.add(lookupCode(a));
            } else {
                throw new UsageException(command + " takes no arguments, got " + a);
            }
        }
        if (command == null) {
            throw new UsageException("no command: sign, enroll or register (see --help)");
        }
        if (server == null || server.isBlank()) {
            throw new UsageException("--server is missing");
        }
        if (user == null || !user.matches("[^@\\s:]+@[^@\\s:]+") && !user.matches("[^@\\s:]+")) {
            throw new UsageException(user == null ? "--user is missing" : "--user is staffId@schoolCode, not " + user);
        }
        if (module == null) {
            throw new UsageException("--pkcs11-module is missing");
        }
        if (keyLabel == null || keyLabel.isBlank()) {
            throw new UsageException("--key-label is missing");
        }
        if (slotId != null && slotIndex != null) {
            throw new UsageException("give --slot or --slot-index, not both");
        }
        Pkcs11Slot slot = slotId != null ? Pkcs11Slot.id(slotId) : Pkcs11Slot.index(slotIndex == null ? 0 : slotIndex);
        if (command.equals("sign") && codes.isEmpty() && files.isEmpty() && classes.isEmpty() && students.isEmpty()) {
            throw new UsageException("sign: name at least one document (lookup codes, --lookup-codes, --class or "
                    + "--student)");
        }
        if (!command.equals("sign") && (!files.isEmpty() || !classes.isEmpty() || !students.isEmpty())) {
            throw new UsageException("--lookup-codes, --class and --student go with sign");
        }
        if (enroll && register) {
            throw new UsageException("give --enroll or --register, not both");
        }
        return new AgentOptions(serverUri(server), user, passwordEnv, Path.of(module), slot, keyLabel, pinEnv,
                certificate, enroll || command.equals("enroll"), register || command.equals("register"), language,
                command, List.copyOf(codes), List.copyOf(files), List.copyOf(classes), List.copyOf(students));
    }

    /** @return the staff ID part of the account ({@code GV011} of {@code GV011@THCS-MK2}) */
    public String staffId() {
        int at = user.indexOf('@');
        return at < 0 ? user : user.substring(0, at);
    }

    /** @return the school part of the account, or null for an account without one */
    public String school() {
        int at = user.indexOf('@');
        return at < 0 ? null : user.substring(at + 1);
    }

    static String lookupCode(String value) {
        String code = value.strip();
        if (!LOOKUP_CODE.matcher(code).matches()) {
            throw new UsageException("not a lookup code: " + value);
        }
        return code;
    }

    private static URI serverUri(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException("--server is an http(s) URL, not " + value);
            }
            if (uri.getUserInfo() != null) {
                throw new UsageException("--server must not carry credentials; use --user and --password-env");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--server is not a URL: " + value);
        }
    }

    private static long number(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " is a number from 0, not " + value);
        }
    }

    private static String envName(String option, String value) {
        if (!ENV_NAME.matcher(value).matches()) {
            throw new UsageException(option + " names an environment variable (the secret itself never goes on "
                    + "the command line)");
        }
        return value;
    }

    private static String yearAnd(String option, String value) {
        if (!YEAR_AND_NAME.matcher(value).matches()) {
            throw new UsageException(option + " is SCHOOLYEAR/NAME, e.g. 2024-2025/6A, not " + value);
        }
        return value;
    }
}
