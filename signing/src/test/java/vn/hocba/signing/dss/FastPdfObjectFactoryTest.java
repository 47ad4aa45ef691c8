package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;
import eu.europa.esig.dss.spi.DSSUtils;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.pki.CertificateAuthority;

class FastPdfObjectFactoryTest {

    private static byte[] prepared(String before, int zeros, String after) {
        return (before + "<" + "0".repeat(zeros) + ">" + after).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] cms(int length) {
        byte[] cms = new byte[length];
        new Random(length).nextBytes(cms);
        return cms;
    }

    @Test
    void pastesTheSameBytesAsDss() {
        // what a prepared revision looks like around its placeholder: dictionaries, other hex strings, zeros elsewhere
        byte[] prepared = prepared("%PDF-1.7\n1 0 obj\n<</Type /Sig /ID <00ab> /N 0000 /Contents ", 2 * 64,
                " /ByteRange [0 10 20 30]>>\nendobj\n<<>> <0> %%EOF\n");
        byte[] cms = cms(50); // shorter than the reservation: the rest stays zero padding
        byte[] dss = DSSUtils.toByteArray(PAdESUtils.replaceSignature(new InMemoryDocument(prepared), cms, null));

        assertThat(FastPdfObjectFactory.paste(prepared, cms)).isEqualTo(dss);
    }

    @Test
    void leavesWhatDssRefusesToDssItself() {
        byte[] cms = cms(20);
        // no reservation long enough
        assertThat(FastPdfObjectFactory.paste(prepared("%PDF <", 39, ""), cms)).isNull();
        // two reservations: DSS says "more than one empty signature"
        byte[] two = (new String(prepared("%PDF ", 40, " "), StandardCharsets.ISO_8859_1)
                + new String(prepared("", 40, ""), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(FastPdfObjectFactory.paste(two, cms)).isNull();
        // the input is never changed
        byte[] one = prepared("%PDF ", 40, "");
        byte[] copy = one.clone();
        assertThat(FastPdfObjectFactory.paste(one, cms)).isNotNull();
        assertThat(one).isEqualTo(copy);
    }

    @Test
    void aDocumentCertifiedWithNoChangesAllowedIsStillRefusedAndAnOrdinaryOneSigned() {
        var ca = CertificateAuthority.createRoot("Test Root", "Hocba", java.time.Clock.systemUTC());
        var credential = ca.issue("Nguyễn Văn An", "Hocba", "GV1");
        // a certification signature (DocMDP P=1) made by plain DSS
        var parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(credential.certificate()));
        parameters.setPermission(CertificationPermission.NO_CHANGE_PERMITTED);
        var service = new PAdESService(new CommonCertificateVerifier());
        var pdf = new InMemoryDocument(TestPdfs.pdfA2b(1, 5));
        var toSign = service.getDataToSign(pdf, parameters);
        byte[] certified = DSSUtils.toByteArray(service.signDocument(pdf, parameters,
                new SignatureValue(SignatureAlgorithm.RSA_SHA256, credential.token().sign(toSign.getBytes()))));

        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        var request = new SignatureRequest(new SignatureBox(1, 40, 40, 170, 48), "Trần Thị Bình", "Giáo viên",
                "Xác nhận", "Trường", java.time.Instant.now());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> signer.sign(certified, credential.token(), request, SigningSettings.baselineB()))
                .isInstanceOf(SigningException.class).hasMessageContaining("DocMDP");
        assertThat(signer.sign(TestPdfs.pdfA2b(1, 5), credential.token(), request, SigningSettings.baselineB()))
                .isNotEmpty();
    }
}
