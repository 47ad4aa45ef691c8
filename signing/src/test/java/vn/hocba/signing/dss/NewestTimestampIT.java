package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.http.HttpRevocationSource;
import vn.hocba.signing.http.HttpTimestampSource;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.PkiServices;

/** {@link NewestTimestamp} against what DSS's validator finds in the same files, with the test PKI's real TSA. */
class NewestTimestampIT {

    private static final String SCHOOL = "Trường THCS Mạo Khê II";

    private CertificateAuthority ca;
    private PkiServices services;
    private SigningSettings settings;

    @BeforeEach
    void start() {
        ca = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.systemUTC());
        services = PkiServices.start(ca, 0);
        settings = new SigningSettings(PadesLevel.B_T, "SHA-256",
                new HttpTimestampSource(services.timestampUrl(), Duration.ofSeconds(5)),
                new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC()), List.of(ca.certificate()));
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void theNewestRevisionsTimestampIsTheOneDssFinds() throws Exception {
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        byte[] pdf = TestPdfs.pdfA2b(1, 10);
        assertThat(NewestTimestamp.of(pdf)).as("unsigned").isEmpty();
        try (SigningToken a = ca.issue("Nguyễn Văn An", SCHOOL, "GV1", services.endpoints()).token();
             SigningToken b = ca.issue("Trần Thị Bình", SCHOOL, "GV2", services.endpoints()).token()) {
            byte[] baselineB = signer.sign(pdf, a, request(0, "Nguyễn Văn An"), SigningSettings.baselineB());
            assertThat(NewestTimestamp.of(baselineB)).as("a B-B signature has no timestamp").isEmpty();

            pdf = signer.sign(pdf, a, request(0, "Nguyễn Văn An"), settings);
            Thread.sleep(1_100); // the second signature's timestamp is a later second
            pdf = signer.sign(pdf, b, request(1, "Trần Thị Bình"), settings);
        }
        Instant newest = newestByDss(pdf);
        assertThat(NewestTimestamp.of(pdf)).contains(newest);

        byte[] lt = signer.extend(pdf, PadesLevel.B_LT, settings);
        assertThat(NewestTimestamp.of(lt)).as("a DSS revision after the signature changes nothing").contains(newest);

        byte[] lta = signer.extend(pdf, PadesLevel.B_LTA, settings);
        var documentTimestamps = new DssSignatureValidator(List.of(ca.certificate())).validate(lta).documentTimestamps();
        assertThat(documentTimestamps).hasSize(1);
        assertThat(NewestTimestamp.of(lta)).as("the document timestamp is the newest")
                .contains(documentTimestamps.get(0).producedAt());

        byte[] torn = pdf.clone();
        int at = new String(torn, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("/ByteRange");
        torn[at + 1] = 'X'; // the newest signature's range unreadable: the older one is then the newest found
        assertThat(NewestTimestamp.of(torn)).isPresent().get().matches(t -> t.isBefore(newest));
    }

    private static Instant newestByDss(byte[] pdf) {
        Instant newest = null;
        for (var signature : new PDFDocumentValidator(new InMemoryDocument(pdf)).getSignatures()) {
            for (var timestamp : signature.getSignatureTimestamps()) {
                Instant t = timestamp.getGenerationTime().toInstant();
                newest = newest == null || t.isAfter(newest) ? t : newest;
            }
        }
        return newest;
    }

    private static SignatureRequest request(int i, String name) {
        return new SignatureRequest(new SignatureBox(1, 40 + i * 180f, 40, 170, 48), name, "Giáo viên bộ môn",
                "Xác nhận học bạ", SCHOOL, Instant.now());
    }
}
