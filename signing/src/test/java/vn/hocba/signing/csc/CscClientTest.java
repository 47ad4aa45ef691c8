package vn.hocba.signing.csc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the CSC client checks before it sends anything (no server: the URI points nowhere). */
class CscClientTest {

    private final CscClient client = new CscClient(URI.create("http://127.0.0.1:9/"), CscApiVersion.V1, "secret");

    @Test
    void hashesThatAreNotSha256AreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.authorize("c", List.of(new byte[20]), "1".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> client.signHashes("c", List.of(), "1".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no hashes");
    }

    @Test
    void neitherTheClientNorAnAuthorizationPrintsItsSecrets() {
        assertThat(client.toString()).doesNotContain("secret").contains("csc/v1");
        CscAuthorization sad = new CscAuthorization("c", "the-sad", 3, Duration.ofMinutes(5));
        assertThat(sad.toString()).doesNotContain("the-sad").contains("3 signatures");
    }

    @Test
    void aServiceErrorKeepsItsCodeAndDescription() {
        CscException e = new CscException("credentials/authorize", 400, "invalid_pin", "The PIN is invalid");
        assertThat(e).hasMessage("CSC credentials/authorize refused (HTTP 400): invalid_pin: The PIN is invalid");
        assertThat(e.error()).isEqualTo("invalid_pin");
        assertThat(e.errorDescription()).isEqualTo("The PIN is invalid");
        assertThat(new CscException("info", 502, null, null))
                .hasMessage("CSC info refused (HTTP 502): no CSC error in the answer");
    }

    @Test
    void anUnreachableServiceIsASigningException() {
        assertThatThrownBy(client::info).isInstanceOf(vn.hocba.signing.SigningException.class)
                .hasMessageStartingWith("CSC info at 127.0.0.1 failed");
    }

    @Test
    void aBatchNeedsAtLeastOneHashPerRequest() {
        assertThatThrownBy(() -> new CscClient(URI.create("http://127.0.0.1:9/"), CscApiVersion.V2, "t",
                java.net.http.HttpClient.newHttpClient(), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
