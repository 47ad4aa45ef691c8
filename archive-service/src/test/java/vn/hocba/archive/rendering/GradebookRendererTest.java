package vn.hocba.archive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.hocba.archive.grading.StudentYearResult;
import vn.hocba.archive.grading.SubjectGrade;
import vn.hocba.archive.grading.SubjectResult;
import vn.hocba.archive.results.StudentResults;
import vn.hocba.archive.school.SchoolDirectory.StudentYear;
import vn.hocba.archive.school.SchoolYearDataset;

class GradebookRendererTest {

    private static final GradebookRenderer renderer = new GradebookRenderer();

    // ---- what the pages say: the demo data, through the grading engine ----

    @Test
    void aTermGradebookShowsEveryStudentsMarksAndTheEnginesTermAverage() throws IOException {
        List<StudentYear> years = DemoClasses.classYear("6A");
        String text = text(renderer.render(DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1)).pdf());

        assertThat(text.replaceAll("\\s+", " ")).contains("SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Trường THCS Mạo Khê II", "Môn học: Toán", "Lớp: 6A", "Học kì I", "Năm học: 2024-2025",
                "ĐĐGtx 1", "ĐĐGgk", "ĐĐGck", "ĐTBmhkI", "GIÁO VIÊN BỘ MÔN", "GIÁO VIÊN CHỦ NHIỆM", "HIỆU TRƯỞNG",
                "Lê Thu Hương");
        assertThat(years).hasSize(36);
        for (int i = 0; i < years.size(); i++) {
            StudentYear y = years.get(i);
            var marks = DemoClasses.DATA.assessments().stream()
                    .filter(a -> a.student().equals(y.student().id()) && a.subject().equals("TOAN") && a.term() == 1)
                    .findFirst().orElseThrow();
            BigDecimal average = (BigDecimal) SubjectGrade.jsonValueOf(engine(y, "TOAN").term1());
            String line = (i + 1) + " " + y.student().fullName() + " " + String.join(" ", marks.regular()) + " "
                    + marks.midterm() + " " + marks.finalMark() + " " + average.toPlainString();
            assertThat(text).as(y.student().fullName()).contains(line + "\n");
        }
    }

    @Test
    void aYearGradebookShowsBothTermAveragesAndTheEnginesYearAverage() throws IOException {
        List<StudentYear> years = DemoClasses.classYear("9B");
        String text = text(renderer.render(DemoClasses.subjectView("9B", "NGU_VAN", GradebookPeriod.YEAR)).pdf());

        assertThat(text.replaceAll("\\s+", " ")).contains("Môn học: Ngữ văn", "Cả năm", "ĐTBmhkI", "ĐTBmhkII", "ĐTBmcn");
        for (int i = 0; i < years.size(); i++) {
            SubjectResult r = engine(years.get(i), "NGU_VAN");
            assertThat(text).contains((i + 1) + " " + years.get(i).student().fullName() + " " + r.term1() + " "
                    + r.term2() + " " + r.year() + "\n");
        }
    }

    @Test
    void aCommentSubjectShowsĐAndCĐ() throws IOException {
        List<StudentYear> years = DemoClasses.classYear("7B");
        String term = text(renderer.render(DemoClasses.subjectView("7B", "GDTC", GradebookPeriod.TERM2)).pdf());
        String year = text(renderer.render(DemoClasses.subjectView("7B", "GDTC", GradebookPeriod.YEAR)).pdf());

        for (int i = 0; i < years.size(); i++) {
            SubjectResult r = engine(years.get(i), "GDTC");
            String name = (i + 1) + " " + years.get(i).student().fullName() + " ";
            assertThat(term).containsPattern(java.util.regex.Pattern.quote(name) + "(C?Đ )+" + r.term2() + "\n");
            assertThat(year).contains(name + r.term1() + " " + r.term2() + " " + r.year() + "\n");
        }
        assertThat(year.replaceAll("\\s+", " ")).doesNotContain("ĐTBmcn").contains("Học kì I", "Học kì II", "Cả năm");
    }

    @Test
    void anIncompleteTermPrintsNoAverageRatherThanAGuess() throws IOException {
        List<StudentYear> years = DemoClasses.withoutFinalMark(DemoClasses.classYear("6A"), 0, "TOAN", 1);
        assertThat(engine(years.get(0), "TOAN").term1()).as("the engine computes none").isNull();

        SubjectGradebookView view = GradebookRendering.subjectView(DemoClasses.LOOKUP_CODE, 1, DemoClasses.school(),
                years, "TOAN", GradebookPeriod.TERM1, DemoClasses.RENDERED_AT);
        String text = text(renderer.render(view).pdf());
        var marks = DemoClasses.DATA.assessments().stream()
                .filter(a -> a.student().equals(years.get(0).student().id()) && a.subject().equals("TOAN") && a.term() == 1)
                .findFirst().orElseThrow();

        assertThat(text).contains("1 " + years.get(0).student().fullName() + " " + String.join(" ", marks.regular())
                + " " + marks.midterm() + " —\n");
        ClassSummaryView summary = GradebookRendering.summaryView(DemoClasses.LOOKUP_CODE, 1, DemoClasses.school(),
                years, GradebookPeriod.YEAR, DemoClasses.RENDERED_AT);
        assertThat(summary.rows().get(0).subjectResults().get(1)).isEqualTo("—");
        assertThat(summary.rows().get(0).promotion()).isEqualTo("—");
    }

    @Test
    void theYearSummaryBookShowsEverySubjectAndTheEnginesResultsAndDecisions() throws IOException {
        List<StudentYear> years = DemoClasses.classYear("8A");
        GradebookRenderer.Rendered rendered = renderer.layout(DemoClasses.summaryView("8A", GradebookPeriod.YEAR));
        String text = text(rendered.record().pdf()).replaceAll("\\s+", " ");

        assertThat(text).contains("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CỦA LỚP", "Lớp: 8A", "Cả năm", "Học tập", "Rèn luyện",
                "Số ngày nghỉ", "Kết quả lên lớp", "Danh hiệu");
        years.get(0).subjects().forEach(s -> assertThat(text).contains(s.name()));
        int subjects = years.get(0).subjects().size();
        for (int i = 0; i < years.size(); i++) {
            StudentYearResult r = StudentResults.evaluate(years.get(i));
            List<String> expected = new ArrayList<>();
            expected.add(Integer.toString(i + 1));
            expected.add(years.get(i).student().fullName());
            for (var s : years.get(i).subjects()) {
                expected.add(r.subjects().stream().filter(x -> x.code().equals(s.code())).findFirst().orElseThrow()
                        .year().toString());
            }
            expected.add(RecordRendering.level(r.learning(), 3));
            expected.add(RecordRendering.level(r.conduct(), 3));
            expected.add(Integer.toString(r.daysAbsent()));
            assertThat(rowTexts(rendered, i + 1, subjects + 7).subList(0, subjects + 5)).isEqualTo(expected);
            assertThat(text).contains(String.join(" ", expected.subList(1, expected.size())));
        }
        assertThat(text).contains("Được lên lớp");
    }

    @Test
    void aTermSummaryBookShowsTheTermsResultsConductAndDaysAbsent() throws IOException {
        List<StudentYear> years = DemoClasses.classYear("6C");
        String text = text(renderer.render(DemoClasses.summaryView("6C", GradebookPeriod.TERM2)).pdf());

        assertThat(text).contains("Học kì II").doesNotContain("Kết quả lên lớp");
        for (int i = 0; i < years.size(); i++) {
            StudentYearResult r = StudentResults.evaluate(years.get(i));
            String results = years.get(i).subjects().stream()
                    .map(s -> r.subjects().stream().filter(x -> x.code().equals(s.code())).findFirst().orElseThrow()
                            .term2().toString())
                    .collect(Collectors.joining(" "));
            assertThat(text).contains((i + 1) + " " + years.get(i).student().fullName() + " " + results + " "
                    + RecordRendering.level(r.learning(), 2) + " " + RecordRendering.level(r.conduct(), 2) + " "
                    + years.get(i).daysAbsent().get(2) + "\n");
        }
    }

    // ---- layout ----

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("Toán 6A học kì I", (Layout) () -> renderer.layout(DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1))),
                Arguments.of("HĐTN-HN 6B cả năm", (Layout) () -> renderer.layout(DemoClasses.subjectView("6B", "HDTN_HN", GradebookPeriod.YEAR))),
                Arguments.of("GDĐP 9A học kì II", (Layout) () -> renderer.layout(DemoClasses.subjectView("9A", "GDDP", GradebookPeriod.TERM2))),
                Arguments.of("tổng hợp 6A học kì I", (Layout) () -> renderer.layout(DemoClasses.summaryView("6A", GradebookPeriod.TERM1))),
                Arguments.of("tổng hợp 7A cả năm", (Layout) () -> renderer.layout(DemoClasses.summaryView("7A", GradebookPeriod.YEAR))),
                Arguments.of("45 longest names, subject", (Layout) () -> renderer.layout(LongestNames.subject(45))),
                Arguments.of("45 longest names, summary", (Layout) () -> renderer.layout(LongestNames.summary(45))),
                Arguments.of("45 longest names, reissued, subject", (Layout) () -> renderer.layout(reissued(LongestNames.subject(45)))),
                Arguments.of("34 longest names, reissued, summary", (Layout) () -> renderer.layout(reissued(LongestNames.summary(34)))));
    }

    /** A reissue after many corrections in the subjects with the longest names: the longest note there is. */
    static final Reissue REISSUE = new Reissue(java.util.UUID.fromString("0b5d7c4e-8a1f-4c1e-9d2a-3f6e5b4a7c81"), 17,
            DemoClasses.DATA.subjects().stream().map(vn.hocba.archive.school.SchoolYearDataset.Subject::name)
                    .sorted(Comparator.comparingInt(String::length).reversed()).limit(6).toList());

    static SubjectGradebookView reissued(SubjectGradebookView v) {
        return new SubjectGradebookView(v.lookupCode(), 2, v.school(), v.schoolYear(), v.className(), v.grade(),
                v.subjectCode(), v.subjectName(), v.commentOnly(), v.period(), v.regularColumns(), v.rows(),
                v.subjectTeacherName(), v.homeroomTeacherName(), v.principalName(), v.renderedAt(), REISSUE);
    }

    static ClassSummaryView reissued(ClassSummaryView v) {
        return new ClassSummaryView(v.lookupCode(), 2, v.school(), v.schoolYear(), v.className(), v.grade(), v.period(),
                v.subjects(), v.rows(), v.homeroomTeacherName(), v.principalName(), v.renderedAt(), REISSUE);
    }

    @Test
    void aReissuePrintsWhatItReplacesOnEveryPageAndItsCorrectionsAboveTheSignatures() throws IOException {
        byte[] pdf = renderer.layout(reissued(LongestNames.subject(45))).record().pdf();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(document).replaceAll("\\s+", " ")).as("page " + p)
                        .contains("Bản này thay thế bản có mã tra cứu: " + REISSUE.supersedes());
            }
            stripper.setStartPage(document.getNumberOfPages());
            stripper.setEndPage(document.getNumberOfPages());
            assertThat(stripper.getText(document).replaceAll("\\s+", " "))
                    .contains("Trong sổ này có sửa chữa ở 17 chỗ, thuộc môn học: " + String.join(", ", REISSUE.correctedSubjects()) + ".");
        }
    }

    interface Layout {
        GradebookRenderer.Rendered get();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void noTextRunsOutOfItsCellAndEveryCellShowsAllOfItsText(String description, Layout layout) throws IOException {
        GradebookRenderer.Rendered rendered = layout.get();
        List<Glyph> glyphs = glyphs(rendered.record().pdf());

        assertThat(rendered.cells()).hasSizeGreaterThan(100);
        for (GradebookRenderer.Cell cell : rendered.cells()) {
            Box b = cell.box();
            List<Glyph> inside = glyphs.stream().filter(g -> g.page == b.page() && b.x() <= g.centerX()
                    && g.centerX() <= b.right() && b.y() <= g.baseline && g.baseline <= b.top()).toList();
            assertThat(inside).as("%s: glyphs of %s run out of %s", description, cell.text(), b).allMatch(g ->
                    g.x >= b.x() - 0.01f && g.x + g.width <= b.right() + 0.01f
                            && g.baseline - 0.24f * g.size >= b.y() && g.baseline + 0.93f * g.size <= b.top());
            String drawn = inside.stream()
                    .sorted(Comparator.comparingDouble((Glyph g) -> -g.baseline).thenComparingDouble(g -> g.x))
                    .map(g -> g.text).collect(Collectors.joining());
            assertThat(drawn).as("%s: the text drawn in %s", description, b)
                    .isEqualTo(cell.text().replace(" ", ""));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void signatureBoxesAreInsideThePageApartAndCoverNoTextNorTable(String description, Layout layout)
            throws IOException {
        GradebookRenderer.Rendered rendered = layout.get();
        RenderedRecord record = rendered.record();
        List<Glyph> glyphs = glyphs(record.pdf());
        Map<Integer, PDRectangle> pages = new java.util.HashMap<>();
        try (PDDocument document = Loader.loadPDF(record.pdf())) {
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                pages.put(p, document.getPage(p - 1).getMediaBox());
            }
        }

        List<Map.Entry<SignatureSlot, Box>> boxes = new ArrayList<>(record.signatureBoxes().entrySet());
        assertThat(boxes).extracting(Map.Entry::getKey).containsExactlyElementsOf(description.startsWith("tổng hợp")
                || description.endsWith("summary")
                ? List.of(SignatureSlot.HOMEROOM, SignatureSlot.PRINCIPAL)
                : List.of(subjectSlot(description), SignatureSlot.HOMEROOM, SignatureSlot.PRINCIPAL));
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i).getValue();
            PDRectangle page = pages.get(box.page());
            assertThat(page).as("page of %s", boxes.get(i).getKey()).isNotNull();
            assertThat(box.x()).isGreaterThanOrEqualTo(GradebookRenderer.MARGIN);
            assertThat(box.right()).isLessThanOrEqualTo(page.getWidth() - GradebookRenderer.MARGIN);
            assertThat(box.y()).isGreaterThanOrEqualTo(GradebookRenderer.CONTENT_BOTTOM);
            assertThat(box.top()).isLessThanOrEqualTo(page.getHeight());
            assertThat(box.page()).as("signatures on the last page").isEqualTo(pages.size());
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(box.overlaps(boxes.get(j).getValue())).as("%s overlaps %s", boxes.get(i).getKey(),
                        boxes.get(j).getKey()).isFalse();
            }
            assertThat(glyphs).as("text under %s", boxes.get(i).getKey()).noneMatch(g -> g.page == box.page()
                    && g.x < box.right() && box.x() < g.x + g.width
                    && g.baseline - 0.24f * g.size < box.top() && box.y() < g.baseline + 0.93f * g.size);
            assertThat(rendered.cells()).noneMatch(c -> c.box().overlaps(box));
        }
    }

    private static SignatureSlot subjectSlot(String description) {
        if (description.startsWith("Toán")) {
            return SignatureSlot.subject("TOAN");
        }
        if (description.startsWith("HĐTN")) {
            return SignatureSlot.subject("HDTN_HN");
        }
        return SignatureSlot.subject(description.startsWith("GDĐP") ? "GDDP" : LongestNames.SUBJECT);
    }

    @Test
    void fortyFiveStudentsFlowOntoFurtherPagesThatRepeatTheTableHeader() throws IOException {
        for (RenderedRecord record : List.of(renderer.render(LongestNames.subject(45)),
                renderer.render(LongestNames.summary(45)))) {
            try (PDDocument document = Loader.loadPDF(record.pdf())) {
                int pages = document.getNumberOfPages();
                assertThat(pages).isGreaterThanOrEqualTo(2);
                StringBuilder all = new StringBuilder();
                for (int p = 1; p <= pages; p++) {
                    String page = text(document, p);
                    all.append(page);
                    assertThat(page).contains("Mã tra cứu: " + DemoClasses.LOOKUP_CODE + " · Phiên bản 1 · Trang "
                            + p + "/" + pages);
                    if (page.contains(LongestNames.NAMES.get(0).split(" ")[0])) {
                        assertThat(page).as("page %d repeats the header", p).contains("STT", "Họ và tên học sinh");
                    }
                }
                assertThat(text(document, 2)).contains("(tiếp theo)", "STT", "Họ và tên học sinh");
                String flat = all.toString().replaceAll("\\s+", " ");
                for (int i = 0; i < 45; i++) {
                    assertThat(flat).contains((i + 1) + " " + LongestNames.name(i));
                }
            }
        }
    }

    @Test
    void aThirtySixStudentClassTakesTwoPortraitPagesAndTheSummaryIsLandscape() throws IOException {
        try (PDDocument subject = Loader.loadPDF(renderer.render(DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1)).pdf());
             PDDocument summary = Loader.loadPDF(renderer.render(DemoClasses.summaryView("6A", GradebookPeriod.YEAR)).pdf())) {
            assertThat(subject.getNumberOfPages()).isLessThanOrEqualTo(2);
            assertThat(subject.getPage(0).getMediaBox().getHeight()).isGreaterThan(subject.getPage(0).getMediaBox().getWidth());
            assertThat(summary.getPage(0).getMediaBox().getWidth()).isGreaterThan(summary.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void theSameViewGivesTheSameBytes() {
        SubjectGradebookView view = DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1);
        assertThat(renderer.render(view).pdf()).isEqualTo(renderer.render(view).pdf());
    }

    // ---- page images and the QR code ----

    @Test
    void everyPageRastersAndTheQrCodeOfEachKindDecodesToTheVerifyUrl(@TempDir Path dir) throws Exception {
        Map<GradebookPeriod, RenderedRecord> kinds = new EnumMap<>(GradebookPeriod.class);
        kinds.put(GradebookPeriod.TERM1, renderer.render(DemoClasses.subjectView("6A", "TOAN", GradebookPeriod.TERM1)));
        kinds.put(GradebookPeriod.YEAR, renderer.render(DemoClasses.summaryView("6A", GradebookPeriod.YEAR)));
        List<byte[]> documents = new ArrayList<>(kinds.values().stream().map(RenderedRecord::pdf).toList());
        documents.add(new StudentRecordRenderer().render(SampleStudentRecords.sixthGrader()).pdf());
        List<String> lookupCodes = List.of(DemoClasses.LOOKUP_CODE.toString(), DemoClasses.LOOKUP_CODE.toString(),
                SampleStudentRecords.LOOKUP_CODE);

        for (int d = 0; d < documents.size(); d++) {
            List<Path> images = pages(documents.get(d), dir.resolve("doc" + d));
            try (PDDocument document = Loader.loadPDF(documents.get(d))) {
                assertThat(images).hasSize(document.getNumberOfPages());
            }
            for (Path image : images) {
                assertThat(decodeQr(image)).as(image.toString())
                        .isEqualTo("http://localhost:8080/verify/" + lookupCodes.get(d));
            }
        }
    }

    @Test
    void theQrCodeUsesTheConfiguredPublicBaseUrl(@TempDir Path dir) throws Exception {
        GradebookRenderer custom = new GradebookRenderer("https://hocba.example.edu.vn/");
        byte[] pdf = custom.render(DemoClasses.summaryView("6B", GradebookPeriod.TERM1)).pdf();

        assertThat(decodeQr(pages(pdf, dir).get(0)))
                .isEqualTo("https://hocba.example.edu.vn/verify/" + DemoClasses.LOOKUP_CODE)
                .isEqualTo(custom.verifyUrl(DemoClasses.LOOKUP_CODE.toString()));
        assertThat(decodeQr(pages(new StudentRecordRenderer("https://hocba.example.edu.vn")
                .render(SampleStudentRecords.sixthGrader()).pdf(), dir.resolve("record")).get(1)))
                .isEqualTo("https://hocba.example.edu.vn/verify/" + SampleStudentRecords.LOOKUP_CODE);
    }

    /** Writes the page images with poppler's pdftoppm, as a person would look at them. */
    static List<Path> pages(byte[] pdf, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve("document.pdf");
        Files.write(file, pdf);
        Process process = new ProcessBuilder("pdftoppm", "-r", "150", "-png", file.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
    }

    static String decodeQr(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    // ---- helpers ----

    private static SubjectResult engine(StudentYear year, String subject) {
        return StudentResults.evaluate(year).subjects().stream().filter(r -> r.code().equals(subject))
                .findFirst().orElseThrow();
    }

    /** The texts of one student's row (STT = number), in column order. */
    private static List<String> rowTexts(GradebookRenderer.Rendered rendered, int number, int columns) {
        List<GradebookRenderer.Cell> cells = rendered.cells();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).text().equals(Integer.toString(number)) && cells.get(i).box().x() == GradebookRenderer.MARGIN) {
                return cells.subList(i, i + columns).stream().map(GradebookRenderer.Cell::text).toList();
            }
        }
        throw new AssertionError("no row " + number);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // in drawing order: a row's cells are drawn one after another, a cell's lines together
            return new PDFTextStripper().getText(document);
        }
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    /** A glyph in PDF user space: left edge, width, baseline, font size. */
    private record Glyph(int page, String text, float x, float width, float baseline, float size) {
        float centerX() {
            return x + width / 2;
        }
    }

    private static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        if (p.getUnicode().isBlank()) {
                            continue;
                        }
                        float pageHeight = getCurrentPage().getMediaBox().getHeight();
                        glyphs.add(new Glyph(getCurrentPageNo(), p.getUnicode(), p.getXDirAdj(), p.getWidthDirAdj(),
                                pageHeight - p.getYDirAdj(), p.getFontSizeInPt()));
                    }
                }
            };
            stripper.getText(document);
        }
        return glyphs;
    }

    /** Views of 45 students named after the demo data's longest names, in its longest subject. */
    static final class LongestNames {

        static final String SUBJECT = "HDTN_HN";
        static final List<String> NAMES = longest();

        private static List<String> longest() {
            List<String> names = new ArrayList<>(DemoClasses.DATA.students().stream()
                    .map(SchoolYearDataset.Student::fullName).distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                    .limit(5).toList());
            // and one longer than any real name, which must wrap or shrink rather than run over
            names.add("Tôn Nữ Hoàng Thị Ngọc Phương Quỳnh Như Nguyệt");
            return names;
        }

        static String name(int i) {
            return NAMES.get(i % NAMES.size());
        }

        private static String staff() {
            return DemoClasses.DATA.staff().stream().map(SchoolYearDataset.Staff::fullName)
                    .max(Comparator.comparingInt(String::length)).orElseThrow();
        }

        static SubjectGradebookView subject(int students) {
            List<SubjectGradebookView.Row> rows = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                rows.add(new SubjectGradebookView.Row(i + 1, "HS" + (1000 + i), name(i), List.of("Đ", "Đ", "CĐ"), "Đ",
                        "Đ", "Đ", i % 3 == 0 ? "CĐ" : "Đ", i % 3 == 0 ? "CĐ" : "Đ"));
            }
            return new SubjectGradebookView(DemoClasses.LOOKUP_CODE.toString(), 1,
                    new StudentRecordView.SchoolInfo(DemoClasses.DATA.school().name(), DemoClasses.DATA.school().province(),
                            DemoClasses.DATA.school().district(), ""),
                    "2024-2025", "6A", 6, SUBJECT, "Hoạt động trải nghiệm, hướng nghiệp", true, GradebookPeriod.TERM1, 3,
                    rows, staff(), staff(), staff(), DemoClasses.RENDERED_AT);
        }

        static ClassSummaryView summary(int students) {
            List<ClassSummaryView.SubjectColumn> subjects = DemoClasses.DATA.subjects().stream()
                    .filter(s -> s.periodsPerYear().containsKey(6))
                    .map(s -> new ClassSummaryView.SubjectColumn(s.code(), s.name())).toList();
            List<ClassSummaryView.Row> rows = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                List<String> results = subjects.stream().map(s -> s.code().equals("GDTC") ? "CĐ" : "10.0").toList();
                rows.add(new ClassSummaryView.Row(i + 1, "HS" + (1000 + i), name(i), results, "Chưa đạt", "Chưa đạt",
                        "123", "Kiểm tra lại: Hoạt động trải nghiệm, hướng nghiệp, Nội dung giáo dục của địa phương",
                        "Học sinh Xuất sắc"));
            }
            return new ClassSummaryView(DemoClasses.LOOKUP_CODE.toString(), 1,
                    new StudentRecordView.SchoolInfo(DemoClasses.DATA.school().name(), DemoClasses.DATA.school().province(),
                            DemoClasses.DATA.school().district(), ""),
                    "2024-2025", "6A", 6, GradebookPeriod.YEAR, subjects, rows, staff(), staff(), DemoClasses.RENDERED_AT);
        }
    }
}
