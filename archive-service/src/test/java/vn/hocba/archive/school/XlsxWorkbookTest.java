package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.archive.common.StaffRole;

/** The dataset as an XLSX workbook: export, read back, mistakes placed at their cells, the forms cells take. */
class XlsxWorkbookTest {

    private final DatasetReader reader = new DatasetReader(DatasetReaderTest.TODAY);

    @TempDir
    Path dir;

    static byte[] demoJson() throws IOException {
        try (InputStream in = XlsxWorkbookTest.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            return in.readAllBytes();
        }
    }

    private SchoolYearDataset demo() throws IOException {
        return reader.read(demoJson());
    }

    private Path export(SchoolYearDataset dataset) throws IOException {
        Path file = dir.resolve("export-" + System.nanoTime() + ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            DatasetWorkbooks.write(dataset, out);
        }
        return file;
    }

    /** The exported demo, edited with POI's user model as a person would in a spreadsheet. */
    private Path edited(Consumer<XSSFWorkbook> edit) throws IOException {
        Path file = export(demo());
        Path out = dir.resolve("edited-" + System.nanoTime() + ".xlsx");
        try (InputStream in = Files.newInputStream(file); var wb = new XSSFWorkbook(in)) {
            edit.accept(wb);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    private SchoolYearDataset read(Path workbook) {
        assertThat(problems(workbook)).isEmpty();
        var sheets = WorkbookDatasetReader.read(workbook);
        return reader.read(sheets.root());
    }

    @SuppressWarnings("unchecked")
    private List<WorkbookProblem> problems(Path workbook) {
        var sheets = WorkbookDatasetReader.read(workbook);
        List<WorkbookProblem> found = new ArrayList<>(sheets.problems());
        try {
            reader.read(sheets.root());
        } catch (DatasetRejectedException e) {
            e.problems().forEach(p -> found.add(sheets.locate(p)));
        }
        return found;
    }

    private static void set(XSSFWorkbook wb, String ref, String text) {
        TwentyMistakes.set(wb, ref, text);
    }

    private static int rowOf(XSSFWorkbook wb, String sheetName, String... leading) {
        return TwentyMistakes.rowOf(wb, sheetName, leading);
    }

    @Test
    void theDemoExportedAsAWorkbookReadsBackAsTheSameDataset() throws IOException {
        SchoolYearDataset demo = demo();
        SchoolYearDataset back = read(export(demo));
        assertThat(DatasetDocument.fingerprint(back)).isEqualTo(DatasetDocument.fingerprint(demo));
        assertThat(back.counts()).isEqualTo(demo.counts());
        assertThat(DatasetDocument.tree(back)).isEqualTo(DatasetDocument.tree(demo));
    }

    @Test
    void multiLineCommentsAndOptionalFieldsSurviveTheRoundTrip() throws IOException {
        SchoolYearDataset demo = demo();
        var comments = new ArrayList<>(demo.comments());
        var first = comments.get(0);
        comments.set(0, new SchoolYearDataset.Comment(first.student(), "Chăm ngoan.\nCần cố gắng hơn ở môn Toán.",
                java.util.Map.of("TOAN", "Tiến bộ rõ.\nLàm bài cẩn thận.")));
        var students = new ArrayList<>(demo.students());
        var s = students.get(0);
        students.set(0, new SchoolYearDataset.Student(s.id(), s.fullName(), s.sex(), s.dateOfBirth(), s.ethnicity(),
                s.placeOfBirth(), s.address(), s.father(), s.mother(), s.classCode(), "1/2024", "001234567890"));
        var changed = new SchoolYearDataset(demo.schoolYear(), demo.school(), demo.staff(), demo.subjects(),
                demo.classes(), students, demo.assessments(), demo.conduct(), demo.attendance(), comments);
        SchoolYearDataset back = read(export(changed));
        assertThat(DatasetDocument.fingerprint(back)).isEqualTo(DatasetDocument.fingerprint(changed));
        assertThat(back.comments().stream().filter(c -> c.student().equals(first.student())).findFirst().orElseThrow()
                .homeroom()).isEqualTo("Chăm ngoan.\nCần cố gắng hơn ở môn Toán.");
    }

    @Test
    void theFingerprintIsTheSameWhateverTheOrderOfTheRows() throws IOException {
        SchoolYearDataset demo = demo();
        var reversed = new SchoolYearDataset(demo.schoolYear(), demo.school(), reverse(demo.staff()), demo.subjects(),
                reverse(demo.classes()), reverse(demo.students()), reverse(demo.assessments()), reverse(demo.conduct()),
                reverse(demo.attendance()), reverse(demo.comments()));
        assertThat(DatasetDocument.fingerprint(reversed)).isEqualTo(DatasetDocument.fingerprint(demo));
        assertThat(new String(DatasetDocument.json(reversed), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(DatasetDocument.json(demo), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theJsonExportReadsBackAsTheSameDataset() throws IOException {
        SchoolYearDataset demo = demo();
        assertThat(DatasetDocument.fingerprint(reader.read(DatasetDocument.json(demo))))
                .isEqualTo(DatasetDocument.fingerprint(demo));
    }

    private static <T> List<T> reverse(List<T> list) {
        var copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void marksMayBeTextWithADecimalCommaAndListsAreSeparatedBySemicolons() throws IOException {
        int[] row = new int[1];
        Path file = edited(wb -> {
            row[0] = rowOf(wb, "assessments", "HS2400001", "TOAN", "1");
            set(wb, "assessments!D" + row[0], " 7 ; 8,5;;9,0 ");
            set(wb, "assessments!E" + row[0], "6,5");
            set(wb, "assessments!F" + row[0], "10");
            int roles = rowOf(wb, "staff", "GV001");
            set(wb, "staff!C" + roles, "PRINCIPAL; TEACHER");
        });
        SchoolYearDataset data = read(file);
        var a = data.assessments().get(row[0] - 2);
        assertThat(a.student()).isEqualTo("HS2400001");
        assertThat(a.subject()).isEqualTo("TOAN");
        assertThat(a.regular()).containsExactly("7.0", "8.5", "9.0");
        assertThat(a.midterm()).isEqualTo("6.5");
        assertThat(a.finalMark()).isEqualTo("10.0");
        assertThat(data.staff().stream().filter(s -> s.id().equals("GV001")).findFirst().orElseThrow().roles())
                .containsExactlyInAnyOrder(StaffRole.PRINCIPAL, StaffRole.TEACHER);
    }

    @Test
    void numericCellsAreReadAsTheirDecimalTextNeverThroughBinaryFloatingPoint() throws IOException {
        int[] row = new int[1];
        Path file = edited(wb -> {
            row[0] = rowOf(wb, "assessments", "HS2400001", "TOAN", "1");
            var sheet = wb.getSheet("assessments");
            // 0.1 + 0.2 is stored as 0.30000000000000004: Excel shows (and we read) 15 significant digits, 0.3
            sheet.getRow(row[0] - 1).removeCell(sheet.getRow(row[0] - 1).getCell(4));
            sheet.getRow(row[0] - 1).createCell(4).setCellValue(0.1 + 0.2);
            sheet.getRow(row[0] - 1).createCell(5).setCellValue(8.7);
            // a date typed into a spreadsheet becomes a date cell: read as the ISO date it shows
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            var dob = wb.getSheet("students").getRow(1).createCell(3);
            dob.setCellValue(java.time.LocalDate.of(2013, 9, 24));
            dob.setCellStyle(dateStyle);
        });
        SchoolYearDataset data = read(file);
        var a = data.assessments().get(row[0] - 2);
        assertThat(a.midterm()).isEqualTo("0.3");
        assertThat(a.finalMark()).isEqualTo("8.7");
        assertThat(data.students().get(0).dateOfBirth()).isEqualTo(java.time.LocalDate.of(2013, 9, 24));
    }

    @Test
    void aWorkbookWithTwentyMistakesReportsEachAtItsSheetRowAndColumn() throws IOException {
        List<String> expected = new ArrayList<>();
        Path file = edited(wb -> expected.addAll(TwentyMistakes.make(wb)));
        List<WorkbookProblem> problems = problems(file);
        assertThat(problems).extracting(WorkbookProblem::path).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSize(20);
        var f18 = problems.stream().filter(p -> p.jsonPath().equals("assessments[16].final")).findFirst().orElseThrow();
        assertThat(f18.sheet()).isEqualTo("assessments");
        assertThat(f18.row()).isEqualTo(18);
        assertThat(f18.column()).isEqualTo("F");
        assertThat(f18.message()).isNotBlank();
        assertThat(f18.messageVi()).isNotBlank();
    }

    @Test
    void aDuplicateRowIsPlacedAtItsRowAndAMissingSheetAtTheSheet() throws IOException {
        Path file = edited(wb -> {
            set(wb, "conduct!A3", wb.getSheet("conduct").getRow(1).getCell(0).getStringCellValue());
            set(wb, "conduct!B3", "1");
            wb.getSheet("conduct").getRow(2).createCell(1).setCellValue(1);
            wb.removeSheetAt(wb.getSheetIndex("comments"));
        });
        assertThat(problems(file)).extracting(p -> p.path() + ": " + p.message())
                .containsExactlyInAnyOrder("conduct!3:3 (conduct[1]): a second row for HS2400001, term 1",
                        "comments (comments): sheet comments is missing (row 1 holds its column names)");
    }

    @Test
    void theTemplateHasEverySheetAndReadsAsAnEmptyDatasetWithOnlyTheSchoolMissing() throws IOException {
        Path file = dir.resolve("template.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            DatasetWorkbooks.writeTemplate(out);
        }
        try (InputStream in = Files.newInputStream(file); var wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Hướng dẫn");
            assertThat(wb.getSheet("Hướng dẫn").getRow(0).getCell(0).getStringCellValue()).contains("Hướng dẫn");
            for (String sheet : WorkbookLayout.COLUMNS.keySet()) {
                assertThat(wb.getSheet(sheet)).as(sheet).isNotNull();
            }
            assertThat(wb.getSheet("assessments").getRow(0).getCell(5).getStringCellValue()).isEqualTo("final");
        }
        assertThat(problems(file)).extracting(WorkbookProblem::jsonPath)
                .containsExactlyInAnyOrder("schoolYear", "school");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedWithAReason() throws IOException {
        Path text = Files.writeString(dir.resolve("a.xlsx"), "name,class\nAn,6A\n");
        assertThatThrownBy(() -> WorkbookDatasetReader.read(text)).isInstanceOf(DatasetRejectedException.class)
                .hasMessageContaining("not a readable XLSX workbook");
        Path ole2 = Files.write(dir.resolve("b.xlsx"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2});
        assertThatThrownBy(() -> WorkbookDatasetReader.read(ole2)).isInstanceOf(DatasetRejectedException.class)
                .hasMessageContaining("password-protected");
        Path truncated = dir.resolve("c.xlsx");
        byte[] whole = Files.readAllBytes(export(demo()));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> WorkbookDatasetReader.read(truncated)).isInstanceOf(DatasetRejectedException.class);
        Path empty = Files.write(dir.resolve("d.xlsx"), new byte[0]);
        assertThatThrownBy(() -> WorkbookDatasetReader.read(empty)).isInstanceOf(DatasetRejectedException.class);
    }

    @Test
    void aZipBombIsRefusedAsTooLargeBeforeItIsUnpacked() throws IOException {
        // the demo workbook with its assessments sheet replaced by 200 MB that compress a thousandfold
        Path source = export(demo());
        Path bomb = dir.resolve("bomb.xlsx");
        try (var zin = new java.util.zip.ZipFile(source.toFile());
             var zout = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (var entries = zin.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                zout.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet7.xml")) {
                    zout.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes());
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        zout.write(spaces);
                    }
                    zout.write("</sheetData></worksheet>".getBytes());
                } else {
                    zin.getInputStream(e).transferTo(zout);
                }
                zout.closeEntry();
            }
        }
        assertThatThrownBy(() -> WorkbookDatasetReader.read(bomb)).isInstanceOf(WorkbookTooLargeException.class);
    }
}
