package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

import vn.hocba.signing.dss.DssSignatureValidator;

/**
 * Test helper: a signed PDF passes both independent checkers, EU DSS (ETSI EN 319 102-1, TOTAL_PASSED) and poppler's
 * pdfsig with an NSS database trusting the anchor ("Signature is Valid.", "Certificate is Trusted."). Needs pdfsig and
 * certutil (bin/test installs them); a missing tool fails the test rather than skipping the check.
 */
public final class SignedPdfAssertions {

    private SignedPdfAssertions() {
    }

    /**
     * @param pdf        the signed document
     * @param anchor     the trust anchor (the test CA)
     * @param signatures how many signatures the document must have
     * @param signerName a name every signer subject must contain, or null
     */
    public static void assertValidAndTrusted(byte[] pdf, X509Certificate anchor, int signatures, String signerName)
            throws IOException, InterruptedException {
        ValidationReport report = new DssSignatureValidator(List.of(anchor)).validate(pdf);
        assertThat(report.signatures()).hasSize(signatures).allSatisfy(s -> {
            assertThat(s.indication()).as(s.toString()).isEqualTo("TOTAL_PASSED");
            if (signerName != null) {
                assertThat(s.signerSubject()).contains(signerName);
            }
        });
        assertThat(report.allPassed()).isTrue();

        assertThat(Pdfsig.available()).as("poppler's pdfsig is installed (bin/test installs it)").isTrue();
        assertThat(Pdfsig.certutilAvailable()).as("NSS's certutil is installed (bin/test installs it)").isTrue();
        try (Pdfsig nss = Pdfsig.withTrustAnchors(List.of(anchor))) {
            assertThat(nss.verdicts(pdf)).hasSize(signatures).allSatisfy(v -> {
                assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
            });
        }
    }
}
