package vn.hocba.archive.validation;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Whether a PDF is the PDF/A it claims to be (ISO 19005; the records are rendered as PDF/A-2b): the flavour is read
 * from the file's XMP ({@code pdfaid:part}, {@code pdfaid:conformance}) and checked by veraPDF. A file that claims no
 * PDF/A flavour is not compliant and has no flavour.
 *
 * <p>veraPDF keeps static state and is not thread-safe: checks run one at a time.
 */
@Component
class PdfaCheck {

    private static final Logger log = LoggerFactory.getLogger(PdfaCheck.class);

    /** The outcome: {@code flavour} e.g. {@code PDF/A-2B}, null when the file claims none. */
    record Pdfa(boolean compliant, String flavour) {
    }

    private boolean initialised;

    /** @param pdf a document PDFBox could already open (the signatures were read) */
    synchronized Pdfa check(byte[] pdf) {
        PDFAFlavour claimed = claimedFlavour(pdf);
        if (claimed == null) {
            return new Pdfa(false, null);
        }
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), claimed);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(claimed, false)) {
            ValidationResult result = validator.validate(parser);
            return new Pdfa(result.isCompliant(), name(claimed));
        } catch (Exception | LinkageError e) {
            // a file veraPDF cannot parse is no compliant PDF/A; the signatures' report still stands
            log.info("veraPDF could not check a file claiming {}: {}", name(claimed), e.getClass().getName());
            return new Pdfa(false, name(claimed));
        }
    }

    /** The flavour named in the XMP, or null if none (or one veraPDF does not know). */
    static PDFAFlavour claimedFlavour(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return null;
            }
            XMPMetadata xmp = new DomXmpParser().parse(metadata.exportXMPMetadata());
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            if (id == null || id.getPart() == null) {
                return null;
            }
            String conformance = id.getConformance() == null ? "" : id.getConformance().toLowerCase(Locale.ROOT);
            PDFAFlavour flavour = PDFAFlavour.byFlavourId(id.getPart() + conformance);
            return flavour == PDFAFlavour.NO_FLAVOUR || !flavour.getId().matches("[1-4][abuef]?") ? null : flavour;
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code PDF/A-2B}, {@code PDF/A-4}. */
    static String name(PDFAFlavour flavour) {
        return "PDF/A-" + flavour.getId().toUpperCase(Locale.ROOT);
    }
}
