package vn.hocba.signing.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.Pdfsig;
import vn.hocba.signing.PendingSignature;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.csc.CscApiVersion;
import vn.hocba.signing.csc.CscClient;
import vn.hocba.signing.csc.CscTestServer;
import vn.hocba.signing.dss.DssPdfSigner;
import vn.hocba.signing.dss.DssSignatureValidator;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.PkiServices;

/**
 * Keys on devices at the configured levels: a teacher's key on a PKCS#11 token (SoftHSM2) and a principal's key
 * behind a remote signing service (CSC API v2, the test server holding a SoftHSM2 key) sign at B-T with the test PKI's
 * TSA through the signer's three steps, the principal's batch authorized once for all its hashes; each file is then
 * extended to B-LTA and validates in pdfsig while the PKI's services run, and in EU DSS offline once they stop.
 */
class LongTermDeviceSigningIT {

    private static final String SCHOOL = "Trường THCS Mạo Khê II";
    private static final char[] PIN = "246810".toCharArray();

    private CertificateAuthority ca;
    private PkiServices services;
    private SoftHsm hsm;
    private SigningSettings settings;

    @BeforeEach
    void start() {
        ca = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.systemUTC());
        services = PkiServices.start(ca, 0);
        hsm = SoftHsm.create();
        hsm.generateKey("gv-toan", ca, "Nguyễn Thị Hồng Nhung", SCHOOL, "GV1001", services.endpoints());
        hsm.generateKey("hieu-truong", ca, "Phan Thị Tuyết Mai", SCHOOL, "GV1013", services.endpoints());
        settings = vn.hocba.signing.TestSettings.baselineT(services, ca.certificate());
    }

    @AfterEach
    void stop() {
        services.close();
        hsm.close();
    }

    @Test
    void aTokenAndARemoteBatchSignAtBtAndTheFilesValidateAtBltaOffline() throws Exception {
        DssPdfSigner signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        List<byte[]> documents = new ArrayList<>();
        try (Pkcs11SigningToken teacher = hsm.open("gv-toan")) {
            for (int i = 0; i < 3; i++) {
                documents.add(signer.sign(TestPdfs.pdfA2b(1, 10 + i), teacher,
                        request(0, "Nguyễn Thị Hồng Nhung"), settings));
            }
        }

        List<byte[]> archived = new ArrayList<>();
        try (Pkcs11SigningToken principalKey = hsm.open("hieu-truong")) {
            String access = CscTestServer.randomAccessToken();
            try (CscTestServer csc = CscTestServer.start(access, PIN,
                    List.of(CscTestServer.Credential.pkcs11("principal", principalKey)))) {
                CscClient client = new CscClient(csc.baseUri(), CscApiVersion.V2, access);
                // step 1 for every document, step 2 with one authorization for all hashes, step 3 per document
                List<PendingSignature> pending = new ArrayList<>();
                List<byte[]> hashes = new ArrayList<>();
                for (byte[] document : documents) {
                    PendingSignature p = signer.prepare(document, principalKey.chain(),
                            request(1, "Phan Thị Tuyết Mai"), settings);
                    pending.add(PendingSignature.decode(p.encode()));
                    hashes.add(MessageDigest.getInstance("SHA-256").digest(p.dataToSign()));
                }
                int before = csc.authorizations();
                List<byte[]> values = client.signHashes("principal", hashes, PIN);
                assertThat(csc.authorizations() - before).as("one authorization for the batch").isEqualTo(1);
                for (int i = 0; i < documents.size(); i++) {
                    byte[] signed = signer.complete(documents.get(i), pending.get(i), values.get(i), settings);
                    archived.add(signer.extend(signed, PadesLevel.B_LTA, settings));
                }
            }
        }

        try (Pdfsig pdfsig = Pdfsig.withTrustAnchors(List.of(ca.certificate()))) {
            for (byte[] pdf : archived) {
                assertThat(pdfsig.signatureVerdicts(pdf)).hasSize(2).allSatisfy(v -> {
                    assertThat(v.signature()).isEqualTo(Pdfsig.SIGNATURE_VALID);
                    assertThat(v.certificate()).isEqualTo(Pdfsig.CERTIFICATE_TRUSTED);
                });
            }
        }
        services.close();
        for (byte[] pdf : archived) {
            ValidationReport offline = new DssSignatureValidator(List.of(ca.certificate())).validate(pdf);
            assertThat(offline.signatures()).hasSize(2).allSatisfy(s -> {
                assertThat(s.indication()).as(String.valueOf(s.subIndication())).isEqualTo("TOTAL_PASSED");
                assertThat(s.signatureFormat()).isEqualTo("PAdES-BASELINE-LTA");
            });
        }
    }

    private static SignatureRequest request(int i, String name) {
        return new SignatureRequest(new SignatureBox(1, 40 + i * 180f, 40, 170, 48), name,
                i == 0 ? "Giáo viên bộ môn (Toán)" : "Hiệu trưởng", "Xác nhận học bạ năm học 2024-2025", SCHOOL,
                Instant.now());
    }
}
