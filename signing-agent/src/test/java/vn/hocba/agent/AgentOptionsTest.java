package vn.hocba.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hocba.agent.AgentOptions.UsageException;
import vn.hocba.signing.token.Pkcs11Slot;

class AgentOptionsTest {

    private static final String CODE = "3f0c1e2a-8d4b-4c7e-9a51-2b6d0e9f7a13";

    private static List<String> base() {
        return new ArrayList<>(List.of("--server", "https://hocba.example.vn/", "--user", "GV011@THCS-MK2",
                "--pkcs11-module", "/usr/lib/softhsm/libsofthsm2.so", "--key-label", "gv011"));
    }

    private static AgentOptions parse(List<String> args) {
        return AgentOptions.parse(args.toArray(String[]::new), Map.of());
    }

    private static AgentOptions parse(String... extra) {
        List<String> args = base();
        args.addAll(List.of(extra));
        return parse(args);
    }

    @Test
    void aFullSignCommandLine() {
        AgentOptions o = parse("--slot", "1234", "--password-env", "HOCBA_PASSWORD", "--pin-env", "TOKEN_PIN",
                "--enroll", "--lang", "en", "sign", CODE, "b2c4e6a8-0000-4000-8000-000000000001");
        assertThat(o.server()).isEqualTo(URI.create("https://hocba.example.vn"));
        assertThat(o.user()).isEqualTo("GV011@THCS-MK2");
        assertThat(o.staffId()).isEqualTo("GV011");
        assertThat(o.school()).isEqualTo("THCS-MK2");
        assertThat(o.module()).isEqualTo(Path.of("/usr/lib/softhsm/libsofthsm2.so"));
        assertThat(o.slot()).isEqualTo(Pkcs11Slot.id(1234));
        assertThat(o.keyLabel()).isEqualTo("gv011");
        assertThat(o.passwordEnv()).isEqualTo("HOCBA_PASSWORD");
        assertThat(o.pinEnv()).isEqualTo("TOKEN_PIN");
        assertThat(o.enroll()).isTrue();
        assertThat(o.register()).isFalse();
        assertThat(o.language()).isEqualTo("en");
        assertThat(o.command()).isEqualTo("sign");
        assertThat(o.lookupCodes()).containsExactly(CODE, "b2c4e6a8-0000-4000-8000-000000000001");
    }

    @Test
    void defaultsAreTheFirstSlotPromptsAndVietnamese() {
        AgentOptions o = parse("sign", CODE);
        assertThat(o.slot()).isEqualTo(Pkcs11Slot.index(0));
        assertThat(o.passwordEnv()).isNull();
        assertThat(o.pinEnv()).isNull();
        assertThat(o.language()).isEqualTo("vi");
        assertThat(o.enroll()).isFalse();
    }

    @Test
    void optionsMayCarryTheirValueAfterAnEqualsSignAndComeAfterTheCommand() {
        AgentOptions o = AgentOptions.parse(new String[] {"sign", CODE, "--server=http://localhost:8080",
                "--user=GV012@THCS-MK2", "--pkcs11-module=/tmp/x.so", "--key-label=k", "--slot-index=2",
                "--class", "2024-2025/6A", "--student", "2024-2025/HS2400001", "--lookup-codes", "codes.txt"}, Map.of());
        assertThat(o.server()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(o.slot()).isEqualTo(Pkcs11Slot.index(2));
        assertThat(o.classes()).containsExactly("2024-2025/6A");
        assertThat(o.students()).containsExactly("2024-2025/HS2400001");
        assertThat(o.lookupFiles()).containsExactly(Path.of("codes.txt"));
    }

    @Test
    void serverAndUserMayComeFromTheEnvironment() {
        AgentOptions o = AgentOptions.parse(new String[] {"--pkcs11-module", "/m.so", "--key-label", "k", "enroll"},
                Map.of("HOCBA_SERVER", "http://127.0.0.1:9", "HOCBA_USER", "GV001@THCS-MK2"));
        assertThat(o.user()).isEqualTo("GV001@THCS-MK2");
        assertThat(o.command()).isEqualTo("enroll");
        assertThat(o.enroll()).isTrue();
    }

    @Test
    void secretsAreNeverAcceptedOnTheCommandLine() {
        assertThatThrownBy(() -> parse("--pin", "123456", "sign", CODE)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--pin-env").hasMessageNotContaining("123456");
        assertThatThrownBy(() -> parse("--password", "demo", "sign", CODE)).isInstanceOf(UsageException.class)
                .hasMessageNotContaining("demo");
        assertThatThrownBy(() -> parse("--pin-env", "12 34", "sign", CODE)).isInstanceOf(UsageException.class)
                .hasMessageContaining("environment variable").hasMessageNotContaining("12 34");
        assertThatThrownBy(() -> parse(List.of("--server", "https://GV011:demo@hocba.example.vn", "--user", "GV011@X",
                "--pkcs11-module", "/m.so", "--key-label", "k", "sign", CODE)))
                .isInstanceOf(UsageException.class).hasMessageContaining("credentials");
    }

    @Test
    void wrongOrIncompleteCommandLinesSayWhat() {
        assertThatThrownBy(() -> parse(CODE)).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> parse()).hasMessageContaining("no command");
        assertThatThrownBy(() -> parse("sign")).hasMessageContaining("at least one document");
        assertThatThrownBy(() -> parse("sign", "../../admin")).hasMessageContaining("not a lookup code");
        assertThatThrownBy(() -> parse("sign", CODE, "--slot")).hasMessageContaining("--slot needs a value");
        assertThatThrownBy(() -> parse("--slot", "-1", "sign", CODE)).hasMessageContaining("a number from 0");
        assertThatThrownBy(() -> parse("--slot", "1", "--slot-index", "0", "sign", CODE)).hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("--enroll", "--register", "sign", CODE)).hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("--enroll=yes", "sign", CODE)).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> parse("--lang", "fr", "sign", CODE)).hasMessageContaining("vi or en");
        assertThatThrownBy(() -> parse("--class", "6A", "sign")).hasMessageContaining("2024-2025/6A");
        assertThatThrownBy(() -> parse("--frobnicate", "sign", CODE)).hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> parse("enroll", CODE)).hasMessageContaining("takes no arguments");
        assertThatThrownBy(() -> parse(List.of("--server", "ftp://x", "--user", "GV011@X", "--pkcs11-module", "/m.so",
                "--key-label", "k", "sign", CODE))).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> parse(List.of("--server", "http://x", "--user", "GV011@X@Y", "--pkcs11-module",
                "/m.so", "--key-label", "k", "sign", CODE))).hasMessageContaining("staffId@schoolCode");
        assertThatThrownBy(() -> parse(List.of("--server", "http://x", "--user", "GV011@X", "--key-label", "k",
                "sign", CODE))).hasMessageContaining("--pkcs11-module is missing");
    }

    @Test
    void helpIsAskedForByTheFlagOrByNoArgumentsAtAll() {
        assertThat(AgentOptions.wantsHelp(new String[] {"--help"})).isTrue();
        assertThat(AgentOptions.wantsHelp(new String[] {"sign", "-h"})).isTrue();
        assertThat(AgentOptions.wantsHelp(new String[0])).isTrue();
        assertThat(AgentOptions.wantsHelp(new String[] {"sign", CODE})).isFalse();
        assertThat(AgentOptions.USAGE).contains("--pkcs11-module", "--key-label", "--pin-env", "--enroll", "sign");
    }
}
