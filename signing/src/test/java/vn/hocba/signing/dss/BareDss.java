package vn.hocba.signing.dss;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextVerticalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentHorizontal;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentVertical;
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

import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.TimestampSource;

/**
 * The reference of the signing benchmarks: a bare EU DSS loop that signs a PDF with a visible signature, as an
 * application would with DSS alone: one {@link PAdESService}, the DSS parameters, a text appearance in a font parsed
 * once, and nothing else (no database, no checks, no audit). It draws the same text in the same box with the same
 * (reduced) font and the same native PDFBox drawer as {@link DssPdfSigner}, so a ratio against it measures what the
 * service adds, not a different picture. At B-T it asks the given TSA through the same client the service uses, so
 * the TSA's cost is on both sides. Thread-safe (DSS services are; parameters are built per call).
 *
 * <p>Like any DSS loop it passes one parameters object to both steps, so DSS reuses the revision it prepared for the
 * data to sign ({@code PdfSignatureCache}); a two-step signer that builds the parameters again cannot.
 * {@code -Dbench.freshParameters=true} builds them again here too, to see what that costs.
 */
public final class BareDss {

    private final PAdESService service;
    private final VisibleSignatureFont font;
    private final SignatureLevel level;

    /**
     * @param trueTypeFont the font of the visible text (DejaVuSans)
     * @param timestamps   the TSA for B-T, or null for B-B
     */
    public BareDss(byte[] trueTypeFont, TimestampSource timestamps) {
        this(trueTypeFont, timestamps, new PdfBoxNativeObjectFactory());
    }

    /** As above, with another of DSS's PDF object factories (ours, to compare their bytes with DSS's). */
    BareDss(byte[] trueTypeFont, TimestampSource timestamps, PdfBoxNativeObjectFactory factory) {
        this.font = new VisibleSignatureFont(trueTypeFont);
        this.service = new PAdESService(new CommonCertificateVerifier());
        this.service.setPdfObjFactory(factory);
        if (timestamps != null) {
            this.service.setTspSource(PortSources.tsp(timestamps));
        }
        this.level = timestamps == null ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T;
    }

    /** @return {@code B-B} or {@code B-T} */
    public String level() {
        return level == SignatureLevel.PAdES_BASELINE_B ? "B-B" : "B-T";
    }

    /**
     * Signs once: data to sign, the token's signature, the signed document.
     *
     * @return the signed PDF
     */
    public byte[] sign(byte[] pdf, SigningToken token, SignatureRequest request) {
        var parameters = parameters(token, request);
        var document = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        var value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, token.sign(toBeSigned.getBytes()));
        var second = Boolean.getBoolean("bench.freshParameters") ? parameters(token, request) : parameters;
        return ((InMemoryDocument) service.signDocument(document, second, value)).getBytes();
    }

    private PAdESSignatureParameters parameters(SigningToken token, SignatureRequest request) {
        var parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(token.certificate()));
        List<CertificateToken> chain = new ArrayList<>();
        token.chain().forEach(c -> chain.add(new CertificateToken(c)));
        parameters.setCertificateChain(chain);
        parameters.bLevel().setSigningDate(Date.from(request.signingTime()));
        parameters.setSignerName(request.signerName());
        parameters.setReason(request.reason());
        parameters.setLocation(request.location());
        parameters.setContentSize(12_288); // the reservation DssPdfSigner makes (room for a timestamp token)
        parameters.setImageParameters(image(request));
        return parameters;
    }

    private SignatureImageParameters image(SignatureRequest request) {
        var field = new SignatureFieldParameters();
        field.setPage(request.box().page());
        field.setOriginX(request.box().x());
        field.setOriginY(request.box().y());
        field.setWidth(request.box().width());
        field.setHeight(request.box().height());
        var text = new SignatureImageTextParameters();
        String visible = DssPdfSigner.visibleText(request);
        text.setText(visible);
        text.setFont(font.fontFor(visible));
        text.setTextWrapping(TextWrapping.FILL_BOX);
        text.setPadding(2f);
        text.setTextColor(java.awt.Color.BLACK);
        text.setBackgroundColor(java.awt.Color.WHITE);
        text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
        text.setSignerTextVerticalAlignment(SignerTextVerticalAlignment.MIDDLE);
        var image = new SignatureImageParameters();
        image.setFieldParameters(field);
        image.setTextParameters(text);
        image.setBackgroundColor(java.awt.Color.WHITE);
        image.setAlignmentHorizontal(VisualSignatureAlignmentHorizontal.LEFT);
        image.setAlignmentVertical(VisualSignatureAlignmentVertical.BOTTOM);
        return image;
    }
}
