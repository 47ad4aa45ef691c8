package vn.hocba.signing.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SignedPdfAssertions;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.dss.DssPdfSigner;
import vn.hocba.signing.pki.CertificateAuthority;

/** {@link Pkcs11SigningToken} against a real SoftHSM2 token (PKCS#11 v2.40 through SunPKCS11). */
class Pkcs11SigningTokenIT {

    private static final String SCHOOL = "Trường THCS Nguyễn Du";
    private static final String TEACHER = "Nguyễn Thị Hồng Nhung";
    private static final Instant SIGNING_TIME = Instant.parse("2025-05-30T03:15:00Z");

    private static CertificateAuthority ca;
    private static SoftHsm hsm;
    private static List<X509Certificate> issued;

    @BeforeAll
    static void setUp() {
        ca = CertificateAuthority.createRoot("Hocba Demo Root CA", SCHOOL,
                Clock.fixed(Instant.parse("2025-05-30T01:00:00Z"), ZoneOffset.UTC));
        hsm = SoftHsm.create();
        issued = hsm.generateKey("gvcn", ca, TEACHER, SCHOOL, "GV1000");
        hsm.generateKey("hieu-truong", ca, "Phan Thị Tuyết Mai", SCHOOL, "GV1013");
    }

    @AfterAll
    static void tearDown() {
        if (hsm != null) {
            hsm.close();
        }
    }

    private static SignatureRequest request(int i, String name) {
        return new SignatureRequest(new SignatureBox(1, 40 + i * 175f, 40, 165, 48), name, "Giáo viên chủ nhiệm",
                "Xác nhận học bạ năm học 2024-2025", SCHOOL, SIGNING_TIME.plusSeconds(60L * i));
    }

    @Test
    void aPdfSignedOnTheTokenValidatesInDssAndPdfsig() throws Exception {
        DssPdfSigner signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        byte[] signed;
        try (Pkcs11SigningToken token = hsm.open("gvcn"); Pkcs11SigningToken principal = hsm.open("hieu-truong")) {
            assertThat(token.certificate()).isEqualTo(issued.get(0));
            assertThat(token.chain()).containsExactlyElementsOf(issued);
            assertThat(token.signatureAlgorithm()).isEqualTo("SHA256withRSA");
            byte[] once = signer.sign(TestPdfs.pdfA2b(1, 20), token, request(0, TEACHER));
            signed = signer.sign(once, principal, request(1, "Phan Thị Tuyết Mai"));
        }
        SignedPdfAssertions.assertValidAndTrusted(signed, ca.certificate(), 2, null);
    }

    @Test
    void thePrivateKeyNeverLeavesTheToken() {
        try (Pkcs11SigningToken token = hsm.open("gvcn")) {
            // SunPKCS11 gives no encoding for a sensitive key: there are no key bytes in the JVM
            assertThat(token.privateKey().getEncoded()).isNull();
        }
        assertThat(hsm.listObjects()).contains("label:      gvcn")
                .containsPattern("Private Key Object; RSA[\\s\\S]*?label:      gvcn[\\s\\S]*?never extractable");
    }

    @Test
    void aWrongPinIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Pkcs11SigningToken.open(hsm.module(), hsm.slot(), "000000".toCharArray(), "gvcn"))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("wrong PIN for the token in slot " + hsm.slot().id());
        // the right PIN still works: one wrong try does not lock SoftHSM's token
        try (Pkcs11SigningToken token = hsm.open("gvcn")) {
            assertThat(token.sign(new byte[] {1})).isNotEmpty();
        }
    }

    @Test
    void aLabelWithoutAKeyIsRefusedNamingTheKeysThatExist() {
        assertThatThrownBy(() -> hsm.open("nobody"))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("no key labelled 'nobody'")
                .hasMessageContaining("gvcn")
                .hasMessageContaining("hieu-truong");
    }

    @Test
    void aSlotWithoutATokenIsRefused() {
        assertThatThrownBy(() -> Pkcs11SigningToken.open(hsm.module(), Pkcs11Slot.id(hsm.slot().id() + 1),
                hsm.pin(), "gvcn"))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("no PKCS#11 token in slot " + (hsm.slot().id() + 1));
        assertThatThrownBy(() -> Pkcs11SigningToken.open(hsm.module(), Pkcs11Slot.index(40), hsm.pin(), "gvcn"))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("no PKCS#11 token in slot list index 40");
    }

    @Test
    void aMissingModuleIsRefused() {
        assertThatThrownBy(() -> Pkcs11SigningToken.open(hsm.module().resolveSibling("nothing.so"), hsm.slot(),
                hsm.pin(), "gvcn"))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("no PKCS#11 module at ");
    }

    @Test
    void signingAHashGivesTheSameSignatureAsSigningTheData() throws Exception {
        byte[] data = "dữ liệu cần ký".getBytes(StandardCharsets.UTF_8);
        try (Pkcs11SigningToken token = hsm.open("gvcn")) {
            byte[] overData = token.sign(data);
            byte[] overHash = token.signSha256Digest(java.security.MessageDigest.getInstance("SHA-256").digest(data));
            // RSA PKCS#1 v1.5 is deterministic: the same DigestInfo gives the same bytes
            assertThat(overHash).isEqualTo(overData);
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(token.certificate());
            verifier.update(data);
            assertThat(verifier.verify(overHash)).isTrue();
            assertThatThrownBy(() -> token.signSha256Digest(new byte[20])).isInstanceOf(SigningException.class)
                    .hasMessageContaining("32 bytes");
        }
    }

    @Test
    void aClosedTokenRefusesToSign() {
        Pkcs11SigningToken token = hsm.open("gvcn");
        token.close();
        token.close();
        assertThatThrownBy(() -> token.sign(new byte[] {1})).isInstanceOf(SigningException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void oneTokenServesSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Pkcs11SigningToken token = hsm.open("gvcn")) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] data = ("bản ghi " + i).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> {
                    Signature verifier = Signature.getInstance("SHA256withRSA");
                    verifier.initVerify(token.certificate());
                    verifier.update(data);
                    return verifier.verify(token.sign(data));
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
