package vn.hocba.archive.rendering;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.hocba.archive.rendering.StudentRecordView.SubjectRow;
import vn.hocba.archive.rendering.StudentRecordView.Summary;
import vn.hocba.archive.rendering.Typesetter.Run;

/**
 * Renders one student's record for one school year as an A4 PDF/A-2b document, laid out after the
 * học bạ template of Thông tư 22/2021/TT-BGDĐT: the personal data and the subject results table
 * (one signature cell per subject row), then the summary page with the homeroom teacher's and the
 * principal's signature areas. The signature areas are left empty; their positions are returned so
 * that each signer's visible signature can be placed exactly there.
 *
 * <p>The fonts and the colour profile are read once, in the constructor; {@link #render} keeps no
 * state between calls and may be called from several threads at once. The same view always gives
 * the same bytes.
 */
public final class StudentRecordRenderer {

    // Page geometry, in points (1/72 inch), origin bottom left.
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 36;
    static final float CONTENT_WIDTH = PAGE.getWidth() - 2 * MARGIN;
    static final float TOP = PAGE.getHeight() - 34;
    static final float CONTENT_BOTTOM = 47;
    static final float FOOTER_RULE_Y = 40;
    static final float FOOTER_BASELINE = 28;

    // Subject results table: Môn học | HK I | HK II | Cả năm | Kiểm tra lại | Giáo viên bộ môn.
    static final float[] RESULT_COLUMNS = {106, 42, 42, 42, 46};
    static final float TEACHER_COLUMN = CONTENT_WIDTH - sum(RESULT_COLUMNS);
    static final float CELL_PADDING = 4;
    static final float TEACHER_NAME_WIDTH = 92;
    static final float SIGNATURE_PADDING = 2.5f;
    static final float MIN_SIGNATURE_HEIGHT = 30;
    static final float MIN_ROW_HEIGHT = MIN_SIGNATURE_HEIGHT + 2 * SIGNATURE_PADDING;
    static final float MAX_ROW_HEIGHT = 46;
    static final float RESULT_HEADER_HEIGHT = 26;
    static final float CORRECTIONS_RESERVE = 26;

    // Summary page signature areas.
    static final float SIGNATURE_WIDTH = 220;
    static final float SIGNATURE_HEIGHT = 84;

    private static final float SMALL = 8;
    private static final float BODY = 9.5f;
    private static final float LINE = 13;
    private static final float CELL_TEXT = 9;
    private static final float CELL_LINE = 10;
    private static final float SCORE = 10;

    private final RecordFonts fonts;
    private final PdfaConformance pdfa;
    private final VerifyCode verifyCode;

    /** A renderer whose QR codes point at {@value VerifyCode#DEFAULT_BASE_URL}. */
    public StudentRecordRenderer() {
        this(VerifyCode.DEFAULT_BASE_URL);
    }

    /**
     * Reads the fonts from the classpath and the sRGB profile; do it once and share the instance.
     *
     * @param publicBaseUrl where the public verify page is served; every page's QR code encodes
     *                      {@code {publicBaseUrl}/verify/{lookupCode}}
     */
    public StudentRecordRenderer(String publicBaseUrl) {
        this.fonts = new RecordFonts();
        this.pdfa = new PdfaConformance(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        this.verifyCode = new VerifyCode(publicBaseUrl);
    }

    /** The URL the QR codes of the record with this lookup code encode. */
    public String verifyUrl(String lookupCode) {
        return verifyCode.url(lookupCode);
    }

    /**
     * Renders the record.
     *
     * @throws RenderingException when PDFBox cannot build or save the document
     */
    public RenderedRecord render(StudentRecordView view) {
        Objects.requireNonNull(view, "view");
        RecordFonts.Parsed parsedFonts = fonts.borrow();
        try (PDDocument document = new PDDocument()) {
            return new Job(view, document, parsedFonts.loadInto(document)).run();
        } catch (IOException | UncheckedIOException e) {
            throw new RenderingException("cannot render the student record " + view.lookupCode(), e);
        } finally {
            // only after save: PDFBox reads the font programs again to write the subsets
            fonts.giveBack(parsedFonts);
        }
    }

    /** The state of one rendering: one document, its fonts, the boxes found so far. */
    private final class Job {

        private final StudentRecordView view;
        private final PDDocument document;
        private final Typesetter typesetter = new Typesetter(fonts);
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final Map<SignatureSlot, Box> boxes = new LinkedHashMap<>();
        /** The text drawn, for the search index (see {@link RenderedRecord#text}). */
        private final StringBuilder drawnText = new StringBuilder();
        private int pageCount;

        Job(StudentRecordView view, PDDocument document, RecordFonts.Pair pair) {
            this.view = view;
            this.document = document;
            this.regular = pair.regular();
            this.bold = pair.bold();
        }

        RenderedRecord run() throws IOException {
            List<ResultRow> rows = resultRows();

            List<List<ResultRow>> tablePages;
            try (Canvas canvas = canvas(newPage())) {
                float tableTop = drawPersonalPage(canvas);
                tablePages = paginate(rows, tableTop);
                pageCount = tablePages.size() + 1;
                drawResults(canvas, 1, tableTop, tablePages.get(0), tablePages.size() == 1);
                drawFooter(canvas, 1);
            }
            for (int i = 1; i < tablePages.size(); i++) {
                try (Canvas canvas = canvas(newPage())) {
                    float top = drawContinuationHeading(canvas);
                    drawResults(canvas, i + 1, top, tablePages.get(i), i == tablePages.size() - 1);
                    drawFooter(canvas, i + 1);
                }
            }
            try (Canvas canvas = canvas(newPage())) {
                drawSummaryPage(canvas, pageCount);
                drawFooter(canvas, pageCount);
            }

            String name = view.student().fullName();
            pdfa.apply(document,
                    typesetter.printable("Học bạ – " + name + " – " + view.schoolYear()),
                    typesetter.printable(view.school().name()),
                    view.renderedAt(),
                    view.lookupCode() + "|" + view.version());

            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return new RenderedRecord(out.toByteArray(), boxes, drawnText.toString());
        }

        // ---- page 1: heading, personal data ----

        /** Draws the heading and the personal data; returns the y where the results table starts. */
        private float drawPersonalPage(Canvas canvas) throws IOException {
            float y = drawHeading(canvas);

            y -= 30;
            canvas.centered(bold, 20, PAGE.getWidth() / 2, y, "HỌC BẠ");
            y -= 17;
            canvas.centeredRuns(PAGE.getWidth() / 2, y, List.of(
                    new Run(bold, 10, schoolLevel(view.grade())),
                    new Run(regular, 10, "     Năm học: "), new Run(bold, 10, view.schoolYear()),
                    new Run(regular, 10, "     Lớp: "), new Run(bold, 10, view.className())));

            y -= 21;
            canvas.text(bold, 10.5f, MARGIN, y, "I. THÔNG TIN HỌC SINH");
            y -= 15;
            StudentRecordView.StudentInfo s = view.student();
            y = fieldRow(canvas, y, new Field(0, "Họ và tên: ", s.fullName()), new Field(0.6f, "Giới tính: ", s.sex()));
            y = fieldRow(canvas, y, new Field(0, "Ngày sinh: ", s.dateOfBirth()),
                    new Field(0.34f, "Dân tộc: ", s.ethnicity()), new Field(0.6f, "Số đăng bộ: ", s.enrolmentNo()));
            y = fieldRow(canvas, y, new Field(0, "Nơi sinh: ", s.placeOfBirth()));
            y = fieldRow(canvas, y, new Field(0, "Chỗ ở hiện nay: ", s.address()));
            y = fieldRow(canvas, y, new Field(0, "Họ tên cha: ", s.father()), new Field(0.6f, "Họ tên mẹ: ", s.mother()));

            y -= 7;
            canvas.text(bold, 10.5f, MARGIN, y, "II. KẾT QUẢ HỌC TẬP");
            return y - 6;
        }

        /**
         * The two heading blocks of a Vietnamese official document: the issuing body on the left
         * (here the school and where it is), the national motto on the right.
         */
        private float drawHeading(Canvas canvas) throws IOException {
            float rightWidth = 290;
            float leftWidth = CONTENT_WIDTH - rightWidth - 10;
            float leftCenter = MARGIN + leftWidth / 2;
            float rightCenter = MARGIN + CONTENT_WIDTH - rightWidth / 2;

            float right = TOP - 10;
            canvas.centered(bold, 10.5f, rightCenter, right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            right -= 14;
            String motto = "Độc lập - Tự do - Hạnh phúc";
            canvas.centered(bold, 10.5f, rightCenter, right, motto);
            float mottoWidth = typesetter.width(bold, 10.5f, motto);
            canvas.line(rightCenter - mottoWidth / 2, right - 4, rightCenter + mottoWidth / 2, right - 4, 0.6f);

            float left = TOP - 10;
            for (String line : firstLines(typesetter.wrap(bold, 10, schoolName(view.school().name()), leftWidth), 2)) {
                canvas.centered(bold, 10, leftCenter, left, line);
                left -= 13;
            }
            // The street address only when it fits on one line with the district and province.
            StudentRecordView.SchoolInfo school = view.school();
            List<String> place = typesetter.wrap(regular, SMALL + 0.5f,
                    joinNonBlank(school.address(), school.district(), school.province()), leftWidth);
            if (place.size() > 1) {
                place = firstLines(typesetter.wrap(regular, SMALL + 0.5f,
                        joinNonBlank(school.district(), school.province()), leftWidth), 2);
            }
            for (String line : place) {
                canvas.centered(regular, SMALL + 0.5f, leftCenter, left, line);
                left -= 11;
            }
            return Math.min(left + 11, right - 4);
        }

        /** A "label: value" field of the personal data, starting at a fraction of the content width. */
        private record Field(float at, String label, String value) {
        }

        /** One line of the personal data; a value too long for its field wraps. Returns the next baseline. */
        private float fieldRow(Canvas canvas, float y, Field... fields) throws IOException {
            int lines = 1;
            for (int i = 0; i < fields.length; i++) {
                float end = i + 1 < fields.length ? fields[i + 1].at() : 1;
                float x = MARGIN + fields[i].at() * CONTENT_WIDTH;
                float width = (end - fields[i].at()) * CONTENT_WIDTH - (i + 1 < fields.length ? 8 : 0);
                lines = Math.max(lines, field(canvas, x, y, width, fields[i].label(), fields[i].value()));
            }
            return y - lines * LINE - 1.5f;
        }

        private int field(Canvas canvas, float x, float y, float width, String label, String value)
                throws IOException {
            canvas.text(regular, BODY, x, y, label);
            float valueX = x + typesetter.width(regular, BODY, label);
            List<String> lines = firstLines(typesetter.wrap(bold, BODY, value, x + width - valueX), 3);
            for (int i = 0; i < lines.size(); i++) {
                canvas.text(bold, BODY, valueX, y - i * LINE, lines.get(i));
            }
            return lines.size();
        }

        private float drawContinuationHeading(Canvas canvas) throws IOException {
            float y = TOP - 10;
            canvas.centered(regular, BODY, PAGE.getWidth() / 2, y, identification());
            y -= 24;
            canvas.text(bold, 10.5f, MARGIN, y, "II. KẾT QUẢ HỌC TẬP (tiếp theo)");
            return y - 8;
        }

        // ---- the results table ----

        /** A subject row with its wrapped texts and its height on the page. */
        private final class ResultRow {
            final SubjectRow subject;
            final List<String> nameLines;
            final List<String> teacherLines;
            float height;

            ResultRow(SubjectRow subject) {
                this.subject = subject;
                this.nameLines = firstLines(
                        typesetter.wrap(regular, CELL_TEXT, subject.name(), RESULT_COLUMNS[0] - 2 * CELL_PADDING), 4);
                this.teacherLines = firstLines(
                        typesetter.wrap(regular, CELL_TEXT - 0.5f, subject.teacherName(), TEACHER_NAME_WIDTH), 4);
                float text = Math.max(nameLines.size(), teacherLines.size()) * CELL_LINE + 2 * CELL_PADDING;
                this.height = Math.max(MIN_ROW_HEIGHT, text);
            }
        }

        private List<ResultRow> resultRows() {
            List<ResultRow> rows = new ArrayList<>();
            for (SubjectRow subject : view.subjects()) {
                rows.add(new ResultRow(subject));
            }
            return rows;
        }

        /**
         * Splits the rows over as few pages as keep every signature cell at least
         * {@link #MIN_SIGNATURE_HEIGHT} high; when everything fits on page 1 the rows share the
         * spare room, up to {@link #MAX_ROW_HEIGHT} each, so the signature cells are as roomy as
         * the page allows.
         */
        private List<List<ResultRow>> paginate(List<ResultRow> rows, float firstTableTop) {
            float continuedTableTop = TOP - 10 - 24 - 8;
            List<List<ResultRow>> pages = new ArrayList<>();
            List<ResultRow> current = new ArrayList<>();
            float room = roomForRows(firstTableTop);
            for (ResultRow row : rows) {
                if (row.height > Math.min(room, roomForRows(continuedTableTop)) && current.isEmpty()) {
                    throw new RenderingException("the row of subject " + row.subject.code() + " does not fit on a page");
                }
                if (row.height > room && !current.isEmpty()) {
                    pages.add(current);
                    current = new ArrayList<>();
                    room = roomForRows(continuedTableTop);
                }
                current.add(row);
                room -= row.height;
            }
            pages.add(current);
            if (pages.size() == 1) {
                float extra = room / rows.size();
                for (ResultRow row : rows) {
                    row.height = Math.max(row.height, Math.min(MAX_ROW_HEIGHT, row.height + extra));
                }
            }
            return pages;
        }

        private float roomForRows(float tableTop) {
            return tableTop - RESULT_HEADER_HEIGHT - CONTENT_BOTTOM - CORRECTIONS_RESERVE;
        }

        private void drawResults(Canvas canvas, int page, float top, List<ResultRow> rows, boolean lastTablePage)
                throws IOException {
            float[] edges = columnEdges();
            float headerBottom = top - RESULT_HEADER_HEIGHT;
            canvas.shade(MARGIN, headerBottom, CONTENT_WIDTH, RESULT_HEADER_HEIGHT);
            String[] headers = {"Môn học", "Học kì I", "Học kì II", "Cả năm", "Kiểm tra lại",
                    "Giáo viên bộ môn (họ tên, chữ ký)"};
            for (int c = 0; c < headers.length; c++) {
                float width = edges[c + 1] - edges[c];
                centeredLines(canvas, bold, 8, 9.5f,
                        typesetter.wrap(bold, 8, headers[c], width - 4),
                        (edges[c] + edges[c + 1]) / 2, top, headerBottom);
            }

            float rowTop = headerBottom;
            for (ResultRow row : rows) {
                float rowBottom = rowTop - row.height;
                drawResultRow(canvas, page, row, edges, rowTop, rowBottom);
                canvas.line(MARGIN, rowBottom, MARGIN + CONTENT_WIDTH, rowBottom, 0.5f);
                rowTop = rowBottom;
            }
            float bottom = rowTop;

            canvas.line(MARGIN, headerBottom, MARGIN + CONTENT_WIDTH, headerBottom, 0.5f);
            for (float edge : edges) {
                canvas.line(edge, top, edge, bottom, 0.5f);
            }
            canvas.strokeRect(MARGIN, bottom, CONTENT_WIDTH, top - bottom, 0.9f);

            if (lastTablePage) {
                drawCorrections(canvas, bottom - 15);
            }
        }

        private void drawResultRow(Canvas canvas, int page, ResultRow row, float[] edges, float top, float bottom)
                throws IOException {
            SubjectRow s = row.subject;
            float nameTop = (top + bottom) / 2 + row.nameLines.size() * CELL_LINE / 2;
            for (int i = 0; i < row.nameLines.size(); i++) {
                canvas.text(regular, CELL_TEXT, edges[0] + CELL_PADDING, nameTop - (i + 1) * CELL_LINE + 2.5f,
                        row.nameLines.get(i));
            }
            String[] results = {s.term1(), s.term2(), s.year(), s.retest()};
            float baseline = (top + bottom) / 2 - SCORE * 0.35f;
            for (int c = 0; c < results.length; c++) {
                canvas.centered(regular, SCORE, (edges[c + 1] + edges[c + 2]) / 2, baseline, results[c]);
            }

            float cellLeft = edges[5];
            float cellRight = edges[6];
            float teacherTop = (top + bottom) / 2 + row.teacherLines.size() * CELL_LINE / 2;
            for (int i = 0; i < row.teacherLines.size(); i++) {
                canvas.text(regular, CELL_TEXT - 0.5f, cellLeft + CELL_PADDING,
                        teacherTop - (i + 1) * CELL_LINE + 2.5f, row.teacherLines.get(i));
            }
            float boxX = cellLeft + CELL_PADDING + TEACHER_NAME_WIDTH + CELL_PADDING;
            boxes.put(SignatureSlot.subject(s.code()), new Box(page, boxX, bottom + SIGNATURE_PADDING,
                    cellRight - SIGNATURE_PADDING - boxX, top - bottom - 2 * SIGNATURE_PADDING));
        }

        /** TT22 footer of the results page: corrections made after lock, and in which subjects. */
        private void drawCorrections(Canvas canvas, float y) throws IOException {
            Summary summary = view.summary();
            String subjects = summary.correctedSubjects().isEmpty() ? "—" : String.join(", ", summary.correctedSubjects());
            String text = "Trong trang này có sửa chữa ở " + summary.correctionsCount() + " chỗ, thuộc môn học: " + subjects + ".";
            List<String> lines = firstLines(typesetter.wrap(regular, 9, text, CONTENT_WIDTH), 2);
            for (int i = 0; i < lines.size(); i++) {
                canvas.text(regular, 9, MARGIN, y - i * 11.5f, lines.get(i));
            }
        }

        // ---- the summary page ----

        private void drawSummaryPage(Canvas canvas, int page) throws IOException {
            float center = PAGE.getWidth() / 2;
            float y = TOP - 10;
            canvas.centered(regular, BODY, center, y, identification());

            y -= 28;
            canvas.text(bold, 10.5f, MARGIN, y, "III. TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ");
            y = drawSummaryTable(canvas, y - 8);

            Summary s = view.summary();
            y -= 24;
            canvas.runs(MARGIN, y, List.of(new Run(regular, 10, "Kết quả lên lớp: "),
                    new Run(bold, 10, orDash(s.promotion()))));
            y -= 18;
            canvas.runs(MARGIN, y, List.of(new Run(regular, 10, "Danh hiệu: "), new Run(bold, 10, orDash(s.title()))));
            y -= 26;
            canvas.text(bold, 10, MARGIN, y, "Nhận xét của giáo viên chủ nhiệm:");

            // The comment takes what it needs; the signature block goes below it. A very long
            // comment is set smaller rather than cut: it is part of the record.
            float signatureBlock = 12 + 13 + 8 + SIGNATURE_HEIGHT + 18 + 6;
            float commentTop = y - 15;
            float size = 10;
            List<String> comment = commentLines(s.homeroomComment(), size);
            while (commentTop - Math.max(4, comment.size()) * size * 1.35f - 30 - signatureBlock < CONTENT_BOTTOM
                    && size > 7) {
                size -= 0.5f;
                comment = commentLines(s.homeroomComment(), size);
            }
            float leading = size * 1.35f;
            if (commentTop - Math.max(4, comment.size()) * leading - 30 - signatureBlock < CONTENT_BOTTOM) {
                throw new RenderingException("the homeroom comment is too long for the summary page");
            }
            for (int i = 0; i < comment.size(); i++) {
                canvas.text(regular, size, MARGIN + 12, commentTop - i * leading, comment.get(i));
            }
            y = commentTop - (Math.max(4, comment.size()) - 1) * leading - 34;

            drawSignatureArea(canvas, page, SignatureSlot.HOMEROOM, MARGIN + CONTENT_WIDTH / 4, y,
                    "GIÁO VIÊN CHỦ NHIỆM", "(Ký và ghi rõ họ tên)", view.homeroomTeacherName());
            drawSignatureArea(canvas, page, SignatureSlot.PRINCIPAL, MARGIN + 3 * CONTENT_WIDTH / 4, y,
                    "HIỆU TRƯỞNG", "(Ký, ghi rõ họ tên và đóng dấu)", view.principalName());
        }

        private List<String> commentLines(String comment, float size) {
            return comment.isBlank() ? List.of() : typesetter.wrap(regular, size, comment, CONTENT_WIDTH - 12);
        }

        /** Conduct, learning result and days absent per term and for the year; returns the table bottom. */
        private float drawSummaryTable(Canvas canvas, float top) throws IOException {
            Summary s = view.summary();
            String[][] rows = {
                    {"", "Học kì I", "Học kì II", "Cả năm"},
                    {"Rèn luyện", s.conductTerm1(), s.conductTerm2(), s.conductYear()},
                    {"Học tập", s.learningTerm1(), s.learningTerm2(), s.learningYear()},
                    {"Số ngày nghỉ", s.daysAbsentTerm1(), s.daysAbsentTerm2(), s.daysAbsentYear()},
            };
            float labelWidth = 170;
            float valueWidth = (CONTENT_WIDTH - labelWidth) / 3;
            float rowHeight = 22;
            float bottom = top - rows.length * rowHeight;
            canvas.shade(MARGIN, top - rowHeight, CONTENT_WIDTH, rowHeight);
            for (int r = 0; r < rows.length; r++) {
                float rowTop = top - r * rowHeight;
                float baseline = rowTop - rowHeight / 2 - 3.5f;
                if (r > 0) {
                    canvas.text(bold, BODY, MARGIN + 6, baseline, rows[r][0]);
                    canvas.line(MARGIN, rowTop, MARGIN + CONTENT_WIDTH, rowTop, 0.5f);
                }
                for (int c = 1; c < 4; c++) {
                    float cx = MARGIN + labelWidth + (c - 0.5f) * valueWidth;
                    canvas.centered(r == 0 ? bold : regular, r == 0 ? BODY : 10, cx, baseline, orDash(rows[r][c]));
                }
            }
            for (int c = 1; c < 4; c++) {
                float x = MARGIN + labelWidth + (c - 1) * valueWidth;
                canvas.line(x, top, x, bottom, 0.5f);
            }
            canvas.strokeRect(MARGIN, bottom, CONTENT_WIDTH, top - bottom, 0.9f);
            return bottom;
        }

        private void drawSignatureArea(Canvas canvas, int page, SignatureSlot slot, float centerX, float y,
                String role, String instruction, String name) throws IOException {
            canvas.centered(bold, 10.5f, centerX, y, role);
            canvas.centered(regular, 9, centerX, y - 13, instruction);
            float boxTop = y - 13 - 8;
            Box box = new Box(page, centerX - SIGNATURE_WIDTH / 2, boxTop - SIGNATURE_HEIGHT,
                    SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
            boxes.put(slot, box);
            canvas.centered(bold, 10.5f, centerX, box.y() - 18, name);
        }

        // ---- every page ----

        private void drawFooter(Canvas canvas, int page) throws IOException {
            // the rule stops short of the QR code, which needs a quiet zone to be read
            float qrX = MARGIN + CONTENT_WIDTH - VerifyCode.SIZE;
            canvas.line(MARGIN, FOOTER_RULE_Y, qrX - 8, FOOTER_RULE_Y, 0.4f);
            canvas.centered(regular, SMALL, PAGE.getWidth() / 2, FOOTER_BASELINE,
                    "Mã tra cứu: " + view.lookupCode() + " · Phiên bản " + view.version()
                            + " · Trang " + page + "/" + pageCount);
            String supersedes = view.reissue().supersedesLine();
            if (supersedes != null) {
                canvas.centered(regular, SMALL, PAGE.getWidth() / 2, FOOTER_BASELINE - 10, supersedes);
            }
            verifyCode.draw(canvas, view.lookupCode(), qrX, FOOTER_RULE_Y - VerifyCode.SIZE - 2, VerifyCode.SIZE);
        }

        private String identification() {
            return "Họ và tên: " + view.student().fullName() + " · Lớp: " + view.className()
                    + " · Năm học: " + view.schoolYear();
        }

        private PDPage newPage() {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            return page;
        }

        private Canvas canvas(PDPage page) throws IOException {
            return new Canvas(new PDPageContentStream(document, page), typesetter, drawnText);
        }

        private void centeredLines(Canvas canvas, PDType0Font font, float size, float leading, List<String> lines,
                float centerX, float top, float bottom) throws IOException {
            float first = (top + bottom) / 2 + (lines.size() - 1) * leading / 2 - size * 0.35f;
            for (int i = 0; i < lines.size(); i++) {
                canvas.centered(font, size, centerX, first - i * leading, lines.get(i));
            }
        }
    }

    // ---- helpers without state ----

    /** Cấp học from the grade: tiểu học 1-5, trung học cơ sở 6-9, trung học phổ thông 10-12. */
    static String schoolLevel(int grade) {
        if (grade <= 5) {
            return "TIỂU HỌC";
        }
        return grade <= 9 ? "TRUNG HỌC CƠ SỞ" : "TRUNG HỌC PHỔ THÔNG";
    }

    /** "THCS Nguyễn Du" becomes "Trường THCS Nguyễn Du"; a name that already says Trường stays. */
    static String schoolName(String name) {
        String trimmed = name.strip();
        return trimmed.regionMatches(true, 0, "Trường", 0, 6) ? trimmed : "Trường " + trimmed;
    }

    private static String orDash(String value) {
        return value.isBlank() ? "—" : value;
    }

    private static String joinNonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return String.join(", ", kept);
    }

    /** At most {@code max} lines; the last one kept ends in "…" when some were dropped. */
    private static List<String> firstLines(List<String> lines, int max) {
        if (lines.size() <= max) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, max));
        kept.set(max - 1, kept.get(max - 1) + "…");
        return kept;
    }

    private float[] columnEdges() {
        float[] edges = new float[RESULT_COLUMNS.length + 2];
        edges[0] = MARGIN;
        for (int i = 0; i < RESULT_COLUMNS.length; i++) {
            edges[i + 1] = edges[i] + RESULT_COLUMNS[i];
        }
        edges[edges.length - 1] = MARGIN + CONTENT_WIDTH;
        return edges;
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
