package vn.hocba.signing.dss;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;

import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.Throughput;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.IssuedCredential;

/**
 * Signing benchmark (bin/bench): a bare EU DSS PAdES-BASELINE-B loop against {@link DssPdfSigner} (visible signature)
 * on the same ~100 KB PDF/A-2b, on 1 and 2 threads. Prints figures; asserts nothing. The comparison the targets are
 * about (a bare loop with a visible signature against the service, interleaved, at B-B and B-T) is
 * {@code vn.hocba.archive.bench.WorkflowBench}, with {@link BareDss}.
 */
public final class SigningBench {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 8);

    public static void main(String[] args) throws Exception {
        byte[] pdf = TestPdfs.pdfA2b(2, 60, 85_000);
        var ca = CertificateAuthority.createRoot("Bench Root", "Hocba bench", Clock.systemUTC());
        IssuedCredential credential = ca.issue("Nguyễn Văn Bench", "Trường THCS Bench", "GV-BENCH");
        var signer = new DssPdfSigner(TestPdfs.dejaVuSans());
        var bare = new PAdESService(new CommonCertificateVerifier());
        System.out.printf("[bench] PDF %d KB, %d s per measurement, %d cores%n", pdf.length / 1024, SECONDS,
                Runtime.getRuntime().availableProcessors());

        Supplier<Runnable> bareLoop = () -> {
            SigningToken token = credential.token();
            return () -> bareSign(bare, pdf, token);
        };
        Supplier<Runnable> ours = () -> {
            SigningToken token = credential.token();
            var request = new SignatureRequest(new SignatureBox(1, 40, 40, 165, 48), "Nguyễn Văn Bench",
                    "Giáo viên bộ môn (Toán)", "Bench", "Bench", Instant.now());
            return () -> signer.sign(pdf, token, request);
        };
        measure("warm-up bare DSS", bareLoop, 1, 3);
        measure("warm-up DssPdfSigner", ours, 1, 3);
        double bare1 = measure("bare DSS PAdES-B, invisible", bareLoop, 1, SECONDS);
        double bare2 = measure("bare DSS PAdES-B, invisible", bareLoop, 2, SECONDS);
        double ours1 = measure("DssPdfSigner PAdES-B, visible", ours, 1, SECONDS);
        double ours2 = measure("DssPdfSigner PAdES-B, visible", ours, 2, SECONDS);
        System.out.printf("[bench] DssPdfSigner / bare DSS: %.2f (1 thread), %.2f (2 threads)%n", ours1 / bare1, ours2 / bare2);
        System.out.printf("[bench] 2 threads / 1 thread: bare %.2fx, DssPdfSigner %.2fx%n", bare2 / bare1, ours2 / ours1);
    }

    /** One bare EU DSS PAdES-BASELINE-B signature (invisible): the reference the targets compare against. */
    public static void bareSign(PAdESService service, byte[] pdf, SigningToken token) {
        var parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(token.certificate()));
        List<CertificateToken> chain = new ArrayList<>();
        token.chain().forEach(c -> chain.add(new CertificateToken(c)));
        parameters.setCertificateChain(chain);
        var document = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        var value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, token.sign(toBeSigned.getBytes()));
        service.signDocument(document, parameters, value);
    }

    /** Runs the task on {@code threads} threads for {@code seconds}; prints and returns signatures per second. */
    private static double measure(String name, Supplier<Runnable> task, int threads, int seconds) throws Exception {
        double rate = Throughput.perSecond(task, threads, seconds);
        if (!name.startsWith("warm-up")) {
            System.out.printf("[bench] %-32s %d thread(s): %6.1f signatures/s%n", name, threads, rate);
        }
        return rate;
    }
}
