package vn.hocba.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test PKI's TSA, OCSP responder, CRL and CA certificate, spoken to over HTTP as a relying party would. */
class PkiServicesIT {

    private static final String SCHOOL = "Trường THCS Nguyễn Du";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static CertificateAuthority ca;
    private static PkiServices services;

    @BeforeAll
    static void start() {
        ca = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.systemUTC());
        services = PkiServices.start(ca, 0);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void theTsaAnswersATokenThatVerifiesWithItsCertificate() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("học bạ".getBytes(StandardCharsets.UTF_8));
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(42));

        HttpResponse<byte[]> reply = post(services.timestampUrl(), "application/timestamp-query",
                request.getEncoded());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        TimeStampResponse response = new TimeStampResponse(reply.body());
        response.validate(request);
        TimeStampToken token = response.getTimeStampToken();
        X509Certificate tsa = services.timestampingCertificate();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant())
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        tsa.verify(ca.certificate().getPublicKey());
        // RFC 3161 2.3: the TSA certificate has exactly one EKU, id-kp-timeStamping, and it is critical
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
    }

    @Test
    void certificatesForRevocableUseNameTheServicesInsteadOfNoRevAvail() throws Exception {
        X509Certificate cert = ca.issue("Trần Văn Đức", SCHOOL, "GV1001", services.endpoints()).certificate();

        assertThat(cert.getExtensionValue("2.5.29.56")).as("noRevAvail").isNull();
        String aia = new String(cert.getExtensionValue(Extension.authorityInfoAccess.getId()), StandardCharsets.ISO_8859_1);
        assertThat(aia).contains(services.endpoints().ocsp().toString())
                .contains(services.endpoints().caIssuers().toString());
        String cdp = new String(cert.getExtensionValue(Extension.cRLDistributionPoints.getId()),
                StandardCharsets.ISO_8859_1);
        assertThat(cdp).contains(services.endpoints().crl().toString());
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4");
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isTrue();
    }

    @Test
    void ocspAnswersGoodThenRevokedAfterTheCaRevokes() throws Exception {
        X509Certificate cert = ca.issue("Lê Thị Thu Hà", SCHOOL, "GV1002", services.endpoints()).certificate();

        assertThat(ocspPost(cert.getSerialNumber()).getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(ocspGet(cert.getSerialNumber()).getCertStatus()).isEqualTo(CertificateStatus.GOOD);

        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ca.revoke(cert.getSerialNumber(), CRLReason.KEY_COMPROMISE, revokedAt);

        for (SingleResp answer : new SingleResp[] {ocspPost(cert.getSerialNumber()), ocspGet(cert.getSerialNumber())}) {
            assertThat(answer.getCertStatus()).isInstanceOf(RevokedStatus.class);
            RevokedStatus revoked = (RevokedStatus) answer.getCertStatus();
            assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(revokedAt);
            assertThat(revoked.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE.ordinal());
        }
    }

    @Test
    void ocspAnswersUnknownForASerialTheCaNeverIssued() throws Exception {
        assertThat(ocspPost(BigInteger.valueOf(123456789)).getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void theCrlListsTheRevokedSerialAndIsSignedByTheCa() throws Exception {
        X509Certificate cert = ca.issue("Phạm Quốc Việt", SCHOOL, "GV1003", services.endpoints()).certificate();
        X509Certificate other = ca.issue("Hoàng Minh Tuấn", SCHOOL, "GV1004", services.endpoints()).certificate();
        ca.revoke(cert.getSerialNumber(), CRLReason.AFFILIATION_CHANGED, Instant.now());

        HttpResponse<byte[]> reply = get(services.endpoints().crl());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(reply.body()));
        crl.verify(ca.certificate().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(crl.getRevokedCertificate(cert.getSerialNumber())).isNotNull();
        assertThat(crl.getRevokedCertificate(cert.getSerialNumber()).getRevocationReason())
                .isEqualTo(CRLReason.AFFILIATION_CHANGED);
        assertThat(crl.getRevokedCertificate(other.getSerialNumber())).isNull();
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
    }

    @Test
    void theCaCertificateIsServedForAiaCaIssuers() throws Exception {
        HttpResponse<byte[]> reply = get(services.endpoints().caIssuers());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(ca.certificate().getEncoded());
    }

    @Test
    void nothingAnswersAfterClose() throws Exception {
        CertificateAuthority another = CertificateAuthority.createRoot("Another CA", SCHOOL, Clock.systemUTC());
        PkiServices closing = PkiServices.start(another, 0);
        assertThat(get(closing.endpoints().caIssuers()).statusCode()).isEqualTo(200);

        closing.close();

        assertThatThrownBy(() -> get(closing.endpoints().caIssuers()))
                .isInstanceOf(IOException.class);
    }

    private static SingleResp ocspPost(BigInteger serial) throws Exception {
        HttpResponse<byte[]> reply = post(services.endpoints().ocsp(), "application/ocsp-request",
                ocspRequest(serial).getEncoded());
        return checkedAnswer(reply);
    }

    private static SingleResp ocspGet(BigInteger serial) throws Exception {
        String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(ocspRequest(serial).getEncoded()),
                StandardCharsets.US_ASCII);
        return checkedAnswer(get(URI.create(services.endpoints().ocsp() + "/" + encoded)));
    }

    private static OCSPReq ocspRequest(BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(ca.certificate()), serial);
        return new OCSPReqBuilder().addRequest(id).build();
    }

    private static SingleResp checkedAnswer(HttpResponse<byte[]> reply) throws Exception {
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
        OCSPResp response = new OCSPResp(reply.body());
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.certificate()))).isTrue();
        X509CertificateHolder[] certs = basic.getCerts();
        assertThat(certs).hasSize(1);
        assertThat(basic.getResponses()).hasSize(1);
        return basic.getResponses()[0];
    }

    private static HttpResponse<byte[]> post(URI uri, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
