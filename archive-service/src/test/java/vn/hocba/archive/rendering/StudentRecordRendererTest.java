package vn.hocba.archive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StudentRecordRendererTest {

    private static final StudentRecordRenderer renderer = new StudentRecordRenderer();

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("12 subjects", SampleStudentRecords.sixthGrader()),
                Arguments.of("14 subjects", SampleStudentRecords.tenthGraderWithFourteenSubjects()),
                Arguments.of("20 subjects", SampleStudentRecords.withSubjects(SampleStudentRecords.manySubjects(20))));
    }

    @Test
    void aReissuedRecordPrintsItsCorrectionsAndTheLookupCodeOfTheVersionItReplacesOnEveryPage() throws Exception {
        var v = SampleStudentRecords.sixthGrader();
        var reissue = new Reissue(java.util.UUID.fromString("7d2f0c4e-1b3a-4e5f-8a9b-0c1d2e3f4a5b"), 2, List.of("Toán", "Ngữ văn"));
        var s = v.summary();
        var summary = new StudentRecordView.Summary(s.conductTerm1(), s.conductTerm2(), s.conductYear(), s.learningTerm1(),
                s.learningTerm2(), s.learningYear(), s.daysAbsentTerm1(), s.daysAbsentTerm2(), s.daysAbsentYear(),
                s.promotion(), s.title(), s.homeroomComment(), reissue.corrections(), reissue.correctedSubjects());
        var reissued = new StudentRecordView(v.lookupCode(), 2, v.school(), v.schoolYear(), v.className(), v.grade(),
                v.student(), v.subjects(), summary, v.homeroomTeacherName(), v.principalName(), v.renderedAt(), reissue);
        try (var document = org.apache.pdfbox.Loader.loadPDF(renderer.render(reissued).pdf())) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            String all = stripper.getText(document).replaceAll("\\s+", " ");
            assertThat(all).contains("Trong trang này có sửa chữa ở 2 chỗ, thuộc môn học: Toán, Ngữ văn.");
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(document).replaceAll("\\s+", " ")).as("page " + p)
                        .contains("Bản này thay thế bản có mã tra cứu: 7d2f0c4e-1b3a-4e5f-8a9b-0c1d2e3f4a5b");
            }
        }
        try (var document = org.apache.pdfbox.Loader.loadPDF(renderer.render(v).pdf())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).doesNotContain("thay thế bản");
        }
    }

    @Test
    void extractedTextKeepsVietnameseDiacritics() throws IOException {
        // table cells wrap, so compare with line breaks read as spaces
        String text = text(renderer.render(SampleStudentRecords.sixthGrader()).pdf()).replaceAll("\\s+", " ");

        assertThat(text).contains("Nguyễn Văn An", "HỌC BẠ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Trường THCS Nguyễn Trãi", "Hoạt động trải nghiệm, hướng nghiệp",
                "Giáo viên bộ môn", "Nhận xét của giáo viên chủ nhiệm", "Học sinh Giỏi", "Được lên lớp",
                "GIÁO VIÊN CHỦ NHIỆM", "HIỆU TRƯỞNG", "Nguyễn Quốc Khánh", "Ngô Thị Phương Thảo",
                "Trong trang này có sửa chữa ở 1 chỗ, thuộc môn học: Toán.");
    }

    @Test
    void decomposedInputIsDrawnAsPrecomposedLetters() throws IOException {
        String decomposed = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);

        String text = text(renderer.render(SampleStudentRecords.withName(decomposed)).pdf());

        assertThat(text).contains("Nguyễn Văn An");
    }

    @Test
    void lettersTheFontLacksBecomeQuestionMarksInsteadOfFailingTheRecord() throws IOException {
        String text = text(renderer.render(SampleStudentRecords.withName("Nguyễn Văn 安")).pdf());

        assertThat(text).contains("Nguyễn Văn ?");
    }

    @Test
    void everyPageCarriesTheLookupCodeVersionAndPageNumber() throws IOException {
        byte[] pdf = renderer.render(SampleStudentRecords.sixthGrader()).pdf();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            for (int page = 1; page <= 2; page++) {
                assertThat(text(document, page)).contains("Mã tra cứu: " + SampleStudentRecords.LOOKUP_CODE
                        + " · Phiên bản 1 · Trang " + page + "/2");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void signatureBoxesAreInsideThePageAndDoNotOverlap(String description, StudentRecordView view)
            throws IOException {
        RenderedRecord record = renderer.render(view);
        Map<SignatureSlot, Box> boxes = record.signatureBoxes();
        int pages;
        try (PDDocument document = Loader.loadPDF(record.pdf())) {
            pages = document.getNumberOfPages();
        }

        assertThat(boxes).containsKeys(SignatureSlot.HOMEROOM, SignatureSlot.PRINCIPAL);
        view.subjects().forEach(subject -> assertThat(boxes).containsKey(SignatureSlot.subject(subject.code())));
        assertThat(boxes).hasSize(view.subjects().size() + 2);
        PDRectangle a4 = PDRectangle.A4;
        boxes.forEach((key, box) -> {
            assertThat(box.page()).as("%s", key).isBetween(1, pages);
            assertThat(box.x()).as("%s", key).isGreaterThanOrEqualTo(0);
            assertThat(box.y()).as("%s", key).isGreaterThanOrEqualTo(0);
            assertThat(box.right()).as("%s", key).isLessThanOrEqualTo(a4.getWidth());
            assertThat(box.top()).as("%s", key).isLessThanOrEqualTo(a4.getHeight());
            assertThat(box.width()).as("%s", key).isGreaterThanOrEqualTo(130);
            assertThat(box.height()).as("%s", key).isGreaterThanOrEqualTo(30);
        });
        assertThat(boxes.get(SignatureSlot.HOMEROOM).page()).isEqualTo(pages);
        assertThat(boxes.get(SignatureSlot.PRINCIPAL).page()).isEqualTo(pages);
        List<Map.Entry<SignatureSlot, Box>> entries = new ArrayList<>(boxes.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                assertThat(entries.get(i).getValue().overlaps(entries.get(j).getValue()))
                        .as("%s overlaps %s", entries.get(i).getKey(), entries.get(j).getKey())
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void signatureBoxesCoverNoText(String description, StudentRecordView view) throws IOException {
        RenderedRecord record = renderer.render(view);

        List<Glyph> glyphs = glyphs(record.pdf());

        assertThat(glyphs).hasSizeGreaterThan(500);
        record.signatureBoxes().forEach((key, box) -> assertThat(glyphs)
                .as("%s", key)
                .noneMatch(glyph -> glyph.page == box.page()
                        && glyph.x < box.right() && box.x() < glyph.x + glyph.width
                        && glyph.y < box.top() && box.y() < glyph.y + glyph.height));
    }

    @Test
    void twelveSubjectsFitOnTheFirstPage() {
        RenderedRecord record = renderer.render(SampleStudentRecords.sixthGrader());

        assertThat(record.signatureBoxes()).allSatisfy((key, box) ->
                assertThat(box.page()).as("%s", key).isEqualTo(key instanceof SignatureSlot.Subject ? 1 : 2));
    }

    @Test
    void fourteenSubjectsFitOnTheFirstPage() {
        RenderedRecord record = renderer.render(SampleStudentRecords.tenthGraderWithFourteenSubjects());

        assertThat(record.signatureBoxes().get(SignatureSlot.subject("TIN_HOC")).page()).isEqualTo(1);
        assertThat(record.signatureBoxes().get(SignatureSlot.PRINCIPAL).page()).isEqualTo(2);
    }

    @Test
    void theSameViewRendersToTheSameBytes() {
        byte[] first = renderer.render(SampleStudentRecords.sixthGrader()).pdf();
        byte[] second = new StudentRecordRenderer().render(SampleStudentRecords.sixthGrader()).pdf();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aRecordStaysWellUnderOneHundredKilobytes() {
        byte[] pdf = renderer.render(SampleStudentRecords.tenthGraderWithFourteenSubjects()).pdf();

        assertThat(pdf.length).isLessThan(100 * 1024);
    }

    @Test
    void aLongHomeroomCommentIsKeptWholeAboveTheSignatures() throws IOException {
        String comment = "Em chăm ngoan, lễ phép, tích cực tham gia các hoạt động tập thể. ".repeat(25) + "HẾT.";

        RenderedRecord record = renderer.render(SampleStudentRecords.withComment(comment));

        assertThat(text(record.pdf()).replaceAll("\\s+", " ")).contains("HẾT.");
        List<Glyph> glyphs = glyphs(record.pdf());
        Box homeroom = record.signatureBox(SignatureSlot.HOMEROOM);
        assertThat(homeroom.y()).isGreaterThan(50);
        assertThat(glyphs).noneMatch(glyph -> glyph.page == homeroom.page()
                && glyph.x < homeroom.right() && homeroom.x() < glyph.x + glyph.width
                && glyph.y < homeroom.top() && homeroom.y() < glyph.y + glyph.height);
    }

    @Test
    void rendersFromSeveralThreadsAtOnce() throws Exception {
        byte[] expected = renderer.render(SampleStudentRecords.sixthGrader()).pdf();

        List<byte[]> results = Stream.generate(SampleStudentRecords::sixthGrader).limit(16).parallel()
                .map(view -> renderer.render(view).pdf())
                .toList();

        assertThat(results).allSatisfy(pdf -> assertThat(pdf).isEqualTo(expected));
    }

    // ---- helpers ----

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    /** A glyph's bounds in PDF user space (origin bottom left), from its baseline up to its height. */
    private record Glyph(int page, float x, float y, float width, float height) {
    }

    private static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        float pageHeight = getCurrentPage().getMediaBox().getHeight();
                        glyphs.add(new Glyph(getCurrentPageNo(), p.getXDirAdj(), pageHeight - p.getYDirAdj(),
                                p.getWidthDirAdj(), p.getHeightDir()));
                    }
                }
            };
            stripper.getText(document);
        }
        return glyphs;
    }
}
