package vn.hocba.signing.csc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SignedPdfAssertions;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.dss.DssPdfSigner;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;
import vn.hocba.signing.token.Pkcs11SigningToken;
import vn.hocba.signing.token.SoftHsm;

/**
 * Remote signing over the CSC API, v1.0.4.0 and v2.0.0.2, against {@link CscTestServer} over real HTTP, the key of
 * the main credential on a SoftHSM2 token.
 */
class CscSigningIT {

    private static final String SCHOOL = "Trường THPT Chu Văn An";
    private static final String TEACHER = "Trần Văn Đức";
    private static final Instant SIGNING_TIME = Instant.parse("2025-05-30T03:15:00Z");
    private static final char[] PIN = "246810".toCharArray();
    /** The credential whose key is on the SoftHSM2 token. */
    private static final String HSM = "mysign-gv1001";
    /** A broken service: the teacher's chain, another key's signatures. */
    private static final String ROGUE = "rogue-gv1001";

    private static CertificateAuthority ca;
    private static SoftHsm hsm;
    private static Pkcs11SigningToken hsmKey;
    private static CscTestServer server;
    private static String accessToken;
    private static DssPdfSigner signer;
    private static byte[] unsigned;

    @BeforeAll
    static void setUp() {
        ca = CertificateAuthority.createRoot("Hocba Demo Root CA", SCHOOL,
                Clock.fixed(Instant.parse("2025-05-30T01:00:00Z"), ZoneOffset.UTC));
        hsm = SoftHsm.create();
        hsm.generateKey("gv1001", ca, TEACHER, SCHOOL, "GV1001");
        hsmKey = hsm.open("gv1001");
        IssuedCredential other = ca.issue("Lê Thị Thu Hà", SCHOOL, "GV1002");
        accessToken = CscTestServer.randomAccessToken();
        server = CscTestServer.start(accessToken, PIN, List.of(
                CscTestServer.Credential.pkcs11(HSM, hsmKey),
                CscTestServer.Credential.software("software-gv1002", other.privateKey(), other.chain()),
                CscTestServer.Credential.software(ROGUE, other.privateKey(), hsmKey.chain())));
        signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        unsigned = TestPdfs.pdfA2b(1, 20);
    }

    @AfterAll
    static void tearDown() {
        if (server != null) {
            server.close();
        }
        if (hsmKey != null) {
            hsmKey.close();
        }
        if (hsm != null) {
            hsm.close();
        }
    }

    private static CscClient client(CscApiVersion version) {
        return new CscClient(server.baseUri(), version, accessToken);
    }

    private static SignatureRequest request(int i) {
        return new SignatureRequest(new SignatureBox(1, 40 + (i % 3) * 175f, 40 + (i / 3) * 55f, 165, 48), TEACHER,
                "GV môn Toán", "Xác nhận học bạ năm học 2024-2025", SCHOOL, SIGNING_TIME.plusSeconds(60L * i));
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @ParameterizedTest
    @EnumSource(CscApiVersion.class)
    void theServiceDescribesItselfAndTheCredentials(CscApiVersion version) {
        CscClient client = client(version);

        assertThat(client.info().specs()).isEqualTo(version.specification());
        assertThat(client.info().methods()).contains("credentials/authorize", "signatures/signHash");
        assertThat(client.credentialIds()).containsExactly(HSM, "software-gv1002", ROGUE);
        CscCredentialInfo info = client.credentialInfo(HSM);
        assertThat(info.chain()).containsExactlyElementsOf(hsmKey.chain());
        assertThat(info.keyAlgorithms()).containsExactly(CscClient.RSA);
        assertThat(info.keyLength()).isEqualTo(2048);
        assertThat(info.multisign()).isEqualTo(CscTestServer.MULTISIGN);
    }

    @ParameterizedTest
    @EnumSource(CscApiVersion.class)
    void aPdfSignedRemotelyWithAKeyOnTheHsmValidatesInDssAndPdfsig(CscApiVersion version) throws Exception {
        int authorizations = server.authorizations();
        byte[] signed;
        try (CscSigningToken token = CscSigningToken.open(client(version), HSM, PIN)) {
            assertThat(token.certificate()).isEqualTo(hsmKey.certificate());
            byte[] once = signer.sign(unsigned, token, request(0));
            signed = signer.sign(once, token, request(1));
        }
        // one authorization per signature: the single-signature token asks for the PIN each time
        assertThat(server.authorizations() - authorizations).isEqualTo(2);
        SignedPdfAssertions.assertValidAndTrusted(signed, ca.certificate(), 2, TEACHER);
    }

    @ParameterizedTest
    @EnumSource(CscApiVersion.class)
    void aBatchOfFiveDocumentsIsAuthorizedOnceAndEveryOneValidates(CscApiVersion version) throws Exception {
        // five different records, each signed by the same teacher at a different time
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            documents.add(TestPdfs.pdfA2b(1, 10 + i));
        }
        // step 1: what each document needs signed (DSS's data to sign is deterministic for the same request)
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            hashes.add(sha256(DataToSign.of(signer, documents.get(i), hsmKey.chain(), request(i))));
        }
        int authorizations = server.authorizations();
        int signHashRequests = server.signHashRequests();
        // step 2: one PIN entry for all five, in requests of at most two hashes
        CscClient client = new CscClient(server.baseUri(), version, accessToken,
                java.net.http.HttpClient.newHttpClient(), java.time.Duration.ofSeconds(30), 2);
        List<byte[]> signatures = client.signHashes(HSM, hashes, PIN);

        assertThat(server.authorizations() - authorizations).isEqualTo(1);
        assertThat(server.signHashRequests() - signHashRequests).isEqualTo(3);
        assertThat(signatures).hasSize(5);
        // step 3: put each signature into its document
        for (int i = 0; i < documents.size(); i++) {
            byte[] signed = signer.sign(documents.get(i),
                    new PresignedToken(hsmKey.chain(), hashes.get(i), signatures.get(i)), request(i));
            SignedPdfAssertions.assertValidAndTrusted(signed, ca.certificate(), 1, TEACHER);
        }
    }

    @ParameterizedTest
    @EnumSource(CscApiVersion.class)
    void aWrongPinIsRefusedWithTheServicesExplanation(CscApiVersion version) {
        try (CscSigningToken token = CscSigningToken.open(client(version), HSM, "111111".toCharArray())) {
            assertThatThrownBy(() -> signer.sign(unsigned, token, request(0)))
                    .isInstanceOfSatisfying(CscException.class, e -> {
                        assertThat(e.method()).isEqualTo("credentials/authorize");
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.error()).isEqualTo("invalid_pin");
                        assertThat(e.errorDescription()).isEqualTo("The PIN is invalid");
                    })
                    .hasMessage("CSC credentials/authorize refused (HTTP 400): invalid_pin: The PIN is invalid")
                    .hasMessageNotContaining("111111");
        }
    }

    @ParameterizedTest
    @EnumSource(CscApiVersion.class)
    void aSadIsSpentAfterItsNumberOfSignatures(CscApiVersion version) throws Exception {
        CscClient client = client(version);
        byte[] first = sha256(new byte[] {1});
        byte[] second = sha256(new byte[] {2});
        CscAuthorization sad = client.authorize(HSM, List.of(first, second), PIN);
        assertThat(sad.numSignatures()).isEqualTo(2);
        assertThat(sad.toString()).doesNotContain(sad.sad());

        List<byte[]> one = client.signHash(sad, List.of(first));
        List<byte[]> two = client.signHash(sad, List.of(second));
        assertThat(verifies(one.get(0), first)).isTrue();
        assertThat(verifies(two.get(0), second)).isTrue();

        // a third signature with the same SAD, even of a hash it covered, is refused
        assertThatThrownBy(() -> client.signHash(sad, List.of(first)))
                .isInstanceOfSatisfying(CscException.class, e -> assertThat(e.error()).isEqualTo("invalid_request"))
                .hasMessageContaining("Invalid SAD");
    }

    @ParameterizedTest
    @EnumSource(CscApiVersion.class)
    void aSadCoversOnlyTheHashesItWasIssuedFor(CscApiVersion version) throws Exception {
        CscClient client = client(version);
        byte[] authorized = sha256(new byte[] {3});
        CscAuthorization sad = client.authorize(HSM, List.of(authorized), PIN);

        assertThatThrownBy(() -> client.signHash(sad, List.of(sha256(new byte[] {4}))))
                .isInstanceOf(CscException.class).hasMessageContaining("a hash was not authorized");
        assertThatThrownBy(() -> client.signHash(sad, List.of(authorized, authorized)))
                .isInstanceOf(CscException.class).hasMessageContaining("it covers 1 more signatures, 2 requested");
        // the refusals spent nothing: the authorized hash can still be signed, once
        assertThat(verifies(client.signHash(sad, List.of(authorized)).get(0), authorized)).isTrue();
        // nor can a SAD be used for another credential
        CscAuthorization other = client.authorize(HSM, List.of(authorized), PIN);
        assertThatThrownBy(() -> client.signHash(
                new CscAuthorization("software-gv1002", other.sad(), 1, other.expiresIn()), List.of(authorized)))
                .isInstanceOf(CscException.class).hasMessageContaining("another credential");
    }

    @Test
    void aSignatureFromAnotherKeyIsRefusedBeforeItReachesTheDocument() {
        try (CscSigningToken token = CscSigningToken.open(client(CscApiVersion.V2), ROGUE, PIN)) {
            assertThat(token.certificate()).isEqualTo(hsmKey.certificate());
            assertThatThrownBy(() -> signer.sign(unsigned, token, request(0)))
                    .isInstanceOf(SigningException.class)
                    .hasMessageContaining("does not verify with the certificate");
        }
    }

    @Test
    void aWrongAccessTokenIsRefused() {
        CscClient client = new CscClient(server.baseUri(), CscApiVersion.V1, "not-the-token");
        assertThat(client.info().specs()).as("info needs no token").isEqualTo("1.0.4.0");
        assertThatThrownBy(client::credentialIds)
                .isInstanceOfSatisfying(CscException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.error()).isEqualTo("invalid_token");
                })
                .hasMessageNotContaining("not-the-token");
    }

    @Test
    void anUnknownCredentialIsRefused() {
        assertThatThrownBy(() -> CscSigningToken.open(client(CscApiVersion.V1), "nobody", PIN))
                .isInstanceOf(CscException.class)
                .hasMessageContaining("Invalid parameter credentialID");
    }

    @Test
    void moreSignaturesThanTheCredentialAllowsInOneAuthorizationAreRefused() throws Exception {
        List<byte[]> tooMany = new ArrayList<>();
        for (int i = 0; i <= CscTestServer.MULTISIGN; i++) {
            tooMany.add(sha256(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        assertThatThrownBy(() -> client(CscApiVersion.V2).signHashes(HSM, tooMany, PIN))
                .isInstanceOf(CscException.class)
                .hasMessageContaining("numSignatures must be between 1 and " + CscTestServer.MULTISIGN);
    }

    @Test
    void moreHashesThanOneAuthorizationCoversAreSignedInAsManyAuthorizationsAsNeeded() throws Exception {
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < CscTestServer.MULTISIGN + 3; i++) {
            many.add(sha256(new byte[] {(byte) i, (byte) (i >> 8), 7}));
        }
        int authorizations = server.authorizations();
        List<byte[]> signatures = client(CscApiVersion.V2).signHashes(HSM, many, PIN, CscTestServer.MULTISIGN);
        assertThat(server.authorizations() - authorizations).isEqualTo(2);
        assertThat(signatures).hasSize(many.size());
        for (int i = 0; i < many.size(); i++) {
            assertThat(verifies(signatures.get(i), many.get(i))).as("signature " + i).isTrue();
        }
    }

    private static boolean verifies(byte[] signatureValue, byte[] hash) throws Exception {
        // RSA PKCS#1 v1.5 over the DigestInfo: NONEwithRSA verification against the DigestInfo of the hash
        Signature verifier = Signature.getInstance("NONEwithRSA");
        verifier.initVerify(hsmKey.certificate().getPublicKey());
        verifier.update(CscTestServer.digestInfo(hash));
        return verifier.verify(signatureValue);
    }

    /**
     * Step 1 of a batch: runs the signer with a token that records the data to be signed and stops there (the
     * signer's public API makes and assembles the signature in one call).
     */
    static final class DataToSign implements SigningToken {
        private final List<X509Certificate> chain;
        private byte[] data;

        private DataToSign(List<X509Certificate> chain) {
            this.chain = chain;
        }

        static byte[] of(DssPdfSigner signer, byte[] pdf, List<X509Certificate> chain, SignatureRequest request) {
            DataToSign recorder = new DataToSign(chain);
            assertThatThrownBy(() -> signer.sign(pdf, recorder, request)).isInstanceOf(Recorded.class);
            return recorder.data;
        }

        @Override
        public X509Certificate certificate() {
            return chain.get(0);
        }

        @Override
        public List<X509Certificate> chain() {
            return chain;
        }

        @Override
        public byte[] sign(byte[] dataToBeSigned) {
            data = dataToBeSigned.clone();
            throw new Recorded();
        }

        @Override
        public String signatureAlgorithm() {
            return "SHA256withRSA";
        }

        @Override
        public void close() {
        }
    }

    /** Stops the signer after step 1. */
    static final class Recorded extends SigningException {
        private static final long serialVersionUID = 1L;

        Recorded() {
            super("data to be signed recorded");
        }
    }

    /** Step 3 of a batch: answers with a signature made earlier, only for the very data whose hash was signed. */
    record PresignedToken(List<X509Certificate> chain, byte[] hash, byte[] signature) implements SigningToken {
        @Override
        public X509Certificate certificate() {
            return chain.get(0);
        }

        @Override
        public byte[] sign(byte[] dataToBeSigned) {
            try {
                if (!Arrays.equals(MessageDigest.getInstance("SHA-256").digest(dataToBeSigned), hash)) {
                    throw new SigningException("the data to be signed changed between the steps");
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return signature;
        }

        @Override
        public String signatureAlgorithm() {
            return "SHA256withRSA";
        }

        @Override
        public void close() {
        }
    }
}
