package vn.hocba.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import vn.hocba.signing.http.HttpRevocationSource;
import vn.hocba.signing.http.HttpTimestampSource;
import vn.hocba.signing.pki.PkiServices;

/** Signing settings against a running test PKI, as the tests use them. */
public final class TestSettings {

    private TestSettings() {
    }

    /**
     * @param services the test PKI's TSA, OCSP and CRL services
     * @param anchors  the trusted roots
     * @return B-T with SHA-256, the services' TSA and revocation over HTTP (5 s timeouts)
     */
    public static SigningSettings baselineT(PkiServices services, X509Certificate... anchors) {
        return new SigningSettings(PadesLevel.B_T, "SHA-256",
                new HttpTimestampSource(services.timestampUrl(), Duration.ofSeconds(5)),
                new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC()), List.of(anchors));
    }
}
