package vn.hocba.signing.dss;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.LoggerFactory;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.DSSMessageDigest;
import eu.europa.esig.dss.spi.signature.resources.DSSResourcesHandler;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESCommonParameters;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.PdfBoxNativeSignatureDrawerFactory;
import eu.europa.esig.dss.spi.DSSUtils;

/**
 * DSS's PDFBox native object factory (text drawn with the font, not a raster image) whose signature services paste
 * the CMS into the prepared revision with one array copy.
 *
 * <p>Why: EU DSS 6.4 ({@code PAdESUtils.replaceSignature}) copies the whole prepared revision through a
 * {@code BufferedInputStream} one byte at a time, allocating a buffer at every {@code <}; on a 600 KB record with 14
 * signatures that was ~60% of the CPU of a signature. The result here is the same bytes: the first run of at least
 * as many {@code 0} as the CMS has hex digits right after a {@code <} (the {@code /Contents} placeholder DSS reserved
 * when it computed the digest) takes the lower-case hex of the CMS (as DSS writes it); the rest of the run stays zero padding. Anything
 * unusual (no prepared revision, no such run, or a second one: DSS refuses "more than one empty signature") is left
 * to DSS's own path, which reports it as DSS does.
 *
 * <p>Second, DSS's document is read by {@link FastHexPdfParser}: PDFBox's incremental save
 * ({@code COSWriter.prepareIncrement}) parses every object of the file, and its reading of the 15 {@code /Contents}
 * hex strings of a record cost about 10% of a signature's CPU. DSS 6.4 has no hook for the reader of
 * {@code computeDigest}, so {@link Service#computeDigest} does what DSS's does with the reader's document replaced,
 * through reflective handles (the reader's {@code pdDocument} and {@code dssDocument}, DSS's private
 * {@code signDocumentAndReturnDigest}). Without them (another DSS version), a password, or a document not in memory,
 * DSS's own path runs. {@code FastPdfObjectFactoryTest} compares the signed bytes with DSS's.
 */
final class FastPdfObjectFactory extends PdfBoxNativeObjectFactory {

    /** The font whose whole copy the signatures of a file share, or null (each signature embeds its own). */
    private final VisibleSignatureFont sharedFont;

    FastPdfObjectFactory() {
        this(null);
    }

    /** @param sharedFont the font drawn through {@link VisibleSignatureFont#sharedFontFor}: its copies are shared */
    FastPdfObjectFactory(VisibleSignatureFont sharedFont) {
        this.sharedFont = sharedFont;
        setPdfPermissionsChecker(new LeanPermissionsChecker());
    }

    /**
     * DSS's check that a new signature is allowed (ISO 32000-2 12.8.2.2 DocMDP, 12.8.2.4 FieldMDP, 12.7.5.5 Lock), without
     * parsing every signature dictionary when no field asks for it: DSS reads each one's {@code /Reference} for a
     * FieldMDP transform, which means parsing its {@code /Contents} hex, ~half of the cost of adding the 15th signature
     * to a record. A FieldMDP transform belongs to a signature field with a {@code /Lock} dictionary (12.7.5.5), so
     * when no signature field has one only the document's certification (DocMDP in the catalog's {@code /Perms}) is
     * checked, as DSS checks it; with a lock anywhere, DSS's full check runs.
     */
    static final class LeanPermissionsChecker extends eu.europa.esig.dss.pdf.PdfPermissionsChecker {

        @Override
        public void checkSignatureRestrictionDictionaries(eu.europa.esig.dss.pdf.PdfDocumentReader documentReader,
                                                          eu.europa.esig.dss.pades.SignatureFieldParameters fieldParameters) {
            if (!(documentReader instanceof eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader reader)
                    || anySignatureFieldLocks(reader.getPDDocument())) {
                super.checkSignatureRestrictionDictionaries(documentReader, fieldParameters);
                return;
            }
            if (isDocumentChangeForbidden(documentReader.getCertificationPermission())) {
                alertOnForbiddenSignatureCreation("DocMDP dictionary does not permit a new signature creation!");
            }
        }

        private static boolean anySignatureFieldLocks(org.apache.pdfbox.pdmodel.PDDocument document) {
            var form = document.getDocumentCatalog().getAcroForm(null);
            if (form == null) {
                return false;
            }
            for (var field : form.getFieldTree()) {
                if (field.getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.getPDFName("Lock"))) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public PDFSignatureService newPAdESSignatureService() {
        return configure(new Service(PDFServiceMode.SIGNATURE, sharedFont));
    }

    @Override
    public PDFSignatureService newContentTimestampService() {
        return configure(new Service(PDFServiceMode.CONTENT_TIMESTAMP, sharedFont));
    }

    @Override
    public PDFSignatureService newSignatureTimestampService() {
        return configure(new Service(PDFServiceMode.SIGNATURE_TIMESTAMP, sharedFont));
    }

    @Override
    public PDFSignatureService newArchiveTimestampService() {
        return configure(new Service(PDFServiceMode.ARCHIVE_TIMESTAMP, sharedFont));
    }

    /** PDFBox's signature service with the CMS pasted by {@link #paste}. */
    private static final class Service extends PdfBoxSignatureService {

        private final VisibleSignatureFont sharedFont;

        Service(PDFServiceMode mode, VisibleSignatureFont sharedFont) {
            super(mode, new PdfBoxNativeSignatureDrawerFactory());
            this.sharedFont = sharedFont;
        }

        /** Before DSS writes the revision: the new appearance refers to the file's copy of the shared font. */
        @Override
        public void checkEncryptedAndSaveIncrementally(PDDocument document, OutputStream out,
                                                       PAdESCommonParameters parameters) {
            if (sharedFont != null) {
                SharedSignatureFont.share(document, sharedFont);
            }
            super.checkEncryptedAndSaveIncrementally(document, out, parameters);
        }

        @Override
        protected DSSMessageDigest computeDigest(DSSDocument toSignDocument, PAdESCommonParameters parameters) {
            if (!FastReader.AVAILABLE || parameters.getPasswordProtection() != null
                    || !(toSignDocument instanceof InMemoryDocument inMemory)) {
                return super.computeDigest(toSignDocument, parameters);
            }
            // DSS 6.4's PdfBoxSignatureService.computeDigest, with the document read by FastHexPdfParser
            try (DSSResourcesHandler resources = instantiateResourcesHandler();
                 OutputStream out = resources.createOutputStream();
                 PdfBoxDocumentReader reader = new PdfBoxDocumentReader(FastReader.placeholder(), null,
                         pdfMemoryUsageSetting)) {
                FastReader.replaceDocument(reader, FastHexPdfParser.load(inMemory.getBytes()), toSignDocument);
                checkPdfPermissions(reader, parameters.getImageParameters().getFieldParameters());
                DSSMessageDigest digest = FastReader.signAndDigest(this, parameters, out, reader);
                parameters.getPdfSignatureCache().setToBeSignedDocument(resources.writeToDSSDocument());
                return digest;
            } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
                throw new eu.europa.esig.dss.pades.exception.InvalidPasswordException(
                        String.format("Encrypted document : %s", e.getMessage()));
            } catch (IOException e) {
                throw new DSSException(e);
            }
        }

        @Override
        public DSSDocument sign(DSSDocument toSignDocument, byte[] cmsSignedData, PAdESCommonParameters parameters) {
            if (parameters != null && cmsSignedData != null && parameters.getContentSize() < cmsSignedData.length) {
                throw new ReservationTooSmallException(parameters.getContentSize(), cmsSignedData.length);
            }
            DSSDocument prepared = parameters == null ? null : parameters.getPdfSignatureCache().getToBeSignedDocument();
            if (prepared != null && cmsSignedData != null && cmsSignedData.length > 0) {
                byte[] signed = paste(DSSUtils.toByteArray(prepared), cmsSignedData);
                if (signed != null) {
                    parameters.reinit(); // as DSS does after using its cache: the parameters sign once
                    DSSDocument document = new InMemoryDocument(signed);
                    document.setMimeType(MimeTypeEnum.PDF);
                    return document;
                }
            }
            return super.sign(toSignDocument, cmsSignedData, parameters);
        }
    }

    /** @return whether signatures read DSS's document with {@link FastHexPdfParser} (DSS has the members it needs) */
    static boolean fastReader() {
        return FastReader.AVAILABLE;
    }

    /**
     * The three members of DSS 6.4 that {@link Service#computeDigest} needs, or none (then DSS's own path runs). The
     * reader is made on a one-page placeholder (it reads what it is given at once: on a 15-signature record, 2 ms to
     * read the cross-reference sections of every revision), then given the document and the {@code DSSDocument}
     * (its name and size make the file identifier).
     */
    private static final class FastReader {

        private static final Field DOCUMENT;
        private static final Field DSS_DOCUMENT;
        private static final Method SIGN_AND_DIGEST;
        private static final byte[] PLACEHOLDER;
        static final boolean AVAILABLE;

        static {
            Field document = null;
            Field dssDocument = null;
            Method signAndDigest = null;
            byte[] placeholder = null;
            try (PDDocument onePage = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
                onePage.addPage(new org.apache.pdfbox.pdmodel.PDPage());
                onePage.save(out);
                placeholder = out.toByteArray();
                dssDocument = PdfBoxDocumentReader.class.getDeclaredField("dssDocument");
                dssDocument.setAccessible(true);
                document = PdfBoxDocumentReader.class.getDeclaredField("pdDocument");
                document.setAccessible(true);
                signAndDigest = PdfBoxSignatureService.class.getDeclaredMethod("signDocumentAndReturnDigest",
                        PAdESCommonParameters.class, byte[].class, OutputStream.class, PdfBoxDocumentReader.class);
                signAndDigest.setAccessible(true);
            } catch (ReflectiveOperationException | IOException | RuntimeException e) {
                LoggerFactory.getLogger(FastPdfObjectFactory.class).warn("this EU DSS lacks a member the fast reading "
                        + "of documents needs ({}): signatures take DSS's own path", e.toString());
                document = null;
                signAndDigest = null;
            }
            DOCUMENT = document;
            DSS_DOCUMENT = dssDocument;
            SIGN_AND_DIGEST = signAndDigest;
            PLACEHOLDER = placeholder;
            AVAILABLE = document != null && signAndDigest != null;
        }

        /** A one-page PDF for the reader to read before it is given the document. */
        static DSSDocument placeholder() {
            return new InMemoryDocument(PLACEHOLDER);
        }

        /** Puts {@code document} (read from {@code dssDocument}) in the reader, closing the placeholder it read. */
        static void replaceDocument(PdfBoxDocumentReader reader, PDDocument document, DSSDocument dssDocument)
                throws IOException {
            PDDocument read = reader.getPDDocument();
            try {
                DOCUMENT.set(reader, document);
                DSS_DOCUMENT.set(reader, dssDocument);
            } catch (IllegalAccessException e) {
                document.close();
                throw new IllegalStateException(e);
            }
            read.close();
        }

        /** DSS's {@code signDocumentAndReturnDigest(parameters, empty signature value, out, reader)}. */
        static DSSMessageDigest signAndDigest(Service service, PAdESCommonParameters parameters, OutputStream out,
                                              PdfBoxDocumentReader reader) {
            try {
                return (DSSMessageDigest) SIGN_AND_DIGEST.invoke(service, parameters, DSSUtils.EMPTY_BYTE_ARRAY, out,
                        reader);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new DSSException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The CMS is longer than the room reserved for it in the prepared revision: sign again with more room. */
    static final class ReservationTooSmallException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int needed;

        ReservationTooSmallException(int reserved, int needed) {
            super("the CMS needs " + needed + " bytes, " + reserved + " were reserved");
            this.needed = needed;
        }

        /** @return the DER length of the CMS that did not fit */
        int needed() {
            return needed;
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * @param prepared the revision DSS prepared, with {@code /Contents <000…0>} reserved
     * @param cms      the DER CMS SignedData
     * @return a copy of {@code prepared} with the CMS's hex over the start of the reserved zeros, or null when there
     *         is not exactly one run of zeros long enough after a {@code <}
     */
    static byte[] paste(byte[] prepared, byte[] cms) {
        int hexLength = cms.length * 2;
        int at = -1;
        // a run of at least hexLength zeros holds one of every hexLength-th bytes: look only there, then at the run
        int stride = Math.max(1, hexLength);
        int runEnd = -1; // the end of the last run examined: its bytes are not examined again
        for (int probe = 0; probe < prepared.length; probe += stride) {
            if (prepared[probe] != '0' || probe < runEnd) {
                continue;
            }
            int start = probe;
            while (start > 0 && prepared[start - 1] == '0') {
                start--;
            }
            int end = probe;
            while (end < prepared.length && prepared[end] == '0') {
                end++;
            }
            runEnd = end;
            if (start > 0 && prepared[start - 1] == '<' && end - start >= hexLength) {
                if (at >= 0) {
                    return null; // two placeholders: DSS's path refuses it with its own message
                }
                at = start;
            }
        }
        if (at < 0) {
            return null;
        }
        byte[] out = prepared.clone();
        for (int k = 0; k < cms.length; k++) {
            out[at + 2 * k] = HEX[(cms[k] >> 4) & 0xF];
            out[at + 2 * k + 1] = HEX[cms[k] & 0xF];
        }
        return out;
    }
}
