package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CRLReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.CertificateCheck.Outcome;
import vn.hocba.signing.http.HttpRevocationSource;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;
import vn.hocba.signing.pki.PkiServices;

/** The signer's certificate check before signing, against the test PKI's OCSP responder and CRL over HTTP. */
class CertificateCheckIT {

    private static final String SCHOOL = "Trường THPT Hòn Gai";

    private CertificateAuthority ca;
    private PkiServices services;

    @BeforeEach
    void start() {
        ca = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.systemUTC());
        services = PkiServices.start(ca, 0);
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void aGoodCertificatePassesAndARevokedOneIsRefused() {
        IssuedCredential good = ca.issue("Nguyễn Văn An", SCHOOL, "GV1", services.endpoints());
        IssuedCredential bad = ca.issue("Trần Văn Bình", SCHOOL, "GV2", services.endpoints());
        ca.revoke(bad.certificate().getSerialNumber(), CRLReason.KEY_COMPROMISE, Instant.now());

        CertificateCheck check = check(Clock.systemUTC());
        assertThat(check.check(good.chain(), List.of()).outcome()).isEqualTo(Outcome.VALID);
        CertificateCheck.Verdict refused = check.check(bad.chain(), List.of());
        assertThat(refused.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(refused.vietnamese()).contains("thu hồi");
        // the leaf alone is enough when the anchor issued it
        assertThat(check.check(List.of(good.certificate()), List.of()).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void theCrlAnswersWhenTheResponderDoesNotKnowTheCertificate() throws Exception {
        IssuedCredential revoked = ca.issue("Lê Thị Cúc", SCHOOL, "GV3", services.endpoints());
        ca.revoke(revoked.certificate().getSerialNumber(), CRLReason.SUPERSEDED, Instant.now());
        // a CA reloaded without its records: OCSP says "unknown", the CRL (from the same records) is empty, so build a
        // source that only has the CRL: OCSP answers nothing
        RevocationSource crlOnly = new RevocationSource() {
            final HttpRevocationSource http = new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC());

            @Override
            public java.util.Optional<byte[]> ocsp(java.security.cert.X509Certificate c, java.security.cert.X509Certificate i) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<byte[]> crl(java.security.cert.X509Certificate c, java.security.cert.X509Certificate i) {
                return http.crl(c, i);
            }
        };
        CertificateCheck check = new CertificateCheck(List.of(ca.certificate()), crlOnly, Clock.systemUTC(), Duration.ZERO);
        assertThat(check.check(revoked.chain(), List.of()).outcome()).isEqualTo(Outcome.REVOKED);
    }

    @Test
    void unknownStatusExpiryAndStrangersAreRefused() {
        IssuedCredential teacher = ca.issue("Phạm Văn Dũng", SCHOOL, "GV4", services.endpoints());
        CertificateAuthority stranger = CertificateAuthority.createRoot("Other Root", "Elsewhere", Clock.systemUTC());
        IssuedCredential foreign = stranger.issue("Kẻ Lạ", "Elsewhere", "X1", services.endpoints());

        assertThat(check(Clock.systemUTC()).check(foreign.chain(), List.of()).outcome()).isEqualTo(Outcome.UNTRUSTED);
        assertThat(check(Clock.fixed(Instant.now().plus(Duration.ofDays(6 * 365)), ZoneOffset.UTC))
                .check(teacher.chain(), List.of()).outcome()).isEqualTo(Outcome.EXPIRED);

        services.close();
        assertThat(check(Clock.systemUTC()).check(teacher.chain(), List.of()).outcome())
                .isEqualTo(Outcome.REVOCATION_UNKNOWN);
    }

    private CertificateCheck check(Clock clock) {
        return new CertificateCheck(List.of(ca.certificate()), new HttpRevocationSource(Duration.ofSeconds(2), clock),
                clock, Duration.ZERO);
    }
}
