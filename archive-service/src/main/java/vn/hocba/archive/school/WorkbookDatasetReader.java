package vn.hocba.archive.school;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import vn.hocba.archive.school.WorkbookLayout.Kind;

/**
 * Reads the sheets of an XLSX workbook into the JSON tree of {@code hocba.school-year/v1}, so that
 * {@link DatasetReader} validates it exactly as it validates JSON, and remembers where each element and column came
 * from, so that each problem's JSON path can be placed at its sheet, row and column.
 *
 * <p>Streaming: each sheet's XML is read by SAX (POI's event API, {@link XSSFReader}) straight from the zip file,
 * never as a DOM, so memory grows with the dataset's tree only, not with POI's cell model. Past
 * {@link #MAX_CELLS} cells or {@link #MAX_CHARS} characters of text (a zip bomb, or no school's year) the read stops
 * with 413; POI's own zip guard (inflation ratio) also ends in 413.
 *
 * <p>Numbers never pass through binary floating point on their way to a mark: a numeric cell's value is the decimal
 * text stored in the file ({@code <v>7.5</v>}), read as a {@link BigDecimal} and rounded to 15 significant digits,
 * the precision Excel shows and computes with (so {@code 0.30000000000000004} left by a formula is the 0.3 the
 * teacher sees, and a typed 7.5 is exactly 7.5). Text cells may write marks with a decimal comma ({@code 7,5}).
 */
final class WorkbookDatasetReader {

    static final long MAX_CELLS = 2_000_000;
    static final long MAX_CHARS = 32_000_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+(\\.0+)?");
    private static final Pattern ELEMENT = Pattern.compile("([A-Za-z]+)\\[(\\d+)](?:\\.(.+))?");
    private static final Pattern LIST_ITEM = Pattern.compile("(.+)\\[\\d+]");
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** The tree read from a workbook, with what is needed to place a JSON path in it. */
    record Sheets(ObjectNode root, List<WorkbookProblem> problems, Map<String, List<Integer>> rows,
                  Map<String, Map<String, String>> columns) {

        /** The problem placed at its cell (or row, or sheet) in the workbook. */
        WorkbookProblem locate(DatasetProblem p) {
            String json = p.path();
            Matcher m = ELEMENT.matcher(json);
            if (m.matches() && WorkbookLayout.isArraySheet(m.group(1))) {
                String sheet = m.group(1);
                int index = Integer.parseInt(m.group(2));
                List<Integer> sheetRows = rows.getOrDefault(sheet, List.of());
                Integer row = index < sheetRows.size() ? sheetRows.get(index) : null;
                return at(p, sheet, row, m.group(3) == null ? null : column(sheet, m.group(3)));
            }
            if (WorkbookLayout.TOP_LEVEL.contains(json)) {
                return at(p, WorkbookLayout.SCHOOL, 2, column(WorkbookLayout.SCHOOL, json));
            }
            if (json.startsWith(WorkbookLayout.SCHOOL + ".")) {
                return at(p, WorkbookLayout.SCHOOL, 2, column(WorkbookLayout.SCHOOL, json.substring(7)));
            }
            if (json.equals(WorkbookLayout.SCHOOL)) {
                return at(p, WorkbookLayout.SCHOOL, 2, null);
            }
            if (WorkbookLayout.isArraySheet(json)) {
                // the dataset reader says the array is required; in a workbook that array is a sheet
                return at(new DatasetProblem(json, "sheet " + json + " is missing (row 1 holds its column names)",
                        "thiếu trang tính " + json + " (dòng 1 ghi tên các cột)"), json, null, null);
            }
            return new WorkbookProblem(json, p.message(), p.messageVi(), json, null, null, null);
        }

        private String column(String sheet, String member) {
            Map<String, String> byName = columns.getOrDefault(sheet, Map.of());
            Matcher item = LIST_ITEM.matcher(member);
            String name = item.matches() ? item.group(1) : member;
            return byName.get(name);
        }

        private static WorkbookProblem at(DatasetProblem p, String sheet, Integer row, String column) {
            String where = row == null ? sheet : column == null ? sheet + "!" + row + ":" + row : sheet + "!" + column + row;
            return new WorkbookProblem(where + " (" + p.path() + ")", p.message(), p.messageVi(), p.path(), sheet, row,
                    column);
        }
    }

    private WorkbookDatasetReader() {
    }

    /**
     * @throws DatasetRejectedException when the file is not an XLSX workbook (also: password-protected, corrupt)
     * @throws WorkbookTooLargeException when it unpacks to more than the import accepts
     */
    static Sheets read(Path file) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n == 0) {
                throw unreadable("empty body: the request must carry the dataset as a JSON document or an XLSX workbook",
                        "nội dung yêu cầu trống: hãy gửi tập dữ liệu dạng JSON hoặc bảng tính XLSX");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (java.util.Arrays.equals(head, OLE2)) {
            throw unreadable("not an XLSX workbook: the file is password-protected (encrypted) or an old .xls workbook; "
                            + "save it as an .xlsx workbook without a password",
                    "không phải bảng tính XLSX: tệp có mật khẩu (đã mã hóa) hoặc là tệp .xls cũ; hãy lưu thành .xlsx không đặt mật khẩu");
        }
        if (!java.util.Arrays.equals(head, ZIP)) {
            throw notXlsx();
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            try {
                return read(pkg);
            } finally {
                pkg.revert(); // opened read-only: never write anything back
            }
        } catch (DatasetRejectedException | WorkbookTooLargeException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof WorkbookTooLargeException tooLarge) {
                    throw tooLarge;
                }
            }
            if (zipBomb(e)) {
                throw tooLarge();
            }
            throw notXlsx();
        }
    }

    private static Sheets read(OPCPackage pkg) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        var budget = new Budget();
        List<String> shared = sharedStrings(pkg, budget);
        StylesTable styles = reader.getStylesTable();
        var sheets = new Sheets(NODES.objectNode(), new ArrayList<>(), new HashMap<>(), new HashMap<>());
        var it = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (it.hasNext()) {
            try (InputStream in = it.next()) {
                String name = it.getSheetName();
                if (!WorkbookLayout.COLUMNS.containsKey(name)) {
                    continue; // e.g. the instructions sheet
                }
                if (sheets.columns().containsKey(name)) {
                    sheets.problems().add(new WorkbookProblem(name, "a second sheet named " + name,
                            "trùng tên trang tính " + name, name, name, null, null));
                    continue;
                }
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(name, shared, styles, sheets, budget));
                xml.parse(new InputSource(in));
            }
        }
        return sheets;
    }

    /** The shared strings table, read by SAX with the same budget (ReadOnlySharedStringsTable has no limit). */
    private static List<String> sharedStrings(OPCPackage pkg, Budget budget) throws Exception {
        List<String> strings = new ArrayList<>();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return strings;
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                private StringBuilder text;
                private boolean inT;
                private int phonetic;

                @Override
                public void startElement(String uri, String local, String q, Attributes a) {
                    switch (local) {
                        case "si" -> text = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> inT = phonetic == 0;
                        default -> { }
                    }
                }

                @Override
                public void endElement(String uri, String local, String q) throws SAXException {
                    switch (local) {
                        case "si" -> {
                            budget.cell();
                            strings.add(text.toString());
                            text = null;
                        }
                        case "rPh" -> phonetic--;
                        case "t" -> inT = false;
                        default -> { }
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) throws SAXException {
                    if (inT && text != null) {
                        budget.chars(length);
                        text.append(ch, start, length);
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return strings;
    }

    /** Counts cells and characters read; past the limits the read stops. */
    private static final class Budget {
        long cells;
        long chars;

        void cell() throws SAXException {
            if (++cells > MAX_CELLS) {
                throw new SAXException(new WorkbookTooLargeException(
                        "the workbook holds more than " + MAX_CELLS + " cells", "bảng tính có hơn " + MAX_CELLS + " ô"));
            }
        }

        void chars(int n) throws SAXException {
            chars += n;
            if (chars > MAX_CHARS) {
                throw new SAXException(new WorkbookTooLargeException(
                        "the workbook holds more than " + MAX_CHARS + " characters of text",
                        "bảng tính có hơn " + MAX_CHARS + " ký tự"));
            }
        }
    }

    /** One sheet: row 1 the column names; each following non-empty row one element (sheet school: its one row). */
    private static final class SheetHandler extends DefaultHandler {
        private final String sheet;
        private final List<String> shared;
        private final StylesTable styles;
        private final Sheets out;
        private final Budget budget;
        private final Map<Integer, String> header = new HashMap<>();
        private final Map<String, String> columnLetters = new java.util.LinkedHashMap<>();
        private final List<Integer> rows = new ArrayList<>();
        private final ArrayNode array;

        private int row;
        private int nextRow = 1;
        private int col;
        private int nextCol;
        private String type;
        private int style;
        private StringBuilder value;
        private StringBuilder inline;
        private StringBuilder collect;
        private int phonetic;
        private ObjectNode element;
        private boolean rowHasValue;

        SheetHandler(String sheet, List<String> shared, StylesTable styles, Sheets out, Budget budget) {
            this.sheet = sheet;
            this.shared = shared;
            this.styles = styles;
            this.out = out;
            this.budget = budget;
            this.array = WorkbookLayout.isArraySheet(sheet) ? out.root().putArray(sheet) : null;
            out.columns().put(sheet, columnLetters);
            out.rows().put(sheet, rows);
        }

        @Override
        public void startElement(String uri, String local, String q, Attributes a) throws SAXException {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    row = r == null ? nextRow : Integer.parseInt(r);
                    nextRow = row + 1;
                    nextCol = 0;
                    element = NODES.objectNode();
                    rowHasValue = false;
                }
                case "c" -> {
                    budget.cell();
                    String r = a.getValue("r");
                    col = r == null ? nextCol : new CellReference(r).getCol();
                    nextCol = col + 1;
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value = new StringBuilder();
                    inline = null;
                }
                case "v" -> collect = value;
                case "is" -> inline = new StringBuilder();
                case "rPh" -> phonetic++;
                case "t" -> collect = phonetic == 0 ? inline : null;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (collect != null) {
                budget.chars(length);
                collect.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String q) {
            switch (local) {
                case "v", "t" -> collect = null;
                case "rPh" -> phonetic--;
                case "c" -> {
                    cell(text());
                    value = null;
                    inline = null;
                }
                case "row" -> endRow();
                default -> { }
            }
        }

        /** The cell's value as text: numbers as their exact decimal text, dates (by their format) as ISO dates. */
        private Cell text() {
            String v = value.toString();
            if (type == null || "n".equals(type)) {
                if (v.isEmpty()) {
                    return null;
                }
                try {
                    BigDecimal number = new BigDecimal(v.trim()).round(EXCEL_PRECISION).stripTrailingZeros();
                    if (isDate()) {
                        // a date serial is a whole count of days: no mark ever comes through here
                        return new Cell(DateUtil.getLocalDateTime(number.doubleValue()).toLocalDate().toString(), false);
                    }
                    return new Cell(number.toPlainString(), true);
                } catch (NumberFormatException e) {
                    return new Cell(v, false);
                }
            }
            return switch (type) {
                case "s" -> {
                    try {
                        int i = Integer.parseInt(v.trim());
                        yield new Cell(i >= 0 && i < shared.size() ? shared.get(i) : "", false);
                    } catch (NumberFormatException e) {
                        yield new Cell("", false);
                    }
                }
                case "b" -> new Cell("1".equals(v.trim()) ? "TRUE" : "FALSE", false);
                case "d" -> new Cell(v.length() > 10 ? v.substring(0, 10) : v, false); // ISO 8601 date (and time)
                // an inline string is in <is> (the specification; POI's user model may leave a stale <v> beside it)
                case "inlineStr" -> new Cell(inline != null ? inline.toString() : v, false);
                default -> new Cell(v, false); // str (a formula's text), e (an error such as #DIV/0!)
            };
        }

        private boolean isDate() {
            if (styles == null || style < 0 || style >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle s = styles.getStyleAt(style);
            return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        }

        private void cell(Cell cell) {
            if (cell == null) {
                return;
            }
            if (row == 1) {
                String name = cell.text().strip();
                if (name.isEmpty()) {
                    return;
                }
                String letters = CellReference.convertNumToColString(col);
                if (columnLetters.containsKey(name)) {
                    out.problems().add(new WorkbookProblem(sheet + "!" + letters + "1",
                            "column " + name + " is named twice (also column " + columnLetters.get(name) + ")",
                            "cột " + name + " bị trùng tên (cột " + columnLetters.get(name) + ")", null, sheet, 1, letters));
                    return;
                }
                header.put(col, name);
                columnLetters.put(name, letters);
                return;
            }
            String name = header.get(col);
            String text = cell.text().strip();
            if (name == null || text.isEmpty()) {
                return; // a column without a name is not part of the dataset; an empty cell is an absent value
            }
            rowHasValue = true;
            JsonNode node = WorkbookLayout.LISTS.contains(name) ? list(name, cell) : value(name, cell.number(), text);
            ObjectNode target = element;
            String member = name;
            if (WorkbookLayout.SCHOOL.equals(sheet) && !WorkbookLayout.TOP_LEVEL.contains(name)) {
                target = child(element, WorkbookLayout.SCHOOL);
            }
            int dot = member.indexOf('.');
            if (dot > 0 && dot < member.length() - 1) {
                target = child(target, member.substring(0, dot));
                member = member.substring(dot + 1);
            }
            target.set(member, node);
        }

        private JsonNode list(String name, Cell cell) {
            ArrayNode items = NODES.arrayNode();
            for (String item : cell.text().split(WorkbookLayout.SEPARATOR, -1)) {
                String t = item.strip();
                if (!t.isEmpty()) {
                    items.add(value(name, cell.number(), t));
                }
            }
            return items;
        }

        /** A value typed as the dataset wants it; what does not fit stays text and the dataset reader says why. */
        private static JsonNode value(String column, boolean numericCell, String text) {
            Kind kind = WorkbookLayout.kind(column);
            if (kind == Kind.WHOLE_NUMBER && WHOLE.matcher(text).matches()) {
                try {
                    return NODES.numberNode(new BigDecimal(text).intValueExact());
                } catch (ArithmeticException e) {
                    return NODES.stringNode(text);
                }
            }
            if (kind == Kind.MARK && DECIMAL.matcher(text).matches()) {
                // a decimal comma (7,5) is how Vietnamese spreadsheets write 7.5
                return NODES.numberNode(new BigDecimal(text.replace(',', '.')));
            }
            return NODES.stringNode(text);
        }

        private static ObjectNode child(ObjectNode parent, String name) {
            JsonNode existing = parent.get(name);
            if (existing instanceof ObjectNode o) {
                return o;
            }
            return parent.putObject(name);
        }

        private void endRow() {
            if (row == 1) {
                return;
            }
            if (WorkbookLayout.SCHOOL.equals(sheet)) {
                if (!rowHasValue) {
                    return;
                }
                if (row != 2) {
                    out.problems().add(new WorkbookProblem(sheet + "!" + row + ":" + row,
                            "sheet school holds its values in row 2 only", "trang school chỉ ghi giá trị ở dòng 2",
                            null, sheet, row, null));
                    return;
                }
                element.properties().forEach(e -> out.root().set(e.getKey(), e.getValue()));
                return;
            }
            if (!rowHasValue) {
                return; // a blank row between rows is no element
            }
            // every object that has columns exists, even with no cell filled (a class of a grade with no subjects)
            for (String name : header.values()) {
                int dot = name.indexOf('.');
                if (dot > 0) {
                    child(element, name.substring(0, dot));
                }
            }
            array.add(element);
            rows.add(row);
        }
    }

    private record Cell(String text, boolean number) {
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static WorkbookTooLargeException tooLarge() {
        return new WorkbookTooLargeException("the workbook unpacks to far more than it holds packed (a zip bomb?)",
                "bảng tính giải nén ra lớn bất thường so với kích thước nén (zip bomb?)");
    }

    private static DatasetRejectedException notXlsx() {
        return unreadable("not a readable XLSX workbook: the file is damaged or of another kind",
                "không đọc được bảng tính XLSX: tệp bị hỏng hoặc không phải dạng XLSX");
    }

    private static DatasetRejectedException unreadable(String en, String vi) {
        return DatasetRejectedException.unreadable(en, vi, -1, -1);
    }
}
