package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;
import vn.hocba.signing.pki.PkiServices;

/**
 * The room reserved for a signature's CMS: tight for a key in memory (estimated from the chain and the largest
 * timestamp token seen), signed once more with the room it needed when a TSA's token turns out larger (here: a TSA
 * under a deep hierarchy, whose tokens carry six certificates); a device-like token always gets the full room and
 * signs once.
 */
class ReservationIT {

    private static final String SCHOOL = "Trường THCS Mạo Khê II";

    private PkiServices small;
    private PkiServices large;
    private CertificateAuthority root;

    @BeforeEach
    void start() {
        root = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.systemUTC());
        small = PkiServices.start(root, 0);
        CertificateAuthority deepRoot = CertificateAuthority.createRoot("Deep Root CA", SCHOOL, Clock.systemUTC());
        large = PkiServices.start(deepRoot, 0);
        CertificateAuthority parent = deepRoot;
        for (int i = 1; i <= 4; i++) {
            CertificateAuthority child = parent.issueSubordinate("Deep CA " + i, SCHOOL, large.endpoints(parent));
            large.serve(child); // the TSA is re-issued under the newest CA: its chain grows by one each time
            parent = child;
        }
    }

    @AfterEach
    void stop() {
        small.close();
        large.close();
    }

    @Test
    void aTightReservationThatIsShortSignsOnceMoreWithTheRoomItNeeded() throws Exception {
        IssuedCredential teacher = root.issue("Nguyễn Văn An", SCHOOL, "GV1", small.endpoints());
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        byte[] pdf;
        try (var token = new Counting(teacher.token(), true)) {
            pdf = signer.sign(TestPdfs.pdfA2b(1, 10), token, request(0), settings(small));
            pdf = signer.sign(pdf, token, request(1), settings(small)); // tight now: the small TSA's token is known
            assertThat(token.signatures.get()).isEqualTo(2);

            pdf = signer.sign(pdf, token, request(2), settings(large));
            assertThat(token.signatures.get()).as("the large TSA's token did not fit: signed again").isEqualTo(4);
        }
        var report = new DssSignatureValidator(List.of(root.certificate())).validate(pdf);
        assertThat(report.signatures()).hasSize(3).allSatisfy(s -> assertThat(s.timestamped()).isTrue());
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.subIndication()).isNotEqualTo("HASH_FAILURE"));
    }

    @Test
    void aTokenThatCannotSignAgainFreelyGetsTheFullRoomAndSignsOnce() throws Exception {
        IssuedCredential teacher = root.issue("Trần Thị Bình", SCHOOL, "GV2", small.endpoints());
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        try (var token = new Counting(teacher.token(), false)) {
            byte[] pdf = signer.sign(TestPdfs.pdfA2b(1, 10), token, request(0), settings(small));
            pdf = signer.sign(pdf, token, request(1), settings(large));
            assertThat(token.signatures.get()).isEqualTo(2);
            assertThat(new DssSignatureValidator(List.of(root.certificate())).validate(pdf).signatures()).hasSize(2);
        }
    }

    private static SigningSettings settings(PkiServices services) {
        return vn.hocba.signing.TestSettings.baselineT(services);
    }

    private static SignatureRequest request(int i) {
        return new SignatureRequest(new SignatureBox(1, 40 + i * 180f, 40, 170, 48), "Giáo viên " + i,
                "Giáo viên bộ môn", "Xác nhận học bạ", SCHOOL, Instant.now());
    }

    /** A token that counts its signatures and says whether it may be asked again freely. */
    private static final class Counting implements SigningToken {
        private final SigningToken token;
        private final boolean repeatable;
        final AtomicInteger signatures = new AtomicInteger();

        Counting(SigningToken token, boolean repeatable) {
            this.token = token;
            this.repeatable = repeatable;
        }

        @Override
        public X509Certificate certificate() {
            return token.certificate();
        }

        @Override
        public List<X509Certificate> chain() {
            return new ArrayList<>(token.chain());
        }

        @Override
        public byte[] sign(byte[] dataToBeSigned) {
            signatures.incrementAndGet();
            return token.sign(dataToBeSigned);
        }

        @Override
        public String signatureAlgorithm() {
            return token.signatureAlgorithm();
        }

        @Override
        public boolean repeatable() {
            return repeatable;
        }

        @Override
        public void close() {
            token.close();
        }
    }
}
