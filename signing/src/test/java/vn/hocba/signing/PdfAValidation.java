package vn.hocba.signing;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Test helper: checks a PDF against PDF/A-2b with veraPDF (validation-model, Greenfield parser). veraPDF is not
 * thread-safe, so validation is serialised.
 */
public final class PdfAValidation {

    private static boolean initialised;

    private PdfAValidation() {
    }

    /**
     * @param pdf the document
     * @return the failed rules as "clause-test: description (location)"; empty if the document is PDF/A-2b
     */
    public static synchronized List<String> pdfA2bFailures(byte[] pdf) {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage() + " (" + a.getLocation().getContext() + ")")
                    .distinct()
                    .toList();
            if (!result.isCompliant() && failures.isEmpty()) {
                return List.of("not compliant, no failed assertion reported");
            }
            return failures;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the document", e);
        }
    }
}
