package vn.hocba.agent;

import java.io.Console;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import vn.hocba.signing.SigningException;
import vn.hocba.signing.token.Pkcs11SigningToken;

/**
 * {@code java -jar hocba-signing-agent.jar [options] sign LOOKUP_CODE...}: see {@link AgentOptions#USAGE} and
 * docs/signing-agent.md. The password and the PIN come from the environment variables named on the command line, or
 * from the console without echo; neither is ever printed.
 */
public final class Main {

    /** Asks for a secret without echo; null when there is no console. */
    @FunctionalInterface
    public interface Prompt {
        char[] read(String question);
    }

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Console console = System.console();
        Prompt prompt = question -> console == null ? null : console.readPassword("%s", question);
        System.exit(run(args, System.getenv(), prompt, out, err));
    }

    /**
     * Runs the agent.
     *
     * @param args   the command line
     * @param env    the environment (secrets are read from the variables the command line names)
     * @param prompt asks for a secret the environment does not hold
     * @param out    one line per document
     * @param err    usage and start-up errors
     * @return the exit code: {@link SigningAgent#OK}, {@link SigningAgent#SOME_FAILED} or
     *         {@link SigningAgent#CANNOT_RUN}
     */
    public static int run(String[] args, Map<String, String> env, Prompt prompt, PrintStream out, PrintStream err) {
        if (AgentOptions.wantsHelp(args)) {
            out.print(AgentOptions.USAGE);
            return args.length == 0 ? SigningAgent.CANNOT_RUN : SigningAgent.OK;
        }
        AgentOptions options;
        char[] password = null;
        char[] pin = null;
        try {
            options = AgentOptions.parse(args, env);
            password = secret(options.passwordEnv(), env, prompt, "Password for " + options.user()
                    + " / Mật khẩu: ");
            pin = secret(options.pinEnv(), env, prompt, "PIN of the token / Mã PIN của token: ");
        } catch (AgentOptions.UsageException e) {
            err.println("hocba-signing-agent: " + e.getMessage());
            return SigningAgent.CANNOT_RUN;
        }
        ServiceClient client = new ServiceClient(options.server(), options.user(), password, options.language());
        Arrays.fill(password, '\0');
        Pkcs11SigningToken token;
        try {
            token = Pkcs11SigningToken.open(options.module(), options.slot(), pin, options.keyLabel());
        } catch (SigningException e) {
            err.println("hocba-signing-agent: " + e.getMessage());
            return SigningAgent.CANNOT_RUN;
        } finally {
            Arrays.fill(pin, '\0');
        }
        try {
            return new SigningAgent(options, client, token, out).run();
        } finally {
            token.close();
        }
    }

    private static char[] secret(String variable, Map<String, String> env, Prompt prompt, String question) {
        if (variable != null) {
            String value = env.get(variable);
            if (value == null || value.isEmpty()) {
                throw new AgentOptions.UsageException("environment variable " + variable + " is not set");
            }
            return value.toCharArray();
        }
        char[] typed = prompt.read(question);
        if (typed == null) {
            throw new AgentOptions.UsageException("no console to ask for a secret: use --password-env / --pin-env");
        }
        return typed;
    }
}
