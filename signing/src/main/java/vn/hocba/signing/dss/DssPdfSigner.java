package vn.hocba.signing.dss;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextVerticalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentHorizontal;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentVertical;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;

import vn.hocba.signing.PdfSigner;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningToken;

/**
 * {@link PdfSigner} on EU DSS with the PDFBox native drawer: adds one PAdES-BASELINE-B signature (SHA-256) per call
 * as an incremental update, with a visible appearance that shows "Ký bởi: name", the role label and
 * "Ngày ký: dd/MM/yyyy HH:mm" (Vietnam time), drawn as real text with the given TrueType font.
 *
 * <p>PDF/A: the appearance embeds a subset of the font, uses opaque DeviceGray colours only (covered by the
 * document's sRGB output intent) and no transparency, so a PDF/A-2b input stays PDF/A-2b (ISO 19005-2 6.2.11.4,
 * 6.4). Thread-safe: the DSS service is shared, parameters are built per call; the font is prepared once (see
 * {@code VisibleSignatureFont}).
 */
public final class DssPdfSigner implements PdfSigner {

    /** Vietnam has one time zone and no daylight saving; the visible date is what the signer's clock showed. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter VISIBLE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final float PADDING = 2f;

    private final VisibleSignatureFont font;
    private final PAdESService service;

    /**
     * @param trueTypeFontForVisibleText the bytes of a TrueType font with Vietnamese glyphs (e.g. DejaVuSans.ttf)
     */
    public DssPdfSigner(byte[] trueTypeFontForVisibleText) {
        Objects.requireNonNull(trueTypeFontForVisibleText, "trueTypeFontForVisibleText");
        this.font = new VisibleSignatureFont(trueTypeFontForVisibleText);
        // B-level signing needs no revocation data; "simple creation only" keeps the verifier offline (no AIA)
        CommonCertificateVerifier verifier = new CommonCertificateVerifier(true);
        this.service = new PAdESService(verifier);
        // the native drawer writes text with the font (not a raster image of it), so text stays selectable and small
        this.service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
    }

    @Override
    public byte[] sign(byte[] pdf, SigningToken token, SignatureRequest request) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(request, "request");
        DSSDocument document = new InMemoryDocument(pdf, "document.pdf");
        SignatureAlgorithm algorithm = signatureAlgorithm(token.signatureAlgorithm());
        PAdESSignatureParameters parameters = parameters(token, request, algorithm);
        try {
            // three steps (ETSI EN 319 142-1 via DSS): data to sign, sign with the token, assemble
            ToBeSigned dataToSign = service.getDataToSign(document, parameters);
            byte[] signatureBytes = token.sign(dataToSign.getBytes());
            verify(token, dataToSign.getBytes(), signatureBytes);
            DSSDocument signed = service.signDocument(document, parameters,
                    new SignatureValue(algorithm, signatureBytes));
            return toBytes(signed);
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException("cannot sign PDF: " + e.getMessage(), e);
        }
    }

    private PAdESSignatureParameters parameters(SigningToken token, SignatureRequest request,
                                                SignatureAlgorithm algorithm) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setSigningCertificate(new CertificateToken(token.certificate()));
        List<X509Certificate> chain = token.chain();
        parameters.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        parameters.setDigestAlgorithm(algorithm.getDigestAlgorithm());
        parameters.setEncryptionAlgorithm(algorithm.getEncryptionAlgorithm());
        parameters.bLevel().setSigningDate(Date.from(request.signingTime()));
        parameters.setSignerName(request.signerName());
        if (request.reason() != null) {
            parameters.setReason(request.reason());
        }
        if (request.location() != null) {
            parameters.setLocation(request.location());
        }
        parameters.setImageParameters(imageParameters(request));
        return parameters;
    }

    private SignatureImageParameters imageParameters(SignatureRequest request) {
        SignatureBox box = request.box();
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(box.page());
        field.setOriginX(box.x());
        // DSS measures originY from the top unless aligned BOTTOM, in which case it is the gap below the box,
        // i.e. exactly PDFBox's bottom-left y; this avoids parsing the page to learn its height
        field.setOriginY(box.y());
        field.setWidth(box.width());
        field.setHeight(box.height());

        SignatureImageTextParameters text = new SignatureImageTextParameters();
        String visibleText = visibleText(request);
        text.setText(visibleText);
        text.setFont(font.fontFor(visibleText));
        text.setTextWrapping(TextWrapping.FILL_BOX);
        text.setPadding(PADDING);
        // opaque and grey-scale only: PDF/A-2b forbids nothing here, but transparency would need a blending space
        text.setTextColor(Color.BLACK);
        text.setBackgroundColor(Color.WHITE);
        text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
        text.setSignerTextVerticalAlignment(SignerTextVerticalAlignment.MIDDLE);

        SignatureImageParameters image = new SignatureImageParameters();
        image.setFieldParameters(field);
        image.setTextParameters(text);
        image.setBackgroundColor(Color.WHITE);
        image.setAlignmentHorizontal(VisualSignatureAlignmentHorizontal.LEFT);
        image.setAlignmentVertical(VisualSignatureAlignmentVertical.BOTTOM);
        return image;
    }

    /**
     * @param request the signature request
     * @return the lines shown in the signature box
     */
    static String visibleText(SignatureRequest request) {
        StringBuilder text = new StringBuilder("Ký bởi: ").append(request.signerName().strip());
        if (!request.roleLabel().isBlank()) {
            text.append('\n').append(request.roleLabel().strip());
        }
        text.append("\nNgày ký: ").append(VISIBLE_TIME.format(request.signingTime().atZone(VIETNAM)));
        // NFC: names typed on some keyboards arrive decomposed; the font's precomposed glyphs render better
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * A remote or hardware token may answer with a wrong key or garbage; embedding that would make a signature that
     * can never validate, so check it against the certificate first (costs well under a millisecond for RSA).
     */
    private static void verify(SigningToken token, byte[] data, byte[] signatureValue) {
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(token.signatureAlgorithm());
            verifier.initVerify(token.certificate().getPublicKey());
            verifier.update(data);
            valid = verifier.verify(signatureValue);
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot check the token's signature value", e);
        }
        if (!valid) {
            throw new SigningException("the token's signature does not verify with its certificate "
                    + token.certificate().getSubjectX500Principal().getName());
        }
    }

    private static SignatureAlgorithm signatureAlgorithm(String javaName) {
        SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.forJAVA(javaName);
        } catch (RuntimeException e) {
            throw new SigningException("unsupported signature algorithm " + javaName, e);
        }
        if (algorithm.getDigestAlgorithm() != DigestAlgorithm.SHA256
                && algorithm.getDigestAlgorithm() != DigestAlgorithm.SHA384
                && algorithm.getDigestAlgorithm() != DigestAlgorithm.SHA512) {
            throw new SigningException("signature algorithm " + javaName + " uses a digest weaker than SHA-256");
        }
        return algorithm;
    }

    private static byte[] toBytes(DSSDocument document) {
        if (document instanceof InMemoryDocument inMemory) {
            return inMemory.getBytes();
        }
        try (var in = document.openStream(); var out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("cannot read the signed PDF", e);
        }
    }
}
