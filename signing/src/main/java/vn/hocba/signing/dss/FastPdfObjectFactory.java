package vn.hocba.signing.dss;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
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
 */
final class FastPdfObjectFactory extends PdfBoxNativeObjectFactory {

    FastPdfObjectFactory() {
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
        return configure(new Service(PDFServiceMode.SIGNATURE));
    }

    @Override
    public PDFSignatureService newContentTimestampService() {
        return configure(new Service(PDFServiceMode.CONTENT_TIMESTAMP));
    }

    @Override
    public PDFSignatureService newSignatureTimestampService() {
        return configure(new Service(PDFServiceMode.SIGNATURE_TIMESTAMP));
    }

    @Override
    public PDFSignatureService newArchiveTimestampService() {
        return configure(new Service(PDFServiceMode.ARCHIVE_TIMESTAMP));
    }

    /** PDFBox's signature service with the CMS pasted by {@link #paste}. */
    private static final class Service extends PdfBoxSignatureService {

        Service(PDFServiceMode mode) {
            super(mode, new PdfBoxNativeSignatureDrawerFactory());
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
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i] != '<') {
                continue;
            }
            int zeros = 0;
            while (i + 1 + zeros < prepared.length && prepared[i + 1 + zeros] == '0' && zeros < hexLength) {
                zeros++;
            }
            if (zeros == hexLength) {
                if (at >= 0) {
                    return null; // two placeholders: DSS's path refuses it with its own message
                }
                at = i + 1;
                i += zeros;
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
