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

import vn.hocba.archive.rendering.StudentRecordView.SchoolInfo;

/**
 * Renders the class gradebooks of Thông tư 22 as PDF/A-2b documents: a subject's sổ theo dõi và
 * đánh giá học sinh for one class and period (signed by the subject teacher, the homeroom teacher,
 * then the principal), and the class summary book for one period (homeroom teacher, then
 * principal). One table row per student; a row that does not fit flows onto a further page, which
 * repeats the table header. A cell's text is set smaller, then wrapped, until it fits its cell:
 * never clipped, never overlapping the next cell. The signature boxes follow the table on the last
 * page; every page carries the lookup code and the QR code of the verify URL.
 *
 * <p>Fonts and colour profile are read once, in the constructor; {@link #render} keeps no state
 * between calls and may be called from several threads. The same view always gives the same bytes.
 */
public final class GradebookRenderer {

    static final float MARGIN = 36;
    static final float CONTENT_BOTTOM = 50;
    static final float FOOTER_RULE_Y = 40;
    static final float FOOTER_BASELINE = 28;
    static final float CELL_PADDING = 3;
    static final float SIGNATURE_HEIGHT = 62;
    static final float SIGNATURE_WIDTH = 180;
    /** From the table's bottom to the signer's name under the box. */
    static final float SIGNATURE_BLOCK = 16 + 12 + 11 + 6 + SIGNATURE_HEIGHT + 6 + 14;
    /** Where the table starts under the full heading of page 1, and under the short heading of later pages. */
    static final float FULL_HEADING = 108;
    static final float SHORT_HEADING = 34;

    private final RecordFonts fonts;
    private final PdfaConformance pdfa;
    private final VerifyCode verifyCode;

    /** A renderer whose QR codes point at {@value VerifyCode#DEFAULT_BASE_URL}. */
    public GradebookRenderer() {
        this(VerifyCode.DEFAULT_BASE_URL);
    }

    /** @param publicBaseUrl where the public verify page is served (setting {@code hocba.public-base-url}) */
    public GradebookRenderer(String publicBaseUrl) {
        this.fonts = new RecordFonts();
        this.pdfa = new PdfaConformance(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        this.verifyCode = new VerifyCode(publicBaseUrl);
    }

    /** The URL the QR codes of the document with this lookup code encode. */
    public String verifyUrl(String lookupCode) {
        return verifyCode.url(lookupCode);
    }

    /** A subject's gradebook: signature boxes for the subject teacher, the homeroom teacher and the principal. */
    public RenderedRecord render(SubjectGradebookView view) {
        return layout(view).record();
    }

    /** The class summary book: signature boxes for the homeroom teacher and the principal. */
    public RenderedRecord render(ClassSummaryView view) {
        return layout(view).record();
    }

    /** A table cell as drawn: its rectangle and the text set in it (lines joined by spaces). */
    record Cell(Box box, String text) {
    }

    /** The document and every table cell drawn in it, for the layout tests. */
    record Rendered(RenderedRecord record, List<Cell> cells) {
    }

    // ---- the two documents as tables ----

    private record Column(String header, float width, boolean left) {
    }

    private record Signer(SignatureSlot slot, String role, String instruction, String name) {
    }

    private record Spec(String lookupCode, int version, SchoolInfo school, java.time.Instant renderedAt,
                        PDRectangle pageSize, String title, String subtitle, String info, String shortHeading,
                        String documentTitle, List<Column> columns, List<List<String>> rows, float bodySize,
                        List<Signer> signers, Reissue reissue) {

        /** The corrections sentence printed above the signatures, or null when the document carries none. */
        String correctionsNote() {
            return reissue.corrections() == 0 ? null : reissue.correctionsSentence("sổ này");
        }
    }

    Rendered layout(SubjectGradebookView view) {
        Objects.requireNonNull(view, "view");
        List<Column> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        String result = view.commentOnly() ? "Kết quả" : null;
        float number = 26;
        if (view.period().isTerm()) {
            String roman = view.period().term() == 1 ? "I" : "II";
            String average = result != null ? "Kết quả học kì " + roman : "ĐTBmhk" + roman;
            float mark = 42;
            float fixed = number + mark * (view.regularColumns() + 2) + 58;
            PDRectangle page = pageFor(fixed + 150);
            columns.add(new Column("STT", number, false));
            columns.add(new Column("Họ và tên học sinh", contentWidth(page) - fixed, true));
            for (int i = 1; i <= view.regularColumns(); i++) {
                columns.add(new Column("ĐĐGtx " + i, mark, false));
            }
            columns.add(new Column("ĐĐGgk", mark, false));
            columns.add(new Column("ĐĐGck", mark, false));
            columns.add(new Column(average, 58, false));
            for (SubjectGradebookView.Row row : view.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(Integer.toString(row.number()));
                cells.add(row.fullName());
                for (int i = 0; i < view.regularColumns(); i++) {
                    cells.add(i < row.regular().size() ? row.regular().get(i) : "");
                }
                cells.add(row.midterm());
                cells.add(row.finalMark());
                cells.add(view.period().term() == 1 ? row.term1() : row.term2());
                rows.add(cells);
            }
            return new Job(subjectSpec(view, page, columns, rows)).run();
        }
        PDRectangle page = PDRectangle.A4;
        float value = 78;
        columns.add(new Column("STT", number, false));
        columns.add(new Column("Họ và tên học sinh", contentWidth(page) - number - 3 * value, true));
        columns.add(new Column(result != null ? "Học kì I" : "ĐTBmhkI", value, false));
        columns.add(new Column(result != null ? "Học kì II" : "ĐTBmhkII", value, false));
        columns.add(new Column(result != null ? "Cả năm" : "ĐTBmcn", value, false));
        for (SubjectGradebookView.Row row : view.rows()) {
            rows.add(List.of(Integer.toString(row.number()), row.fullName(), row.term1(), row.term2(), row.year()));
        }
        return new Job(subjectSpec(view, page, columns, rows)).run();
    }

    private static Spec subjectSpec(SubjectGradebookView view, PDRectangle page, List<Column> columns,
                                    List<List<String>> rows) {
        String info = "Môn học: " + view.subjectName() + "   ·   Lớp: " + view.className() + "   ·   "
                + view.period().label() + "   ·   Năm học: " + view.schoolYear();
        return new Spec(view.lookupCode(), view.version(), view.school(), view.renderedAt(), page,
                "SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH", "", info,
                "Sổ theo dõi và đánh giá học sinh · " + info + " (tiếp theo)",
                "Sổ theo dõi và đánh giá học sinh – " + view.subjectName() + " – Lớp " + view.className() + " – "
                        + view.period().label() + " – " + view.schoolYear(),
                columns, rows, 9,
                List.of(new Signer(SignatureSlot.subject(view.subjectCode()), "GIÁO VIÊN BỘ MÔN",
                                "(Ký và ghi rõ họ tên)", view.subjectTeacherName()),
                        new Signer(SignatureSlot.HOMEROOM, "GIÁO VIÊN CHỦ NHIỆM", "(Ký và ghi rõ họ tên)",
                                view.homeroomTeacherName()),
                        new Signer(SignatureSlot.PRINCIPAL, "HIỆU TRƯỞNG", "(Ký, ghi rõ họ tên và đóng dấu)",
                                view.principalName())), view.reissue());
    }

    Rendered layout(ClassSummaryView view) {
        Objects.requireNonNull(view, "view");
        PDRectangle page = landscape();
        boolean year = !view.period().isTerm();
        float number = 22;
        float name = 118;
        float[] tail = year ? new float[] {42, 44, 34, 84, 58} : new float[] {46, 48, 40};
        String[] tailHeaders = year
                ? new String[] {"Học tập", "Rèn luyện", "Số ngày nghỉ", "Kết quả lên lớp", "Danh hiệu"}
                : new String[] {"Học tập", "Rèn luyện", "Số ngày nghỉ"};
        float subject = (contentWidth(page) - number - name - sum(tail)) / view.subjects().size();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("STT", number, false));
        columns.add(new Column("Họ và tên học sinh", name, true));
        for (ClassSummaryView.SubjectColumn s : view.subjects()) {
            columns.add(new Column(s.name(), subject, false));
        }
        for (int i = 0; i < tail.length; i++) {
            columns.add(new Column(tailHeaders[i], tail[i], i >= 3));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ClassSummaryView.Row row : view.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(row.number()));
            cells.add(row.fullName());
            cells.addAll(row.subjectResults());
            cells.add(row.learning());
            cells.add(row.conduct());
            cells.add(row.daysAbsent());
            if (year) {
                cells.add(row.promotion());
                cells.add(row.title());
            }
            rows.add(cells);
        }
        String info = "Lớp: " + view.className() + "   ·   " + view.period().label() + "   ·   Năm học: "
                + view.schoolYear();
        Spec spec = new Spec(view.lookupCode(), view.version(), view.school(), view.renderedAt(), page,
                "SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH", "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CỦA LỚP", info,
                "Tổng hợp kết quả đánh giá · " + info + " (tiếp theo)",
                "Tổng hợp kết quả đánh giá – Lớp " + view.className() + " – " + view.period().label() + " – "
                        + view.schoolYear(),
                columns, rows, 8,
                List.of(new Signer(SignatureSlot.HOMEROOM, "GIÁO VIÊN CHỦ NHIỆM", "(Ký và ghi rõ họ tên)",
                                view.homeroomTeacherName()),
                        new Signer(SignatureSlot.PRINCIPAL, "HIỆU TRƯỞNG", "(Ký, ghi rõ họ tên và đóng dấu)",
                                view.principalName())), view.reissue());
        return new Job(spec).run();
    }

    private static PDRectangle landscape() {
        return new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    }

    /** Portrait A4 when the table fits its width, landscape otherwise. */
    private static PDRectangle pageFor(float tableWidth) {
        return tableWidth <= contentWidth(PDRectangle.A4) ? PDRectangle.A4 : landscape();
    }

    private static float contentWidth(PDRectangle page) {
        return page.getWidth() - 2 * MARGIN;
    }

    // ---- drawing ----

    /** Text set in a cell: the size it fits at and its lines. */
    private record Fitted(float size, List<String> lines) {
        float leading() {
            return size * 1.18f;
        }
    }

    private final class Job {

        private final Spec spec;
        private final Typesetter typesetter = new Typesetter(fonts);
        private final Map<SignatureSlot, Box> boxes = new LinkedHashMap<>();
        /** The text drawn, for the search index (see {@link RenderedRecord#text}). */
        private final StringBuilder drawnText = new StringBuilder();
        private final List<Cell> cells = new ArrayList<>();
        private final float width;
        private final float top;
        private PDDocument document;
        private PDType0Font regular;
        private PDType0Font bold;

        Job(Spec spec) {
            this.spec = spec;
            this.width = contentWidth(spec.pageSize());
            this.top = spec.pageSize().getHeight() - 30;
        }

        Rendered run() {
            RecordFonts.Parsed parsed = fonts.borrow();
            try (PDDocument doc = new PDDocument()) {
                this.document = doc;
                RecordFonts.Pair pair = parsed.loadInto(doc);
                this.regular = pair.regular();
                this.bold = pair.bold();
                draw();
                pdfa.apply(doc, typesetter.printable(spec.documentTitle()),
                        typesetter.printable(StudentRecordRenderer.schoolName(spec.school().name())),
                        spec.renderedAt(), spec.lookupCode() + "|" + spec.version());
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                doc.save(out);
                return new Rendered(new RenderedRecord(out.toByteArray(), boxes, drawnText.toString()), List.copyOf(cells));
            } catch (IOException | UncheckedIOException e) {
                throw new RenderingException("cannot render the gradebook " + spec.lookupCode(), e);
            } finally {
                fonts.giveBack(parsed);
            }
        }

        private void draw() throws IOException {
            List<Column> columns = spec.columns();
            List<Fitted> header = new ArrayList<>();
            float headerHeight = 24;
            for (Column c : columns) {
                Fitted f = fit(bold, c.header(), c.width() - 2 * CELL_PADDING, 8, 5, 5);
                header.add(f);
                headerHeight = Math.max(headerHeight, f.lines().size() * f.leading() + 2 * CELL_PADDING + 2);
            }
            List<List<Fitted>> rows = new ArrayList<>();
            List<Float> heights = new ArrayList<>();
            for (List<String> row : spec.rows()) {
                List<Fitted> fitted = new ArrayList<>();
                float height = spec.bodySize() * 1.6f;
                for (int c = 0; c < columns.size(); c++) {
                    // names and decisions may take more lines; a mark or a level is set smaller first
                    int lines = c == 1 ? 2 : columns.get(c).left() ? 4 : 1;
                    Fitted f = fit(regular, row.get(c), columns.get(c).width() - 2 * CELL_PADDING,
                            spec.bodySize(), 5.5f, lines);
                    fitted.add(f);
                    height = Math.max(height, f.lines().size() * f.leading() + 2 * CELL_PADDING + 1);
                }
                rows.add(fitted);
                heights.add(height);
            }

            // paginate: rows first, then the signatures on the last page or one of their own
            List<List<Integer>> pages = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            float room = top - FULL_HEADING - headerHeight - CONTENT_BOTTOM;
            for (int r = 0; r < rows.size(); r++) {
                if (heights.get(r) > room && !current.isEmpty()) {
                    pages.add(current);
                    current = new ArrayList<>();
                    room = top - SHORT_HEADING - headerHeight - CONTENT_BOTTOM;
                }
                current.add(r);
                room -= heights.get(r);
            }
            pages.add(current);
            boolean signaturesAlone = room < SIGNATURE_BLOCK + noteHeight();
            int pageCount = pages.size() + (signaturesAlone ? 1 : 0);

            float tableBottom = 0;
            for (int p = 0; p < pages.size(); p++) {
                try (Canvas canvas = newPage()) {
                    float y = p == 0 ? fullHeading(canvas) : shortHeading(canvas);
                    tableBottom = table(canvas, p + 1, y, header, headerHeight, pages.get(p), rows, heights);
                    if (p == pages.size() - 1 && !signaturesAlone) {
                        signatures(canvas, p + 1, tableBottom);
                    }
                    footer(canvas, p + 1, pageCount);
                }
            }
            if (signaturesAlone) {
                try (Canvas canvas = newPage()) {
                    float y = shortHeading(canvas);
                    signatures(canvas, pageCount, y);
                    footer(canvas, pageCount, pageCount);
                }
            }
        }

        private Canvas newPage() throws IOException {
            PDPage page = new PDPage(spec.pageSize());
            document.addPage(page);
            return new Canvas(new PDPageContentStream(document, page), typesetter, drawnText);
        }

        /** School and national motto, title and the gradebook's subject, class, period and year; returns the table top. */
        private float fullHeading(Canvas canvas) throws IOException {
            float rightWidth = 280;
            float leftWidth = width - rightWidth - 10;
            float leftCenter = MARGIN + leftWidth / 2;
            float rightCenter = MARGIN + width - rightWidth / 2;
            canvas.centered(bold, 10, rightCenter, top - 10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            String motto = "Độc lập - Tự do - Hạnh phúc";
            canvas.centered(bold, 10, rightCenter, top - 24, motto);
            float mottoWidth = typesetter.width(bold, 10, motto);
            canvas.line(rightCenter - mottoWidth / 2, top - 28, rightCenter + mottoWidth / 2, top - 28, 0.6f);

            Fitted school = fit(bold, StudentRecordRenderer.schoolName(spec.school().name()), leftWidth, 10, 7, 2);
            float y = top - 10;
            for (String line : school.lines()) {
                canvas.centered(bold, school.size(), leftCenter, y, line);
                y -= school.leading();
            }
            SchoolInfo s = spec.school();
            String place = String.join(", ", List.of(s.district(), s.province()).stream().filter(x -> !x.isBlank()).toList());
            Fitted where = fit(regular, place, leftWidth, 8.5f, 6, 1);
            for (String line : where.lines()) {
                canvas.centered(regular, where.size(), leftCenter, y, line);
            }

            float center = MARGIN + width / 2;
            canvas.centered(bold, 14, center, top - 56, spec.title());
            float infoTop = top - 72;
            if (!spec.subtitle().isBlank()) {
                canvas.centered(bold, 10.5f, center, infoTop, spec.subtitle());
                infoTop -= 14;
            }
            Fitted info = fit(regular, spec.info(), width, 10, 7, spec.subtitle().isBlank() ? 2 : 1);
            for (int i = 0; i < info.lines().size(); i++) {
                canvas.centered(regular, info.size(), center, infoTop - i * info.leading(), info.lines().get(i));
            }
            return top - FULL_HEADING;
        }

        private float shortHeading(Canvas canvas) throws IOException {
            Fitted heading = fit(regular, spec.shortHeading(), width, 9, 6, 2);
            for (int i = 0; i < heading.lines().size(); i++) {
                canvas.centered(regular, heading.size(), MARGIN + width / 2, top - 8 - i * heading.leading(),
                        heading.lines().get(i));
            }
            return top - SHORT_HEADING;
        }

        /** Header and rows of one page; returns the table's bottom. */
        private float table(Canvas canvas, int page, float tableTop, List<Fitted> header, float headerHeight,
                            List<Integer> rowIndexes, List<List<Fitted>> rows, List<Float> heights) throws IOException {
            List<Column> columns = spec.columns();
            float[] edges = new float[columns.size() + 1];
            edges[0] = MARGIN;
            for (int c = 0; c < columns.size(); c++) {
                edges[c + 1] = edges[c] + columns.get(c).width();
            }
            float right = edges[columns.size()];
            float headerBottom = tableTop - headerHeight;
            canvas.shade(MARGIN, headerBottom, right - MARGIN, headerHeight);
            for (int c = 0; c < columns.size(); c++) {
                cell(canvas, page, bold, header.get(c), edges[c], edges[c + 1], tableTop, headerBottom, false);
            }
            float y = headerBottom;
            for (int r : rowIndexes) {
                float bottom = y - heights.get(r);
                for (int c = 0; c < columns.size(); c++) {
                    cell(canvas, page, regular, rows.get(r).get(c), edges[c], edges[c + 1], y, bottom,
                            columns.get(c).left());
                }
                canvas.line(MARGIN, bottom, right, bottom, 0.4f);
                y = bottom;
            }
            canvas.line(MARGIN, headerBottom, right, headerBottom, 0.6f);
            for (float edge : edges) {
                canvas.line(edge, tableTop, edge, y, 0.4f);
            }
            canvas.strokeRect(MARGIN, y, right - MARGIN, tableTop - y, 0.9f);
            return y;
        }

        private void cell(Canvas canvas, int page, PDType0Font font, Fitted text, float left, float right,
                          float cellTop, float cellBottom, boolean alignLeft) throws IOException {
            float leading = text.leading();
            float first = (cellTop + cellBottom) / 2 + (text.lines().size() - 1) * leading / 2 - text.size() * 0.35f;
            for (int i = 0; i < text.lines().size(); i++) {
                String line = text.lines().get(i);
                if (alignLeft) {
                    canvas.text(font, text.size(), left + CELL_PADDING, first - i * leading, line);
                } else {
                    canvas.centered(font, text.size(), (left + right) / 2, first - i * leading, line);
                }
            }
            cells.add(new Cell(new Box(page, left, cellBottom, right - left, cellTop - cellBottom),
                    String.join(" ", text.lines())));
        }

        /** One signature area per signer, side by side under the table, in signing order. */
        /** The corrections sentence above the signatures, fitted to the width; null without corrections. */
        private Fitted note() {
            String note = spec.correctionsNote();
            return note == null ? null : fit(regular, note, width, 9, 6, 3);
        }

        /** Room the corrections sentence takes above the signatures (none without corrections). */
        private float noteHeight() {
            Fitted note = note();
            return note == null ? 0 : 6 + note.lines().size() * note.leading();
        }

        private void signatures(Canvas canvas, int page, float below) throws IOException {
            Fitted note = note();
            if (note != null) {
                for (int i = 0; i < note.lines().size(); i++) {
                    canvas.text(regular, note.size(), MARGIN, below - 12 - i * note.leading(), note.lines().get(i));
                }
                below -= noteHeight();
            }
            int n = spec.signers().size();
            float slot = width / n;
            float y = below - 16 - 10;
            for (int i = 0; i < n; i++) {
                Signer signer = spec.signers().get(i);
                float center = MARGIN + (i + 0.5f) * slot;
                Fitted role = fit(bold, signer.role(), slot - 8, 9.5f, 6, 1);
                canvas.centered(bold, role.size(), center, y, role.lines().get(0));
                Fitted instruction = fit(regular, signer.instruction(), slot - 8, 8, 5.5f, 1);
                canvas.centered(regular, instruction.size(), center, y - 12, instruction.lines().get(0));
                float boxWidth = Math.min(SIGNATURE_WIDTH, slot - 16);
                Box box = new Box(page, center - boxWidth / 2, y - 12 - 6 - SIGNATURE_HEIGHT, boxWidth, SIGNATURE_HEIGHT);
                boxes.put(signer.slot(), box);
                Fitted name = fit(bold, signer.name(), slot - 8, 9.5f, 6, 1);
                canvas.centered(bold, name.size(), center, box.y() - 14, name.lines().get(0));
            }
        }

        private void footer(Canvas canvas, int page, int pageCount) throws IOException {
            float qrX = MARGIN + width - VerifyCode.SIZE;
            canvas.line(MARGIN, FOOTER_RULE_Y, qrX - 8, FOOTER_RULE_Y, 0.4f);
            canvas.centered(regular, 8, MARGIN + width / 2, FOOTER_BASELINE,
                    "Mã tra cứu: " + spec.lookupCode() + " · Phiên bản " + spec.version()
                            + " · Trang " + page + "/" + pageCount);
            String supersedes = spec.reissue().supersedesLine();
            if (supersedes != null) {
                canvas.centered(regular, 8, MARGIN + width / 2, FOOTER_BASELINE - 10, supersedes);
            }
            verifyCode.draw(canvas, spec.lookupCode(), qrX, FOOTER_RULE_Y - VerifyCode.SIZE - 2, VerifyCode.SIZE);
        }

        /**
         * The largest size from {@code max} down to {@code min} at which every word fits the width
         * and the text needs at most {@code maxLines} lines; at {@code min} it wraps as it must
         * (a word longer than the width is cut between letters) and the row grows.
         */
        private Fitted fit(PDType0Font font, String text, float maxWidth, float max, float min, int maxLines) {
            for (float size = max; size >= min; size -= 0.5f) {
                List<String> lines = typesetter.wrap(font, size, text, maxWidth);
                if (lines.size() <= maxLines && wordsFit(font, size, text, maxWidth)) {
                    return new Fitted(size, lines);
                }
            }
            return new Fitted(min, typesetter.wrap(font, min, text, maxWidth));
        }

        private boolean wordsFit(PDType0Font font, float size, String text, float maxWidth) {
            for (String word : typesetter.printable(text).split(" +")) {
                if (typesetter.width(font, size, word) > maxWidth) {
                    return false;
                }
            }
            return true;
        }
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
