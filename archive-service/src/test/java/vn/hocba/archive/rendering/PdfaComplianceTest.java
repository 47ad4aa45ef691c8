package vn.hocba.archive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

// veraPDF keeps static state and is not thread-safe: this class must not run beside others.
@Isolated
class PdfaComplianceTest {

    private static StudentRecordRenderer renderer;

    @BeforeAll
    static void setUp() {
        VeraGreenfieldFoundryProvider.initialise();
        renderer = new StudentRecordRenderer();
    }

    @Test
    void rendersAValidPdfA2b() throws Exception {
        assertCompliant(renderer.render(SampleStudentRecords.sixthGrader()).pdf());
    }

    @Test
    void aRecordWhoseResultsFlowOntoASecondPageIsStillAValidPdfA2b() throws Exception {
        RenderedRecord record = renderer.render(
                SampleStudentRecords.withSubjects(SampleStudentRecords.manySubjects(20)));

        assertThat(record.signatureBoxes().get(SignatureSlot.subject("MON_20")).page()).isEqualTo(2);
        assertCompliant(record.pdf());
    }

    @Test
    void everyKindOfClassGradebookIsAValidPdfA2b() throws Exception {
        GradebookRenderer gradebooks = new GradebookRenderer();
        assertCompliant(gradebooks.render(DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1)).pdf());
        assertCompliant(gradebooks.render(DemoClasses.subjectView("7B", "GDTC", GradebookPeriod.TERM2)).pdf());
        assertCompliant(gradebooks.render(DemoClasses.subjectView("9B", "NGU_VAN", GradebookPeriod.YEAR)).pdf());
        assertCompliant(gradebooks.render(DemoClasses.summaryView("6A", GradebookPeriod.TERM1)).pdf());
        assertCompliant(gradebooks.render(DemoClasses.summaryView("8A", GradebookPeriod.YEAR)).pdf());
        assertCompliant(gradebooks.render(GradebookRendererTest.LongestNames.summary(45)).pdf());
    }

    @Test
    void theValidatorRejectsAGradebookWithoutItsOutputIntent() throws Exception {
        byte[] pdf = new GradebookRenderer().render(DemoClasses.summaryView("6A", GradebookPeriod.YEAR)).pdf();
        ByteArrayOutputStream stripped = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            document.save(stripped);
        }

        assertThat(validate(stripped.toByteArray()).isCompliant()).isFalse();
    }

    @Test
    void theValidatorRejectsARecordWithoutItsOutputIntent() throws Exception {
        byte[] pdf = renderer.render(SampleStudentRecords.sixthGrader()).pdf();
        ByteArrayOutputStream stripped = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            document.save(stripped);
        }

        assertThat(validate(stripped.toByteArray()).isCompliant()).isFalse();
    }

    @Test
    void metadataNamesTheStudentAndAgreesWithTheInfoDictionary() throws Exception {
        byte[] pdf = renderer.render(SampleStudentRecords.sixthGrader()).pdf();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            XMPMetadata xmp = new DomXmpParser().parse(metadata.exportXMPMetadata());
            PDDocumentInformation info = document.getDocumentInformation();

            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo("Học bạ – Nguyễn Văn An – 2024-2025");
            assertThat(info.getTitle()).isEqualTo(xmp.getDublinCoreSchema().getTitle());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant())
                    .isEqualTo(SampleStudentRecords.RENDERED_AT)
                    .isEqualTo(info.getCreationDate().toInstant());
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("vi-VN");
        }
    }

    private static ValidationResult validate(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            return validator.validate(parser);
        }
    }

    private static void assertCompliant(byte[] pdf) throws Exception {
        ValidationResult result = validate(pdf);
        List<String> failures = result.getTestAssertions().stream()
                .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                        + ": " + assertion.getMessage())
                .distinct()
                .collect(Collectors.toList());
        failures.forEach(System.out::println);
        assertThat(result.isCompliant()).as("PDF/A-2b failures: %s", failures).isTrue();
    }
}
