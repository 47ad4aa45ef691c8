package vn.hocba.signing.dss;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
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
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.spi.signature.AdvancedSignature;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.tsp.TimestampToken;

import vn.hocba.signing.InvalidSignatureValueException;
import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.PdfSigner;
import vn.hocba.signing.PendingSignature;
import vn.hocba.signing.PreparedElsewhereException;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.SigningToken;

/**
 * {@link PdfSigner} on EU DSS with the PDFBox native drawer: PAdES baseline signatures (B-B, B-T, B-LT, B-LTA;
 * ETSI EN 319 142-1) as approval signatures in incremental updates, never a certification signature (which would
 * forbid the later signatures and archive timestamps), with a visible appearance that shows "Ký bởi: name", the role
 * label and "Ngày ký: dd/MM/yyyy HH:mm" (Vietnam time), drawn as real text with the given TrueType font.
 *
 * <p>PDF/A: the appearances of a file share one embedded copy of the font's Vietnamese repertoire, without hinting,
 * the first signature's (other text embeds a subset of its own; {@code SharedSignatureFont},
 * {@code VisibleSignatureFont}), use opaque DeviceGray colours only (covered by the
 * document's sRGB output intent) and no transparency, so a PDF/A-2b input stays PDF/A-2b (ISO 19005-2 6.2.11.4,
 * 6.4). Thread-safe: parameters and DSS services are built per call; the font is prepared once (see
 * {@code VisibleSignatureFont}).
 *
 * <p>Preparing and completing are deterministic: the same PDF, certificate, request (with its fixed signing time)
 * and level give the same data to sign in any instance, so a {@link PendingSignature} prepared before a restart
 * completes after it.
 */
public final class DssPdfSigner implements PdfSigner {

    /** Vietnam has one time zone and no daylight saving; the visible date is what the signer's clock showed. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter VISIBLE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final float PADDING = 2f;
    /**
     * Room reserved for the CMS signature: the certificate chain, the signature value and, from B-T on, the RFC 3161
     * token with the TSA's chain (about 6 KB for RSA 2048/3072 chains of three certificates).
     */
    private static final int CONTENT_SIZE = 12_288;
    /** The most room a signature gets after a first attempt did not fit. */
    private static final int MAX_CONTENT_SIZE = 65_536;
    /** Room left beyond the estimate of {@link #reservation}: attribute encodings, a longer TSA serial or nonce. */
    private static final int RESERVATION_MARGIN = 1_536;

    /** The largest timestamp token this signer has received (DER bytes), 0 before the first. */
    private final java.util.concurrent.atomic.AtomicInteger largestTimestampToken =
            new java.util.concurrent.atomic.AtomicInteger();

    private final VisibleSignatureFont font;
    private final DocumentSecurityStore securityStore = new DocumentSecurityStore(java.time.Clock.systemUTC());

    /**
     * @param trueTypeFontForVisibleText the bytes of a TrueType font with Vietnamese glyphs (e.g. DejaVuSans.ttf)
     */
    public DssPdfSigner(byte[] trueTypeFontForVisibleText) {
        Objects.requireNonNull(trueTypeFontForVisibleText, "trueTypeFontForVisibleText");
        this.font = new VisibleSignatureFont(trueTypeFontForVisibleText);
    }

    @Override
    public PendingSignature prepare(byte[] pdf, List<X509Certificate> chain, SignatureRequest request,
                                    SigningSettings settings) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(settings, "settings");
        if (chain.isEmpty()) {
            throw new SigningException("no signing certificate");
        }
        SignatureAlgorithm algorithm = signatureAlgorithm(chain.get(0), settings.digest());
        PAdESSignatureParameters parameters = parameters(chain, request, algorithm, creationLevel(settings.level()));
        try {
            ToBeSigned dataToSign = service(settings, true).getDataToSign(new InMemoryDocument(pdf, "document.pdf"),
                    parameters);
            return new PendingSignature(sha256(pdf), settings.level(), settings.digest(), algorithm.getJCEId(), chain,
                    request, dataToSign.getBytes());
        } catch (RuntimeException e) {
            throw new SigningException("cannot prepare the signature: " + e.getMessage(), e);
        }
    }

    /**
     * All three steps in one call with the token at hand, on ONE parameters object: DSS then reuses the signature
     * revision it prepared for the data to sign when it assembles the document (its signature cache), instead of
     * building it again as {@link #complete} must for a pending signature from elsewhere.
     */
    @Override
    public byte[] sign(byte[] pdf, SigningToken token, SignatureRequest request, SigningSettings settings) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(settings, "settings");
        SignatureAlgorithm algorithm = signatureAlgorithm(token.certificate(), settings.digest());
        if (!algorithm.getJCEId().equalsIgnoreCase(token.signatureAlgorithm())) {
            throw new SigningException("the token signs with " + token.signatureAlgorithm() + ", the settings ask for "
                    + algorithm.getJCEId());
        }
        // a token that signs again at no cost to the signer gets a tight reservation; a device or a remote service
        // (a PIN prompt, an authorization, a quota) gets the full one, so that it signs once
        int reservation = token.repeatable() ? reservation(token.chain(), creationLevel(settings.level()).timestamped())
                : CONTENT_SIZE;
        byte[] signed;
        try {
            signed = sign(pdf, token, request, settings, algorithm, reservation);
        } catch (FastPdfObjectFactory.ReservationTooSmallException e) {
            // a chain or timestamp token larger than reserved (a tight estimate, or a CMS over 12 KB: RSA 4096 chains
            // with a long TSA chain): once more with room for what it needed, which costs a device one more signature
            int larger = roomFor(e);
            if (larger <= reservation) {
                throw new SigningException("the signature needs " + e.needed() + " bytes, more than the "
                        + MAX_CONTENT_SIZE + " a PDF signature may reserve here", e);
            }
            try {
                signed = sign(pdf, token, request, settings, algorithm, larger);
            } catch (FastPdfObjectFactory.ReservationTooSmallException again) {
                throw new SigningException("the signature does not fit the room reserved for it: " + again.getMessage(),
                        again);
            }
        }
        return settings.level().longTerm() ? extend(signed, settings.level(), settings) : signed;
    }

    private byte[] sign(byte[] pdf, SigningToken token, SignatureRequest request, SigningSettings settings,
                        SignatureAlgorithm algorithm, int contentSize) {
        PAdESSignatureParameters parameters = parameters(token.chain(), request, algorithm,
                creationLevel(settings.level()));
        parameters.setContentSize(contentSize);
        DSSDocument document = new InMemoryDocument(pdf, "document.pdf");
        PAdESService service = service(settings.level().longTerm() ? settings.withLevel(PadesLevel.B_T) : settings,
                true);
        ToBeSigned dataToSign;
        try {
            dataToSign = service.getDataToSign(document, parameters);
        } catch (RuntimeException e) {
            throw new SigningException("cannot prepare the signature: " + e.getMessage(), e);
        }
        // the token's own failures (a wrong PIN, a device gone) reach the caller as the token reports them
        byte[] value = token.sign(dataToSign.getBytes());
        // against the certificate the CMS names as the signer's (the chain's first), which DSS no longer checks again
        verify(token.chain().get(0), algorithm.getJCEId(), dataToSign.getBytes(), value);
        try {
            return toBytes(service.signDocument(document, parameters, new SignatureValue(algorithm, value)));
        } catch (SigningException | FastPdfObjectFactory.ReservationTooSmallException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException("cannot sign PDF: " + e.getMessage(), e);
        }
    }

    /** Remembers the largest timestamp token received, for {@link #reservation}. */
    private void sawTimestampToken(int size) {
        largestTimestampToken.accumulateAndGet(size, Math::max);
    }

    /** @return the room for a second attempt: what the CMS needed and the margin, 12 KB at least, 64 KB at most */
    private static int roomFor(FastPdfObjectFactory.ReservationTooSmallException e) {
        return Math.min(MAX_CONTENT_SIZE, Math.max(CONTENT_SIZE, e.needed() + RESERVATION_MARGIN));
    }

    /**
     * The room to reserve in {@code /Contents} for a signature made with the token at hand: the CMS holds the chain,
     * the signature value, the signed attributes and, when timestamped, the TSA's token (its size as last received).
     * A smaller reservation is a smaller file, faster to hash and parse at every later signature; until a token has
     * been seen, and for a prepared (two-step) signature whose data to sign must not change, the full
     * {@value #CONTENT_SIZE} bytes are reserved.
     *
     * @return bytes of DER to reserve (the hex in the file is twice that)
     */
    private int reservation(List<X509Certificate> chain, boolean timestamped) {
        int token = largestTimestampToken.get();
        if (timestamped && token == 0) {
            return CONTENT_SIZE;
        }
        int size = RESERVATION_MARGIN + (timestamped ? token : 0);
        try {
            for (X509Certificate certificate : chain) {
                size += certificate.getEncoded().length;
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            return CONTENT_SIZE;
        }
        size += 2 * 512; // the signature value (RSA 4096 at most) and the signed attributes' own digests
        return Math.min(CONTENT_SIZE, (size + 511) / 512 * 512);
    }

    @Override
    public byte[] complete(byte[] pdf, PendingSignature pending, byte[] signatureValue, SigningSettings settings) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(signatureValue, "signatureValue");
        Objects.requireNonNull(settings, "settings");
        if (!sha256(pdf).equals(pending.pdfSha256())) {
            throw new SigningException("the document changed since the signature was prepared");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.forJAVA(pending.signatureAlgorithm());
        verify(pending.certificate(), pending.signatureAlgorithm(), pending.dataToSign(), signatureValue);
        PAdESSignatureParameters parameters = parameters(pending.chain(), pending.request(), algorithm,
                creationLevel(pending.level()));
        try {
            PAdESService service = service(settings.withLevel(pending.level()), true);
            DSSDocument document = new InMemoryDocument(pdf, "document.pdf");
            // the revision is rebuilt here: it must give the data to sign that was prepared, or the value (over the
            // prepared bytes) would be embedded in a signature that never validates; DSS keeps this revision in the
            // parameters' cache and assembles the signature on it below
            if (!Arrays.equals(service.getDataToSign(document, parameters).getBytes(), pending.dataToSign())) {
                throw new PreparedElsewhereException("the signature revision rebuilt to complete the signature "
                        + "differs from the one prepared (prepared by another version of the service?): prepare again");
            }
            DSSDocument signed = service.signDocument(document, parameters,
                    new SignatureValue(algorithm, signatureValue));
            byte[] out = toBytes(signed);
            return pending.level().longTerm() ? extend(out, pending.level(), settings) : out;
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException("cannot sign PDF: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] extend(byte[] signedPdf, PadesLevel level, SigningSettings settings) {
        Objects.requireNonNull(signedPdf, "signedPdf");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(settings, "settings");
        if (level == PadesLevel.B_B) {
            throw new IllegalArgumentException("a signature is extended to B-T, B-LT or B-LTA, not to B-B");
        }
        SigningSettings extension = settings.withLevel(level);
        DSSDocument document = new InMemoryDocument(signedPdf, "document.pdf");
        try {
            if (level.longTerm()) {
                try {
                    if (level == PadesLevel.B_LTA) {
                        try {
                            return securityStore.extendToLta(signedPdf, extension, reservation(List.of(), true),
                                    this::sawTimestampToken);
                        } catch (DocumentSecurityStore.Unavailable inOneUpdate) {
                            // e.g. a token larger than reserved: the store, then DSS's document timestamp
                            return documentTimestamp(securityStore.extendToLt(signedPdf, extension), extension);
                        }
                    }
                    return securityStore.extendToLt(signedPdf, extension);
                } catch (DocumentSecurityStore.Unavailable notHere) {
                    // a case the fast path leaves to DSS (see DocumentSecurityStore): DSS validates and extends
                    awaitRevocationAfterTimestamps(signedPdf, document);
                }
            }
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(dssLevel(level));
            parameters.setDigestAlgorithm(digest(settings.digest()));
            parameters.setContentSize(CONTENT_SIZE);
            return toBytes(service(extension, false).extendDocument(document, parameters));
        } catch (RuntimeException e) {
            throw new SigningException("cannot extend the signatures to " + level.label() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A document timestamp (ETSI EN 319 142-1 PAdES-BASELINE-LTA) over the whole file, as DSS's LTA extension adds it
     * but without its validation of every signature first (the validation data is already in the file).
     */
    private byte[] documentTimestamp(byte[] pdf, SigningSettings settings) {
        var service = new eu.europa.esig.dss.pades.timestamp.PAdESTimestampService(
                PortSources.tsp(settings.timestamps(), this::sawTimestampToken),
                new FastPdfObjectFactory().newArchiveTimestampService());
        int reservation = reservation(List.of(), true);
        try {
            return toBytes(service.timestampDocument(new InMemoryDocument(pdf, "document.pdf"),
                    timestampParameters(settings, reservation)));
        } catch (FastPdfObjectFactory.ReservationTooSmallException e) {
            int larger = roomFor(e);
            try {
                return toBytes(service.timestampDocument(new InMemoryDocument(pdf, "document.pdf"),
                        timestampParameters(settings, larger)));
            } catch (FastPdfObjectFactory.ReservationTooSmallException again) {
                throw new SigningException("the document timestamp does not fit: " + again.getMessage(), again);
            }
        }
    }

    private static eu.europa.esig.dss.pades.PAdESTimestampParameters timestampParameters(SigningSettings settings,
                                                                                         int contentSize) {
        var parameters = new eu.europa.esig.dss.pades.PAdESTimestampParameters(digest(settings.digest()));
        parameters.setContentSize(contentSize);
        return parameters;
    }

    /**
     * The service that makes new signatures. Before it builds the data to sign, DSS asserts that the signing
     * certificate is usable: it builds a validation context of the whole chain (every certificate's signature verified,
     * the chain built and checked) only to look, with this class's verifier and parameters (no revocation check is
     * asked of it: {@code isCheckCertificateRevocation} stays off), whether the signing certificate is yet valid and
     * not expired at the signing time: 15% of a batch signer's CPU in a profile of the principal's countersign. Here
     * those two dates are checked directly. The chain's trust and revocation are the caller's, before it signs (the
     * service's {@code CertificateCheck}), as they were.
     */
    private static final class CreatingService extends PAdESService {

        private static final long serialVersionUID = 1L;

        CreatingService(CommonCertificateVerifier verifier) {
            super(verifier);
        }

        @Override
        protected void assertSigningCertificateValid(
                final eu.europa.esig.dss.signature.AbstractSignatureParameters<?> parameters) {
            CertificateToken signing = parameters.getSigningCertificate();
            java.util.Date at = parameters.bLevel().getSigningDate();
            if (signing == null || at == null) {
                super.assertSigningCertificateValid(parameters); // DSS's own handling of what this one does not cover
                return;
            }
            if (at.before(signing.getNotBefore())) {
                throw new IllegalArgumentException("the signing certificate is not yet valid at the signing time "
                        + at.toInstant() + " (valid from " + signing.getNotBefore().toInstant() + ")");
            }
            if (at.after(signing.getNotAfter())) {
                throw new IllegalArgumentException("the signing certificate expired before the signing time "
                        + at.toInstant() + " (valid until " + signing.getNotAfter().toInstant() + ")");
            }
        }
    }

    /**
     * A service for one call: DSS keeps the TSA and the certificate verifier on the service, and both come from the
     * settings. Below B-LT the verifier stays offline ("simple creation": nothing is fetched); from B-LT on it asks
     * the settings' revocation source, trusts their anchors, and refuses a revoked certificate (DSS's default alert).
     *
     * @param creating whether the service makes a new signature: then, when DSS adds the signature timestamp of a B-T
     *                 signature it has just made, it does not verify that signature's CMS again nor look for a level
     *                 above B-T in it (a signature just made has none; B-B creation never ran these checks): this class
     *                 verifies the signature value against the chain's first certificate, the one the CMS names, before
     *                 DSS embeds it ({@link #verify}), and those two checks were about 2% of the CPU of a principal's
     *                 countersign. An extension keeps every DSS check: it refuses a broken signature it is asked to
     *                 extend.
     */
    private PAdESService service(SigningSettings settings, boolean creating) {
        CommonCertificateVerifier verifier;
        if (settings.level().longTerm()) {
            verifier = new CommonCertificateVerifier();
            verifier.setAIASource(null);
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            settings.trustAnchors().forEach(anchor -> trusted.addCertificate(new CertificateToken(anchor)));
            verifier.setTrustedCertSources(trusted);
            if (settings.revocation() != null) {
                verifier.setOcspSource(PortSources.ocsp(settings.revocation()));
                verifier.setCrlSource(PortSources.crl(settings.revocation()));
            }
        } else {
            verifier = new CommonCertificateVerifier(true);
        }
        if (creating) {
            verifier.setAlertOnInvalidSignature(null);
            verifier.setAugmentationAlertOnHigherSignatureLevel(null);
        }
        PAdESService service = creating ? new CreatingService(verifier) : new PAdESService(verifier);
        // the native drawer writes text with the font (not a raster image of it), so text stays selectable and small;
        // the signatures of a file share one copy of it (SharedSignatureFont)
        service.setPdfObjFactory(new FastPdfObjectFactory(font));
        if (settings.timestamps() != null) {
            service.setTspSource(PortSources.tsp(settings.timestamps(),
                    this::sawTimestampToken));
        }
        return service;
    }

    /**
     * B-LT needs revocation data produced after the newest signature timestamp (ETSI EN 319 102-1 5.6.2.4); OCSP and
     * RFC 3161 times are often whole seconds, so an extension right after the last signature waits for the next one.
     */
    private static void awaitRevocationAfterTimestamps(byte[] pdf, DSSDocument document) {
        // the newest revision's CMS gives it without parsing every revision (see NewestTimestamp)
        Instant newest = NewestTimestamp.of(pdf).orElseGet(() -> newestSignatureTimestamp(document));
        if (newest == null) {
            return;
        }
        long waitMillis = newest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).plusMillis(20).toEpochMilli()
                - System.currentTimeMillis();
        if (waitMillis > 0) {
            try {
                Thread.sleep(Math.min(waitMillis, 2_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SigningException("interrupted while waiting to extend", e);
            }
        }
    }

    /** The newest signature timestamp by DSS's validator, which parses every revision: the slow way. */
    private static Instant newestSignatureTimestamp(DSSDocument document) {
        PDFDocumentValidator validator = new PDFDocumentValidator(document);
        Instant newest = null;
        for (AdvancedSignature signature : validator.getSignatures()) {
            for (TimestampToken timestamp : signature.getSignatureTimestamps()) {
                Instant time = timestamp.getGenerationTime().toInstant();
                newest = newest == null || time.isAfter(newest) ? time : newest;
            }
        }
        return newest;
    }

    /** A new signature is made at B-T at most; higher levels are an extension of it (done in {@link #complete}). */
    private static PadesLevel creationLevel(PadesLevel level) {
        return level.longTerm() ? PadesLevel.B_T : level;
    }

    private static SignatureLevel dssLevel(PadesLevel level) {
        return switch (level) {
            case B_B -> SignatureLevel.PAdES_BASELINE_B;
            case B_T -> SignatureLevel.PAdES_BASELINE_T;
            case B_LT -> SignatureLevel.PAdES_BASELINE_LT;
            case B_LTA -> SignatureLevel.PAdES_BASELINE_LTA;
        };
    }

    private PAdESSignatureParameters parameters(List<X509Certificate> chain, SignatureRequest request,
                                                SignatureAlgorithm algorithm, PadesLevel level) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(dssLevel(level));
        parameters.setSigningCertificate(new CertificateToken(chain.get(0)));
        parameters.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        parameters.setDigestAlgorithm(algorithm.getDigestAlgorithm());
        parameters.setEncryptionAlgorithm(algorithm.getEncryptionAlgorithm());
        parameters.bLevel().setSigningDate(Date.from(request.signingTime()));
        parameters.setSignerName(request.signerName());
        parameters.setContentSize(CONTENT_SIZE);
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
        text.setFont(font.sharedFontFor(visibleText));
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
    private static void verify(X509Certificate certificate, String algorithm, byte[] data, byte[] signatureValue) {
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            valid = verifier.verify(signatureValue);
        } catch (java.security.SignatureException e) {
            valid = false;
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot check the signature value", e);
        }
        if (!valid) {
            throw new InvalidSignatureValueException("the signature value does not verify with the certificate "
                    + certificate.getSubjectX500Principal().getName());
        }
    }

    /**
     * @param certificate the signer's certificate (RSA or EC key)
     * @param digest      the JCA digest name
     * @return the signature algorithm for that key and digest, e.g. RSA_SHA256
     */
    static SignatureAlgorithm signatureAlgorithm(X509Certificate certificate, String digest) {
        DigestAlgorithm digestAlgorithm = digest(digest);
        String key = certificate.getPublicKey().getAlgorithm();
        EncryptionAlgorithm encryption = switch (key) {
            case "RSA" -> EncryptionAlgorithm.RSA;
            case "EC" -> EncryptionAlgorithm.ECDSA;
            default -> throw new SigningException("unsupported key algorithm " + key);
        };
        return SignatureAlgorithm.getAlgorithm(encryption, digestAlgorithm);
    }

    private static DigestAlgorithm digest(String javaName) {
        DigestAlgorithm algorithm = DigestAlgorithm.forJavaName(javaName);
        if (algorithm != DigestAlgorithm.SHA256 && algorithm != DigestAlgorithm.SHA384
                && algorithm != DigestAlgorithm.SHA512) {
            throw new SigningException("digest " + javaName + " is weaker than SHA-256");
        }
        return algorithm;
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
