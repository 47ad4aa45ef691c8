package vn.hocba.archive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The text a renderer keeps for the search index ({@link RenderedRecord#text}) holds every word a reader of the PDF
 * finds on its pages (PDFBox's text stripper, what the index read before), so the index loses nothing by taking it.
 */
class DrawnTextTest {

    private static Set<String> words(String text) {
        return new TreeSet<>(Arrays.asList(text.split("\\s+")).stream().filter(w -> !w.isBlank()).toList());
    }

    private static void keepsEveryWordOnThePages(RenderedRecord rendered) throws IOException {
        Set<String> onPages = words(GradebookRendererTest.text(rendered.pdf()));
        Set<String> drawn = words(rendered.text());
        assertThat(onPages).isNotEmpty();
        assertThat(drawn).containsAll(onPages);
    }

    @Test
    void aStudentRecord() throws IOException {
        RenderedRecord rendered = new StudentRecordRenderer().render(SampleStudentRecords.sixthGrader());
        keepsEveryWordOnThePages(rendered);
        assertThat(rendered.text()).contains(SampleStudentRecords.sixthGrader().student().fullName());
    }

    @Test
    void aSubjectGradebookAndAClassSummary() throws IOException {
        var renderer = new GradebookRenderer();
        keepsEveryWordOnThePages(renderer.render(DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1)));
        keepsEveryWordOnThePages(renderer.render(DemoClasses.summaryView("6A", GradebookPeriod.YEAR)));
    }
}
