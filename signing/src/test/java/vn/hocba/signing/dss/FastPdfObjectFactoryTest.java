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

    /** The placeholder search as first written: every '<', then its zeros. */
    private static int referencePlaceholder(byte[] prepared, int hexLength) {
        int at = -1;
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i] != '<') {
                continue;
            }
            int zeros = 0;
            while (i + 1 + zeros < prepared.length && prepared[i + 1 + zeros] == '0' && zeros < hexLength) {
                zeros++;
            }
            if (zeros == hexLength) {
                if (at >= 0) {
                    return -2;
                }
                at = i + 1;
                i += zeros;
            }
        }
        return at;
    }

    @Test
    void findsThePlaceholderAsAByteByByteSearchDoes() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            byte[] cms = cms(1 + random.nextInt(40));
            int hexLength = cms.length * 2;
            StringBuilder text = new StringBuilder();
            while (text.length() < 50 + random.nextInt(400)) {
                switch (random.nextInt(6)) {
                    case 0 -> text.append('<').append("0".repeat(random.nextInt(3 * hexLength)));
                    case 1 -> text.append("0".repeat(random.nextInt(3 * hexLength)));
                    case 2 -> text.append("<a0").append("0".repeat(random.nextInt(2 * hexLength)));
                    default -> text.append((char) ('!' + random.nextInt(90)));
                }
            }
            byte[] prepared = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            int expected = referencePlaceholder(prepared, hexLength);
            byte[] pasted = FastPdfObjectFactory.paste(prepared, cms);
            if (expected < 0) {
                assertThat(pasted).as("round %d: %s", round, text).isNull();
            } else {
                assertThat(pasted).as("round %d: %s", round, text).isNotNull();
                byte[] copy = prepared.clone();
                String hex = java.util.HexFormat.of().formatHex(cms);
                System.arraycopy(hex.getBytes(StandardCharsets.US_ASCII), 0, copy, expected, hexLength);
                assertThat(pasted).as("round %d", round).isEqualTo(copy);
            }
        }
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

    /** Empty when equal, else both texts around the first differing byte. */
    private static String difference(byte[] a, byte[] b) {
        int i = java.util.Arrays.mismatch(a, b);
        if (i < 0) {
            return "";
        }
        if (a.length == b.length) { // the CMS differs when anything it covers does: show the last difference
            int last = a.length - 1;
            while (a[last] == b[last]) {
                last--;
            }
            i = last;
        }
        int from = Math.max(0, i - 200);
        return "at " + i + " of " + a.length + "/" + b.length + ":\n"
                + new String(a, from, Math.min(a.length, i + 200) - from, StandardCharsets.ISO_8859_1) + "\n---- DSS:\n"
                + new String(b, from, Math.min(b.length, i + 200) - from, StandardCharsets.ISO_8859_1);
    }

    @Test
    void signsTheSameBytesAsDssOnADocumentWithSignaturesAlready() {
        var ca = CertificateAuthority.createRoot("Test Root", "Hocba", java.time.Clock.systemUTC());
        var credential = ca.issue("Nguyễn Văn An", "Hocba", "GV1");
        assertThat(FastPdfObjectFactory.fastReader()).as("DSS 6.4's members for the fast reader").isTrue();
        var dss = new BareDss(TestPdfs.dejaVuSans(), null);
        var ours = new BareDss(TestPdfs.dejaVuSans(), null, new FastPdfObjectFactory());
        byte[] theirs = TestPdfs.pdfA2b(2, 5);
        byte[] mine = theirs;
        var signingTime = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(5);
        for (int i = 0; i < 4; i++) { // each later one reads the earlier ones' /Contents hex
            var request = new SignatureRequest(new SignatureBox(1 + i % 2, 40, 40 + 60 * i, 170, 48), "Trần Thị Bình " + i,
                    "Giáo viên", "Xác nhận", "Trường", signingTime.plusSeconds(i));
            theirs = dss.sign(theirs, credential.token(), request);
            mine = ours.sign(mine, credential.token(), request);
            assertThat(difference(mine, theirs)).as("signature %d", i + 1).isEmpty();
        }
        // the fields PDFBox's own path keeps: all four, in signing order
        try (var document = org.apache.pdfbox.Loader.loadPDF(mine)) {
            assertThat(document.getSignatureDictionaries()).extracting(s -> s.getName())
                    .containsExactly("Trần Thị Bình 0", "Trần Thị Bình 1", "Trần Thị Bình 2", "Trần Thị Bình 3");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
