package vn.hocba.archive.workflow;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;
import vn.hocba.signing.CertificateCheck;

/**
 * The signer's certificate failed the check before signing (chain to a trusted root, validity, key usage, not
 * revoked): {@code 409} with the type {@code certificate-revoked}, {@code certificate-expired},
 * {@code certificate-untrusted}, …; {@code 503 revocation-unavailable} when its OCSP responder and CRL do not answer
 * (nothing is signed without knowing the certificate is not revoked).
 */
public class CertificateRefusedException extends HocbaException {

    private final CertificateCheck.Outcome outcome;

    CertificateRefusedException(CertificateCheck.Verdict verdict) {
        super(verdict.outcome() == CertificateCheck.Outcome.REVOCATION_UNKNOWN ? HttpStatus.SERVICE_UNAVAILABLE
                        : HttpStatus.CONFLICT,
                verdict.outcome() == CertificateCheck.Outcome.REVOCATION_UNKNOWN ? "revocation-unavailable"
                        : "certificate-" + verdict.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "your signing certificate cannot be used: " + verdict.english(),
                "không thể dùng chứng thư số của bạn để ký: " + verdict.vietnamese());
        this.outcome = verdict.outcome();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("certificateStatus", outcome.name());
    }
}
