package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.TestPdfs;
import vn.hocba.signing.pki.CertificateAuthority;

/** Review: tries to break FastHexPdfParser's and FastPdfObjectFactory's claims. */
class FastPathAgainstDssTest {

    // ---------------------------------------------------------------- parser, differential against Loader.loadPDF

    /** A PDF whose catalog's /Probe array holds the given raw bytes, then /After 7; one page after it. */
    private static byte[] pdfWithRaw(byte[] probe) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        offsets.add((long) out.size());
        out.writeBytes("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Probe [".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(probe);
        out.writeBytes("] /After 7 >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        for (String o : new String[] {"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>"}) {
            offsets.add((long) out.size());
            out.writeBytes(((offsets.size()) + " 0 obj\n" + o + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        long xref = out.size();
        StringBuilder t = new StringBuilder("xref\n0 4\n0000000000 65535 f \n");
        offsets.forEach(o -> t.append(String.format("%010d 00000 n \n", o)));
        t.append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(t.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** What the catalog holds, as text: strings as hex of their bytes; or the exception's class. */
    private static String read(byte[] pdf, boolean fast) {
        try (PDDocument d = fast ? FastHexPdfParser.load(pdf) : Loader.loadPDF(pdf)) {
            COSDictionary catalog = d.getDocumentCatalog().getCOSObject();
            StringBuilder s = new StringBuilder();
            COSArray probe = catalog.getCOSArray(COSName.getPDFName("Probe"));
            for (int i = 0; probe != null && i < probe.size(); i++) {
                COSBase b = probe.getObject(i);
                s.append(b instanceof COSString str ? "S:" + java.util.HexFormat.of().formatHex(str.getBytes())
                        : String.valueOf(b)).append(' ');
            }
            return s + " after=" + catalog.getInt(COSName.getPDFName("After")) + " pages=" + d.getNumberOfPages();
        } catch (IOException | RuntimeException e) {
            return "threw " + e.getClass().getName();
        }
    }

    private static void same(String what, byte[] probe) {
        byte[] pdf = pdfWithRaw(probe);
        assertThat(read(pdf, true)).as(what).isEqualTo(read(pdf, false));
    }

    @Test
    void hexStringsAroundTheChunkBoundaryAndOddInputsReadAsPdfBoxReadsThem() {
        int chunk = 32 * 1024;
        for (int digits : new int[] {chunk - 2, chunk - 1, chunk, chunk + 1, chunk + 2, 2 * chunk - 1, 2 * chunk,
                2 * chunk + 1, 3 * chunk + 7}) {
            String hex = "a".repeat(digits);
            same(digits + " digits", ("<" + hex + ">").getBytes(StandardCharsets.ISO_8859_1));
            same(digits + " digits, then a string", ("<" + hex + "><41>(x)").getBytes(StandardCharsets.ISO_8859_1));
            same(digits + " digits, invalid at the end", ("<" + hex + "Z>").getBytes(StandardCharsets.ISO_8859_1));
            same(digits + " spaces", ("<" + " ".repeat(digits) + "4>").getBytes(StandardCharsets.ISO_8859_1));
        }
        for (String raw : new String[] {"<>", "< >", "<4>", "<41>/N", "<41><42>", "<4 1\r\n\f\b\t>", "<41\u00004>",
                "<41\u000b42>", "<41 G>", "<4G1>", "<\u00ff41>", "<41", "<", "<<41>>", "<4>1"}) {
            same(raw.replace("\u0000", "NUL"), raw.getBytes(StandardCharsets.ISO_8859_1));
        }
        Random random = new Random(7);
        byte[] alphabet = "0123456789abcdefABCDEF \n\r\t".getBytes(StandardCharsets.ISO_8859_1);
        byte[] odd = "\u0000\u000bxZ<(%)/".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 200; round++) {
            int length = random.nextInt(3) == 0 ? chunk - 50 + random.nextInt(100) : random.nextInt(200);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            raw.write('<');
            for (int i = 0; i < length; i++) {
                raw.write(random.nextInt(500) == 0 ? odd[random.nextInt(odd.length)]
                        : alphabet[random.nextInt(alphabet.length)]);
            }
            raw.write('>');
            same("random " + round, raw.toByteArray());
        }
    }

    /** Object streams and a cross-reference stream (PDFBox 3's default save): strings in them read the same. */
    @Test
    void aCompressedPdfWithHexStringsInObjectStreamsReadsTheSame() throws IOException {
        byte[] pdf;
        try (PDDocument d = new PDDocument()) {
            d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            COSArray probe = new COSArray();
            for (int i = 0; i < 5; i++) {
                COSString s = new COSString(new byte[] {(byte) i, (byte) 0xAB, 0});
                s.setForceHexForm(true);
                probe.add(s);
            }
            COSString big = new COSString(new byte[40_000]);
            big.setForceHexForm(true);
            probe.add(big);
            d.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Probe"), probe);
            d.getDocumentCatalog().getCOSObject().setInt(COSName.getPDFName("After"), 7);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.save(out);
            pdf = out.toByteArray();
        }
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/ObjStm").contains("/XRef");
        assertThat(read(pdf, true)).isEqualTo(read(pdf, false)).contains("pages=1");
    }

    // ---------------------------------------------------------------- signing, differential against DSS's factory

    private static final CertificateAuthority CA =
            CertificateAuthority.createRoot("Test Root", "Hocba", java.time.Clock.systemUTC());
    private static final java.util.Date WHEN = java.util.Date.from(
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(60));
    private static final Holder CREDENTIAL = new Holder();

    /** (Holder so that the CA issues once.) */
    private static final class Holder {
        final vn.hocba.signing.pki.IssuedCredential value = CA.issue("Nguyễn Văn An", "Hocba", "GV1");
    }

    private static PAdESSignatureParameters parameters(String fieldId, java.util.Date when, char[] password) {
        var p = new PAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(CREDENTIAL.value.certificate()));
        p.bLevel().setSigningDate(when);
        p.setContentSize(12_288);
        if (fieldId != null) {
            var field = new SignatureFieldParameters();
            field.setFieldId(fieldId);
            var image = new SignatureImageParameters();
            image.setFieldParameters(field);
            p.setImageParameters(image);
        }
        if (password != null) {
            p.setPasswordProtection(password);
        }
        return p;
    }

    /** Signs with one factory; the signed bytes, or the exception. */
    private static Object sign(PdfBoxNativeObjectFactory factory, byte[] pdf, String fieldId, java.util.Date when,
                               char[] password) {
        var service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(factory);
        var p = parameters(fieldId, when, password);
        var document = new InMemoryDocument(pdf, "document.pdf");
        try {
            var toSign = service.getDataToSign(document, p);
            var value = new SignatureValue(SignatureAlgorithm.RSA_SHA256,
                    CREDENTIAL.value.token().sign(toSign.getBytes()));
            return DSSUtils.toByteArray(service.signDocument(document, p, value));
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void sameAsDss(String what, byte[] pdf, String fieldId, char[] password) {
        var when = WHEN;
        Object dss = sign(new PdfBoxNativeObjectFactory(), pdf, fieldId, when, password);
        Object ours = sign(new FastPdfObjectFactory(), pdf, fieldId, when, password);
        if (dss instanceof byte[] theirs) {
            assertThat(ours).as(what + ": ours signed (DSS did)").isInstanceOf(byte[].class);
            assertThat(java.util.Arrays.mismatch((byte[]) ours, theirs)).as(what + ": first differing byte").isEqualTo(-1);
        } else {
            assertThat(ours).as(what + ": DSS threw " + dss).isInstanceOf(Throwable.class);
            assertThat(ours.getClass()).as(what + ": exception class (DSS: " + dss + ", ours: " + ours + ")")
                    .isEqualTo(dss.getClass());
        }
    }

    private static byte[] withEmptySignatureField(byte[] pdf, String name) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf); var out = new ByteArrayOutputStream()) {
            PDAcroForm form = d.getDocumentCatalog().getAcroForm();
            if (form == null) {
                form = new PDAcroForm(d);
                d.getDocumentCatalog().setAcroForm(form);
            }
            var field = new PDSignatureField(form);
            field.setPartialName(name);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(40, 40, 150, 40));
            widget.setPage(d.getPage(0));
            d.getPage(0).getAnnotations().add(widget);
            form.getFields().add(field);
            d.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            d.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            d.saveIncremental(out);
            return out.toByteArray();
        }
    }

    @Test
    void aSecondSignatureIntoAnExistingEmptyFieldIsDssBytes() throws IOException {
        byte[] pdf = withEmptySignatureField(TestPdfs.pdfA2b(1, 5), "Sig2");
        Object first = sign(new PdfBoxNativeObjectFactory(), pdf, null, new java.util.Date(WHEN.getTime() - 30_000), null);
        assertThat(first).isInstanceOf(byte[].class);
        sameAsDss("into the empty field", (byte[]) first, "Sig2", null);
        sameAsDss("a field that does not exist", (byte[]) first, "Nope", null);
    }

    private static byte[] encrypted(String owner, String user, boolean canModify) throws IOException {
        try (PDDocument d = Loader.loadPDF(TestPdfs.pdfA2b(1, 5)); var out = new ByteArrayOutputStream()) {
            var permissions = new AccessPermission();
            permissions.setCanModify(canModify);
            var policy = new StandardProtectionPolicy(owner, user, permissions);
            policy.setEncryptionKeyLength(128);
            d.protect(policy);
            d.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void encryptedDocumentsAreSignedAsDssSignsThemOrRefusedAsDssRefusesThem() throws IOException {
        sameAsDss("owner password only", encrypted("owner", "", true), null, null);
        sameAsDss("owner password only, modification not allowed", encrypted("owner", "", false), null, null);
        sameAsDss("user password, none given", encrypted("owner", "user", true), null, null);
        sameAsDss("user password given", encrypted("owner", "user", true), null, "user".toCharArray());
    }

    @Test
    void notAPdfIsRefusedAsDssRefusesIt() {
        sameAsDss("not a PDF", "hello".getBytes(StandardCharsets.US_ASCII), null, null);
    }

    @Test
    void signingOnSeveralThreadsAtOnceGivesDssBytes() throws Exception {
        byte[] pdf = TestPdfs.pdfA2b(2, 20);
        var when = WHEN;
        byte[] expected = (byte[]) sign(new PdfBoxNativeObjectFactory(), pdf, null, when, null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> sign(new FastPdfObjectFactory(), pdf, null, when, null)));
            }
            for (var r : results) {
                assertThat(r.get()).isInstanceOf(byte[].class);
                assertThat((byte[]) r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A document timestamp (the LTA path, DssPdfSigner.documentTimestamp) with a fixed token: DSS's bytes. */
    @Test
    void aDocumentTimestampIsDssBytes() throws Exception {
        byte[] signed = (byte[]) sign(new PdfBoxNativeObjectFactory(), TestPdfs.pdfA2b(1, 5), null, WHEN, null);
        byte[] token = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.DEROctetString(new byte[3000]))
                .getEncoded();
        eu.europa.esig.dss.spi.x509.tsp.TSPSource tsp = (algorithm, digest) ->
                new eu.europa.esig.dss.model.TimestampBinary(token);
        List<byte[]> results = new ArrayList<>();
        for (var factory : List.of(new PdfBoxNativeObjectFactory(), new FastPdfObjectFactory(), new PdfBoxNativeObjectFactory())) {
            var service = new eu.europa.esig.dss.pades.timestamp.PAdESTimestampService(tsp,
                    factory.newArchiveTimestampService());
            var parameters = new eu.europa.esig.dss.pades.PAdESTimestampParameters(DigestAlgorithm.SHA256) {
                { timestampDate = WHEN; } // DSS's /ID comes from it: the same for both
            };
            parameters.setContentSize(9_000);
            results.add(DSSUtils.toByteArray(service.timestampDocument(new InMemoryDocument(signed, "document.pdf"),
                    parameters)));
        }
        int at = java.util.Arrays.mismatch(results.get(1), results.get(0));
        int stock = java.util.Arrays.mismatch(results.get(2), results.get(0));
        if (at >= 0) {
            System.out.println("DIFF stock-vs-stock=" + stock + " lengths " + results.get(0).length + "/" + results.get(1).length);
            System.out.println("DIFF DSS : " + new String(results.get(0), at - 40, 200, StandardCharsets.ISO_8859_1));
            System.out.println("DIFF ours: " + new String(results.get(1), at - 40, 200, StandardCharsets.ISO_8859_1));
        }
        assertThat(at).isEqualTo(-1);
    }
}
