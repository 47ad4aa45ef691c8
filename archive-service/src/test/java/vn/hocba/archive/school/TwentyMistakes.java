package vn.hocba.archive.school;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Twenty different mistakes made in the exported demo workbook, as a person editing it might make them, each with
 * the {@code path} the import must report for it ({@code sheet!cell (json path)}). Shared by the unit test and the
 * end-to-end test.
 */
public final class TwentyMistakes {

    private TwentyMistakes() {
    }

    /** Makes the mistakes in {@code wb} (the exported demo) and returns the expected problem paths. */
    public static List<String> make(XSSFWorkbook wb) {
        List<String> expected = new ArrayList<>();
        // expect(cell, json path) for each mistake; data rows start at row 2, so element index = row - 2
        set(wb, "school!B2", "2024-2026");
        expected.add("school!B2 (schoolYear)");
        set(wb, "school!E2", "TIEU_HOC");
        expected.add("school!E2 (school.level)");
        int staff = rowOf(wb, "staff", "GV010");
        set(wb, "staff!C" + staff, "TEACHER;JANITOR");
        expected.add("staff!C" + staff + " (staff[" + (staff - 2) + "].roles[1])");
        int staff2 = rowOf(wb, "staff", "GV011");
        set(wb, "staff!B" + staff2, "Nguyễn Văn An 😀");
        expected.add("staff!B" + staff2 + " (staff[" + (staff2 - 2) + "].fullName)");
        int subject = rowOf(wb, "subjects", "TOAN");
        set(wb, "subjects!C" + subject, "GRADED");
        expected.add("subjects!C" + subject + " (subjects[" + (subject - 2) + "].assessment)");
        int klass = rowOf(wb, "classes", "7A");
        set(wb, "classes!C" + klass, "GV999");
        expected.add("classes!C" + klass + " (classes[" + (klass - 2) + "].homeroomTeacher)");
        set(wb, "students!C5", "X");
        expected.add("students!C5 (students[3].sex)");
        set(wb, "students!D6", "2013-02-30");
        expected.add("students!D6 (students[4].dateOfBirth)");
        set(wb, "students!B7", null);
        expected.add("students!B7 (students[5].fullName)");
        set(wb, "students!J8", "9Z");
        expected.add("students!J8 (students[6].class)");
        set(wb, "assessments!F18", "11");
        expected.add("assessments!F18 (assessments[16].final)");
        set(wb, "assessments!E20", "7.25");
        expected.add("assessments!E20 (assessments[18].midterm)");
        int scored = rowOf(wb, "assessments", "HS2400003", "TOAN", "2");
        set(wb, "assessments!D" + scored, "7;abc;8");
        expected.add("assessments!D" + scored + " (assessments[" + (scored - 2) + "].regular[1])");
        set(wb, "assessments!C22", "3");
        expected.add("assessments!C22 (assessments[20].term)");
        int gdtc = rowOf(wb, "assessments", "HS2400002", "GDTC", "1");
        set(wb, "assessments!F" + gdtc, "A");
        expected.add("assessments!F" + gdtc + " (assessments[" + (gdtc - 2) + "].final)");
        set(wb, "assessments!A30", "HS9999999");
        expected.add("assessments!A30 (assessments[28].student)");
        set(wb, "conduct!C4", "GOOD");
        expected.add("conduct!C4 (conduct[2].level)");
        set(wb, "attendance!C5", "-1");
        expected.add("attendance!C5 (attendance[3].excusedDays)");
        set(wb, "attendance!D6", "x");
        expected.add("attendance!D6 (attendance[4].unexcusedDays)");
        var comments = wb.getSheet("comments");
        int col = comments.getRow(0).getLastCellNum();
        comments.getRow(0).createCell(col).setCellValue("subjects.HOA_HOC");
        comments.getRow(2).createCell(col).setCellValue("Tốt");
        String letters = CellReference.convertNumToColString(col);
        expected.add("comments!" + letters + "3 (comments[1].subjects.HOA_HOC)");
        return expected;
    }

    static void set(XSSFWorkbook wb, String ref, String text) {
        var at = new CellReference(ref);
        Sheet sheet = wb.getSheet(at.getSheetName());
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        if (row.getCell(at.getCol()) != null) {
            row.removeCell(row.getCell(at.getCol())); // a fresh cell: POI leaves a stale inline string beside a new value
        }
        if (text != null) {
            row.createCell(at.getCol()).setCellValue(text);
        }
    }

    /** The 1-based row of the first data row whose cells in columns A.. hold these values. */
    static int rowOf(XSSFWorkbook wb, String sheetName, String... leading) {
        Sheet sheet = wb.getSheet(sheetName);
        for (Row row : sheet) {
            boolean match = row.getRowNum() > 0;
            for (int i = 0; match && i < leading.length; i++) {
                Cell c = row.getCell(i);
                String v = c == null ? "" : c.getCellType() == CellType.NUMERIC
                        ? String.valueOf((int) c.getNumericCellValue()) : c.getStringCellValue();
                match = leading[i].equals(v);
            }
            if (match) {
                return row.getRowNum() + 1;
            }
        }
        throw new AssertionError("no row " + String.join(",", leading) + " in " + sheetName);
    }
}
