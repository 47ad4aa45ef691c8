package vn.hocba.archive.rendering;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a document PDF/A-2b beyond embedded fonts and opaque colours (ISO 19005-2): the XMP
 * metadata with the PDF/A identification, an output intent with an ICC profile, and an Info
 * dictionary that agrees with the XMP (§6.6.3). Also sets the document language and a document
 * ID derived from the content key, so the same input gives the same bytes.
 */
final class PdfaConformance {

    static final String PRODUCER = "Hocba";
    private static final String LANGUAGE = "vi-VN";
    private static final String SRGB = "sRGB IEC61966-2.1";
    // Vietnam has one time zone and no daylight saving; dates read naturally to the school.
    private static final TimeZone VIETNAM = TimeZone.getTimeZone("Asia/Ho_Chi_Minh");

    private final byte[] iccProfile;

    PdfaConformance(byte[] iccProfile) {
        this.iccProfile = iccProfile.clone();
    }

    /**
     * @param idSeed stable key of the document's content (lookup code and version): the trailer ID
     *               is its hash, so PDFBox does not make up a random one on save
     */
    void apply(PDDocument document, String title, String author, Instant created, String idSeed)
            throws IOException {
        Calendar date = calendar(created);

        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(date);
        info.setModificationDate(date);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(LANGUAGE);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);

        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title, author, date));
        catalog.setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(iccProfile));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        byte[] id = documentId(idSeed);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().setDocumentID(ids);
    }

    private static byte[] xmp(String title, String author, Calendar date) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        dc.setFormat("application/pdf");
        dc.addLanguage(LANGUAGE);

        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(date);
        basic.setModifyDate(date);
        basic.setMetadataDate(date);
        basic.setCreatorTool(PRODUCER);

        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);

        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(2);
        try {
            pdfa.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            // the JDK's own XML implementation: the no-argument XmpSerializer looks the factories
            // up on the class path on every call, which cost more than the rest of the render
            new XmpSerializer(TransformerFactory.newDefaultInstance(), DocumentBuilderFactory.newDefaultInstance())
                    .serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        return out.toByteArray();
    }

    private static Calendar calendar(Instant instant) {
        // the Info dictionary keeps whole seconds; the XMP must say the same (ISO 19005-2 §6.6.3)
        GregorianCalendar calendar = new GregorianCalendar(VIETNAM, Locale.ROOT);
        calendar.setTimeInMillis(instant.truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
        return calendar;
    }

    private static byte[] documentId(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
