package vn.hocba.archive.rendering;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Writes sample gradebooks to look at: {@code -Dhocba.samples=/some/dir}. Skipped otherwise. */
class GradebookSamplesWriter {

    @Test
    @EnabledIfSystemProperty(named = "hocba.samples", matches = ".+")
    void writeSamples() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("hocba.samples")));
        GradebookRenderer renderer = new GradebookRenderer();
        Files.write(dir.resolve("toan-6a-hk1.pdf"), renderer.render(DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1)).pdf());
        Files.write(dir.resolve("nguvan-9b-cn.pdf"), renderer.render(DemoClasses.subjectView("9B", "NGU_VAN", GradebookPeriod.YEAR)).pdf());
        Files.write(dir.resolve("tonghop-8a-cn.pdf"), renderer.render(DemoClasses.summaryView("8A", GradebookPeriod.YEAR)).pdf());
        Files.write(dir.resolve("tonghop-6a-hk1.pdf"), renderer.render(DemoClasses.summaryView("6A", GradebookPeriod.TERM1)).pdf());
        Files.write(dir.resolve("longest-subject.pdf"), renderer.render(GradebookRendererTest.LongestNames.subject(45)).pdf());
        Files.write(dir.resolve("longest-summary.pdf"), renderer.render(GradebookRendererTest.LongestNames.summary(45)).pdf());
        Files.write(dir.resolve("record.pdf"), new StudentRecordRenderer().render(SampleStudentRecords.sixthGrader()).pdf());
    }
}
