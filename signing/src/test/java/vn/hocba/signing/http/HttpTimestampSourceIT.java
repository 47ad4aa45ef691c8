package vn.hocba.signing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import vn.hocba.signing.SigningException;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.PkiServices;

/** The RFC 3161 client against the test PKI's real TSA, and against servers that refuse, fail or hang. */
class HttpTimestampSourceIT {

    private static final byte[] DIGEST = sha256("Học bạ 2024-2025");

    @Test
    void aTokenFromTheTsaCoversTheDigestAndKeptAliveConnectionsServeTheNextOnes() throws Exception {
        var ca = CertificateAuthority.createRoot("Hocba TSA Test Root", "Hocba", Clock.systemUTC());
        try (PkiServices pki = PkiServices.start(ca, 0)) {
            var source = new HttpTimestampSource(pki.timestampUrl(), Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                var token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(source.timestamp("SHA-256", DIGEST)));
                assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(DIGEST);
            }
        }
    }

    @Test
    void anHttpErrorIsRefusedWithItsStatusAndTheConnectionServesTheNextRequest() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "overloaded".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var source = new HttpTimestampSource(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa"),
                    Duration.ofSeconds(5));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> source.timestamp("SHA-256", DIGEST)).isInstanceOf(SigningException.class)
                        .hasMessageContaining("answered HTTP 503");
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTsaThatIsDownOrDoesNotAnswerIsRefusedWithinTheTimeout() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        var down = new HttpTimestampSource(URI.create("http://127.0.0.1:" + closed + "/tsa"), Duration.ofSeconds(2));
        assertThatThrownBy(() -> down.timestamp("SHA-256", DIGEST)).isInstanceOf(SigningException.class)
                .hasMessageContaining("cannot be reached");

        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/tsa", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "silent-tsa");
            t.setDaemon(true);
            return t;
        }));
        silent.start();
        try {
            var hanging = new HttpTimestampSource(
                    URI.create("http://127.0.0.1:" + silent.getAddress().getPort() + "/tsa"), Duration.ofMillis(500));
            long start = System.nanoTime();
            assertThatThrownBy(() -> hanging.timestamp("SHA-256", DIGEST)).isInstanceOf(SigningException.class)
                    .hasMessageContaining("cannot be reached");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the read timeout, not the server's 10 s")
                    .isLessThan(Duration.ofSeconds(5));
        } finally {
            silent.stop(0);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
