package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.PdfAValidation;
import vn.hocba.signing.RevocationSource;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SignatureResult;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.http.HttpRevocationSource;
import vn.hocba.signing.http.HttpTimestampSource;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;
import vn.hocba.signing.pki.PkiServices;

/**
 * The Document Security Store written without DSS's validation ({@link DocumentSecurityStore}), judged by DSS's
 * validator offline after the test PKI's services stop, and by veraPDF: B-LT and B-LTA as DSS's own extension made
 * them, under a root and an issuing CA, with OCSP answers reused across documents only while they are newer than
 * each document's newest timestamp.
 */
class DocumentSecurityStoreIT {

    private static final String SCHOOL = "Trường THCS Mạo Khê II";

    private CertificateAuthority root;
    private CertificateAuthority issuing;
    private PkiServices services;
    private SigningSettings settings;
    private final AtomicInteger ocspAsked = new AtomicInteger();

    @BeforeEach
    void start() {
        root = CertificateAuthority.createRoot("Hocba Test Root CA", SCHOOL, Clock.systemUTC());
        services = PkiServices.start(root, 0);
        issuing = root.issueSubordinate("Hocba Test Issuing CA", SCHOOL, services.endpoints(root));
        services.serve(issuing);
        var http = new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC());
        RevocationSource counted = withOcsp(http, (certificate, issuer) -> {
            ocspAsked.incrementAndGet();
            return http.ocsp(certificate, issuer);
        });
        settings = new SigningSettings(PadesLevel.B_T, "SHA-256",
                new HttpTimestampSource(services.timestampUrl(), Duration.ofSeconds(5)), counted,
                List.of(root.certificate()));
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void recordsExtendedToLtAndLtaValidateOfflineAndStayPdfA() throws Exception {
        List<IssuedCredential> teachers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            teachers.add(issuing.issue("Giáo viên " + i, SCHOOL, "GV00" + i, services.endpoints(issuing)));
        }
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        List<byte[]> records = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            byte[] pdf = TestPdfs.pdfA2b(1, 10 + r);
            for (int i = 0; i < teachers.size(); i++) {
                try (SigningToken token = teachers.get(i).token()) {
                    pdf = signer.sign(pdf, token, request(i), settings);
                }
            }
            records.add(pdf);
        }
        Thread.sleep(1_100); // answers newer than every timestamp

        var store = new DocumentSecurityStore(Clock.systemUTC());
        byte[] first = store.extendToLt(records.get(0), settings);
        int askedForOne = ocspAsked.get();
        assertThat(askedForOne).as("teachers, TSA and issuing CA: each asked once").isGreaterThanOrEqualTo(4);
        byte[] second = store.extendToLt(records.get(1), settings);
        assertThat(ocspAsked.get()).as("the same signers a second later: every answer reused").isEqualTo(askedForOne);

        byte[] lta = store.extendToLta(records.get(2), settings, 8_192, size -> { });
        assertThat(occurrences(new String(lta, StandardCharsets.ISO_8859_1), "%%EOF")
                - occurrences(new String(records.get(2), StandardCharsets.ISO_8859_1), "%%EOF"))
                .as("the store and the document timestamp in one revision").isEqualTo(1);
        services.close(); // from here on everything must come from the files

        var validator = new DssSignatureValidator(List.of(root.certificate()));
        for (byte[] lt : List.of(first, second)) {
            var report = validator.validate(lt);
            assertThat(report.signatures()).hasSize(3).allSatisfy(signature -> {
                assertThat(signature.indication()).as(signature.subIndication()).isEqualTo(SignatureResult.TOTAL_PASSED);
                assertThat(signature.signatureFormat()).isEqualTo("PAdES-BASELINE-LT");
                assertThat(signature.revocationEmbedded()).isTrue();
                assertThat(signature.revocation()).isEqualTo(SignatureResult.Revocation.GOOD);
            });
            assertThat(PdfAValidation.pdfA2bFailures(lt)).isEmpty();
        }
        var archived = validator.validate(lta);
        assertThat(archived.signatures()).hasSize(3).allSatisfy(signature -> {
            assertThat(signature.indication()).as(signature.subIndication()).isEqualTo(SignatureResult.TOTAL_PASSED);
            assertThat(signature.level()).isEqualTo("PAdES-BASELINE-LTA");
        });
        assertThat(archived.documentTimestamps()).hasSize(1);
        assertThat(PdfAValidation.pdfA2bFailures(lta)).isEmpty();
    }

    @Test
    void aStoreAlreadyThereIsKeptAndNothingIsAddedTwice() throws Exception {
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        byte[] pdf;
        try (SigningToken token = issuing.issue("Nguyễn Văn An", SCHOOL, "GV1", services.endpoints(issuing)).token()) {
            pdf = signer.sign(TestPdfs.pdfA2b(1, 10), token, request(0), settings);
        }
        Thread.sleep(1_100);
        var store = new DocumentSecurityStore(Clock.systemUTC());
        byte[] once = store.extendToLt(pdf, settings);
        byte[] twice = store.extendToLt(once, settings);
        // the second revision repeats the arrays' references but adds no stream: every item is there already
        String added = new String(twice, once.length, twice.length - once.length, StandardCharsets.ISO_8859_1);
        assertThat(added).contains("/Certs [");
        assertThat(occurrences(added, "endstream")).as("no stream but the cross-reference stream, if any")
                .isEqualTo(occurrences(added, "/Type /XRef"));
        assertThat(new DssSignatureValidator(List.of(root.certificate())).validate(twice).signatures())
                .singleElement().satisfies(s -> assertThat(s.signatureFormat()).isEqualTo("PAdES-BASELINE-LT"));
    }

    @Test
    void aByteRangeThatIsNotASignatureDoesNotFoolIt() throws Exception {
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        byte[] pdf;
        try (SigningToken token = issuing.issue("Phạm Văn Cường", SCHOOL, "GV4", services.endpoints(issuing)).token()) {
            pdf = signer.sign(TestPdfs.pdfA2b(1, 10), token, request(0), settings);
        }
        // an update that writes "/ByteRange [0 100 200 300]" into an ordinary dictionary, as any PDF writer may
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var fake = new org.apache.pdfbox.cos.COSDictionary();
            fake.setItem(org.apache.pdfbox.cos.COSName.getPDFName("ByteRange"),
                    org.apache.pdfbox.cos.COSArray.ofCOSIntegers(List.of(0, 100, 200, 300)));
            var catalog = document.getDocumentCatalog().getCOSObject();
            catalog.setItem(org.apache.pdfbox.cos.COSName.getPDFName("HocbaTest"), fake);
            catalog.setNeedToBeUpdated(true);
            var out = new java.io.ByteArrayOutputStream();
            document.saveIncremental(out);
            pdf = out.toByteArray();
        }
        assertThat(NewestTimestamp.byteRanges(pdf)).hasSize(2);
        Thread.sleep(1_100);

        byte[] lt = new DocumentSecurityStore(Clock.systemUTC()).extendToLt(pdf, settings);

        assertThat(new DssSignatureValidator(List.of(root.certificate())).validate(lt).signatures()).singleElement()
                .satisfies(s -> assertThat(s.signatureFormat()).isEqualTo("PAdES-BASELINE-LT"));
    }

    @Test
    void whatTheFastPathCannotVouchForIsLeftToDssOrRefused() throws Exception {
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        var store = new DocumentSecurityStore(Clock.systemUTC());
        IssuedCredential teacher = issuing.issue("Trần Thị Bình", SCHOOL, "GV2", services.endpoints(issuing));
        var http = new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC());
        // real answers about the teacher and the TSA, from before the signature's timestamp
        byte[] oldTeacherAnswer = http.ocsp(teacher.certificate(), issuing.certificate()).orElseThrow();
        Thread.sleep(1_100);
        byte[] baselineB;
        byte[] baselineT;
        try (SigningToken token = teacher.token()) {
            baselineB = signer.sign(TestPdfs.pdfA2b(1, 10), token, request(0), SigningSettings.baselineB());
            baselineT = signer.sign(TestPdfs.pdfA2b(1, 10), token, request(0), settings);
        }
        RevocationSource replaying = withOcsp(http, (certificate, issuer) ->
                certificate.equals(teacher.certificate()) ? Optional.of(oldTeacherAnswer) : http.ocsp(certificate, issuer));
        assertThatThrownBy(() -> store.extendToLt(baselineB, settings))
                .isInstanceOf(DocumentSecurityStore.Unavailable.class).hasMessageContaining("B-B");
        assertThatThrownBy(() -> store.extendToLt(TestPdfs.pdfA2b(1, 10), settings))
                .isInstanceOf(DocumentSecurityStore.Unavailable.class).hasMessageContaining("no signature");
        // an answer from before the timestamp does not follow it
        Thread.sleep(1_100);
        assertThatThrownBy(() -> new DocumentSecurityStore(Clock.systemUTC()).extendToLt(baselineT,
                new SigningSettings(PadesLevel.B_T, "SHA-256", settings.timestamps(), replaying, settings.trustAnchors())))
                .isInstanceOf(DocumentSecurityStore.Unavailable.class).hasMessageContaining("newer");

        // revoked after the signature's timestamp: the answer is the evidence that it was good then, and goes in
        IssuedCredential later = issuing.issue("Lê Thị Cúc", SCHOOL, "GV3", services.endpoints(issuing));
        byte[] signedBeforeRevocation;
        try (SigningToken token = later.token()) {
            signedBeforeRevocation = signer.sign(TestPdfs.pdfA2b(1, 10), token, request(0), settings);
        }
        Thread.sleep(1_100);
        issuing.revoke(later.certificate().getSerialNumber(), CRLReason.KEY_COMPROMISE, Instant.now());
        byte[] evidence = store.extendToLt(signedBeforeRevocation, settings);
        assertThat(evidence.length).isGreaterThan(signedBeforeRevocation.length);

        // revoked before it (the CA dates the revocation an hour back): not this path's call; DSS's extension refuses
        issuing.revoke(teacher.certificate().getSerialNumber(), CRLReason.KEY_COMPROMISE,
                Instant.now().minusSeconds(3_600));
        assertThatThrownBy(() -> store.extendToLt(baselineT, settings))
                .isInstanceOf(DocumentSecurityStore.Unavailable.class).hasMessageContaining("DSS decides");
        assertThatThrownBy(() -> signer.extend(baselineT, PadesLevel.B_LT, settings))
                .isInstanceOf(SigningException.class);
    }

    @Test
    void extensionsRunningAtOnceAskTheResponderOncePerCertificateAndSecond() throws Exception {
        IssuedCredential teacher = issuing.issue("Nguyễn Văn An", SCHOOL, "GV1", services.endpoints(issuing));
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        List<byte[]> records = new ArrayList<>();
        try (SigningToken token = teacher.token()) {
            for (int r = 0; r < 8; r++) {
                records.add(signer.sign(TestPdfs.pdfA2b(1, 10 + r), token, request(0), settings));
            }
        }
        // a slow responder, so that the eight extensions' requests overlap: each would otherwise ask on its own
        var http = new HttpRevocationSource(Duration.ofSeconds(5), Clock.systemUTC());
        var askedFor = new java.util.concurrent.ConcurrentHashMap<X509Certificate, AtomicInteger>();
        RevocationSource slow = withOcsp(http, (certificate, issuer) -> {
            askedFor.computeIfAbsent(certificate, c -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return http.ocsp(certificate, issuer);
        });
        var slowSettings = new SigningSettings(PadesLevel.B_T, "SHA-256", settings.timestamps(), slow,
                settings.trustAnchors());
        var store = new DocumentSecurityStore(Clock.systemUTC());
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(records.size());
        try {
            List<java.util.concurrent.Future<byte[]>> extended = new ArrayList<>();
            for (byte[] record : records) {
                extended.add(pool.submit(() -> {
                    start.await();
                    return store.extendToLt(record, slowSettings);
                }));
            }
            start.countDown();
            var validator = new DssSignatureValidator(List.of(root.certificate()));
            for (int r = 0; r < records.size(); r++) {
                byte[] lt = extended.get(r).get();
                assertThat(validator.validate(lt).signatures()).singleElement().satisfies(signature -> {
                    assertThat(signature.indication()).as(signature.subIndication())
                            .isEqualTo(SignatureResult.TOTAL_PASSED);
                    assertThat(signature.signatureFormat()).isEqualTo("PAdES-BASELINE-LT");
                });
            }
        } finally {
            pool.shutdownNow();
        }
        // the eight were signed within a few seconds: one answer per second of their timestamps serves them all
        assertThat(askedFor.get(teacher.certificate()).get()).as("asked for the teacher's certificate")
                .isLessThanOrEqualTo(3);
        assertThat(askedFor.values()).allSatisfy(asked -> assertThat(asked.get()).isLessThanOrEqualTo(3));
    }

    @Test
    void anAnswerKeptForAnotherDocumentIsCheckedAgainstThisDocumentsTime() throws Exception {
        IssuedCredential teacher = issuing.issue("Phạm Thị Dung", SCHOOL, "GV4", services.endpoints(issuing));
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        byte[] before;
        byte[] after;
        Instant revokedAt;
        try (SigningToken token = teacher.token()) {
            before = signer.sign(TestPdfs.pdfA2b(1, 10), token, request(0), settings);
            Thread.sleep(1_100);
            revokedAt = Instant.now();
            Thread.sleep(1_100);
            after = signer.sign(TestPdfs.pdfA2b(1, 11), token, request(0), settings);
        }
        // the key was compromised between the two signatures; the CA learns of it only now
        issuing.revoke(teacher.certificate().getSerialNumber(), CRLReason.KEY_COMPROMISE, revokedAt);
        Thread.sleep(1_100);
        var store = new DocumentSecurityStore(Clock.systemUTC());
        // the first was signed before the revocation: the answer is its evidence, and is kept for other documents
        assertThat(store.extendToLt(before, settings).length).isGreaterThan(before.length);
        int asked = ocspAsked.get();
        // the same answer (newer than the second's timestamp, so reused) says revoked before the second signature
        assertThatThrownBy(() -> store.extendToLt(after, settings))
                .isInstanceOf(DocumentSecurityStore.Unavailable.class).hasMessageContaining("DSS decides");
        assertThat(ocspAsked.get()).as("the kept answer decided, not a new one").isEqualTo(asked);
    }

    /** {@code source} with its OCSP answers taken from {@code ocsp} (CRLs unchanged). */
    private static RevocationSource withOcsp(RevocationSource source,
                                             java.util.function.BiFunction<X509Certificate, X509Certificate,
                                                     Optional<byte[]>> ocsp) {
        return new RevocationSource() {
            @Override
            public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
                return ocsp.apply(certificate, issuer);
            }

            @Override
            public Optional<byte[]> crl(X509Certificate certificate, X509Certificate issuer) {
                return source.crl(certificate, issuer);
            }
        };
    }

    private static long occurrences(String text, String token) {
        return text.split(java.util.regex.Pattern.quote(token), -1).length - 1;
    }

    private static SignatureRequest request(int i) {
        return new SignatureRequest(new SignatureBox(1, 40 + i * 180f, 40, 170, 48), "Giáo viên " + i,
                "Giáo viên bộ môn", "Xác nhận học bạ", SCHOOL, Instant.now());
    }
}
