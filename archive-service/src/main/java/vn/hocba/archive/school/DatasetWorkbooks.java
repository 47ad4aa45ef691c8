package vn.hocba.archive.school;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.school.SchoolYearDataset.Assessment;
import vn.hocba.archive.school.SchoolYearDataset.Attendance;
import vn.hocba.archive.school.SchoolYearDataset.Comment;
import vn.hocba.archive.school.SchoolYearDataset.Conduct;
import vn.hocba.archive.school.SchoolYearDataset.SchoolClass;
import vn.hocba.archive.school.SchoolYearDataset.Staff;
import vn.hocba.archive.school.SchoolYearDataset.Student;
import vn.hocba.archive.school.SchoolYearDataset.Subject;

/**
 * Writes a dataset as the XLSX workbook of SCHOOL-YEAR-FORMAT.md (the layout of {@link WorkbookLayout}), in the
 * canonical order of {@link DatasetDocument}, so that the workbook imported again is the same dataset
 * ({@code changed: false}); or the empty template. Streaming (SXSSF): rows are flushed to a temporary file as they
 * are written, so memory stays bounded whatever the size of the school.
 *
 * <p>Whole numbers and the marks {@code midterm} and {@code final} of scored subjects are numeric cells (a mark's
 * one-decimal value is written and read back as the same decimal text); lists ({@code roles}, {@code regular}) are
 * text joined by {@code ;}; every other value is text, and text columns are formatted as text ({@code @}) so that a
 * spreadsheet does not turn {@code 1/2024} into a date.
 */
public final class DatasetWorkbooks {

    private DatasetWorkbooks() {
    }

    /** The dataset as a workbook, with the instructions sheet first. */
    public static void write(SchoolYearDataset dataset, OutputStream out) throws IOException {
        SchoolYearDataset d = DatasetDocument.ordered(dataset);
        try (var w = new Writer()) {
            w.instructions();
            w.school(d);
            w.staff(d.staff());
            w.subjects(d.subjects(), grades(d.subjects()));
            List<String> subjectCodes = d.subjects().stream().map(Subject::code).toList();
            w.classes(d.classes(), subjectCodes);
            w.students(d.students());
            Set<String> comment = new java.util.HashSet<>();
            d.subjects().stream().filter(s -> "COMMENT".equals(s.assessment())).forEach(s -> comment.add(s.code()));
            w.assessments(d.assessments(), comment);
            w.conduct(d.conduct());
            w.attendance(d.attendance());
            Set<String> commented = new LinkedHashSet<>();
            subjectCodes.forEach(code -> {
                if (d.comments().stream().anyMatch(c -> c.subjects().containsKey(code))) {
                    commented.add(code);
                }
            });
            w.comments(d.comments(), new ArrayList<>(commented));
            w.workbook.write(out);
        }
    }

    /** The empty workbook: every sheet with its column names, and the instructions in Vietnamese. */
    public static void writeTemplate(OutputStream out) throws IOException {
        try (var w = new Writer()) {
            w.instructions();
            var school = w.sheet(WorkbookLayout.SCHOOL, WorkbookLayout.COLUMNS.get(WorkbookLayout.SCHOOL));
            Row values = school.createRow(1);
            w.text(values, 0, SchoolYearDataset.FORMAT);
            w.subjects(List.of(), List.of(6, 7, 8, 9, 10, 11, 12));
            w.sheet("staff", WorkbookLayout.COLUMNS.get("staff"));
            w.classes(List.of(), List.of("TOAN", "NGU_VAN"));
            for (String sheet : List.of("students", "assessments", "conduct", "attendance")) {
                w.sheet(sheet, WorkbookLayout.COLUMNS.get(sheet));
            }
            w.comments(List.of(), List.of("TOAN"));
            w.workbook.write(out);
        }
    }

    private static List<Integer> grades(List<Subject> subjects) {
        Set<Integer> grades = new TreeSet<>();
        subjects.forEach(s -> grades.addAll(s.periodsPerYear().keySet()));
        return List.copyOf(grades);
    }

    private static final class Writer implements AutoCloseable {
        final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        final CellStyle bold;
        final CellStyle textFormat;
        final CellStyle wrap;

        Writer() {
            workbook.setCompressTempFiles(true);
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            textFormat = workbook.createCellStyle();
            textFormat.setDataFormat(workbook.createDataFormat().getFormat("@"));
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
        }

        SXSSFSheet sheet(String name, List<String> columns) {
            SXSSFSheet sheet = workbook.createSheet(name);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                var cell = header.createCell(i);
                cell.setCellValue(columns.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.min(255, Math.max(12, columns.get(i).length() + 4)) * 256);
                if (WorkbookLayout.kind(columns.get(i)) == WorkbookLayout.Kind.TEXT) {
                    sheet.setDefaultColumnStyle(i, textFormat);
                }
            }
            sheet.createFreezePane(0, 1);
            return sheet;
        }

        void text(Row row, int col, String value) {
            if (value != null && !value.isEmpty()) {
                var cell = row.createCell(col);
                cell.setCellValue(value);
                cell.setCellStyle(textFormat);
            }
        }

        void number(Row row, int col, int value) {
            row.createCell(col).setCellValue(value);
        }

        /** A one-decimal mark 0-10 as a number: its shortest double text is the same decimal, read back exactly. */
        void mark(Row row, int col, String mark, boolean comment) {
            if (mark == null) {
                return;
            }
            if (comment) {
                text(row, col, mark);
            } else {
                row.createCell(col).setCellValue(new BigDecimal(mark).doubleValue());
            }
        }

        void instructions() {
            SXSSFSheet sheet = workbook.createSheet(WorkbookLayout.INSTRUCTIONS);
            sheet.setColumnWidth(0, 120 * 256);
            int r = 0;
            for (String line : INSTRUCTIONS) {
                var cell = sheet.createRow(r++).createCell(0);
                cell.setCellValue(line);
                cell.setCellStyle(r == 1 ? bold : wrap);
            }
        }

        void school(SchoolYearDataset d) {
            var sheet = sheet(WorkbookLayout.SCHOOL, WorkbookLayout.COLUMNS.get(WorkbookLayout.SCHOOL));
            Row row = sheet.createRow(1);
            var s = d.school();
            List<String> values = List.of(SchoolYearDataset.FORMAT, nz(d.schoolYear()), nz(s.code()), nz(s.name()),
                    nz(s.level()), nz(s.province()), nz(s.district()), nz(s.address()));
            for (int i = 0; i < values.size(); i++) {
                text(row, i, values.get(i));
            }
        }

        void staff(List<Staff> staff) {
            var sheet = sheet("staff", WorkbookLayout.COLUMNS.get("staff"));
            int r = 1;
            for (Staff s : staff) {
                Row row = sheet.createRow(r++);
                text(row, 0, s.id());
                text(row, 1, s.fullName());
                text(row, 2, s.roles().stream().map(StaffRole::name).sorted()
                        .collect(Collectors.joining(WorkbookLayout.SEPARATOR)));
                text(row, 3, s.email());
            }
        }

        void subjects(List<Subject> subjects, List<Integer> grades) {
            List<String> columns = new ArrayList<>(WorkbookLayout.COLUMNS.get("subjects"));
            grades.forEach(g -> columns.add("periodsPerYear." + g));
            var sheet = sheet("subjects", columns);
            int r = 1;
            for (Subject s : subjects) {
                Row row = sheet.createRow(r++);
                text(row, 0, s.code());
                text(row, 1, s.name());
                text(row, 2, s.assessment());
                for (int i = 0; i < grades.size(); i++) {
                    Integer periods = s.periodsPerYear().get(grades.get(i));
                    if (periods != null) {
                        number(row, 3 + i, periods);
                    }
                }
            }
        }

        void classes(List<SchoolClass> classes, List<String> subjects) {
            List<String> columns = new ArrayList<>(WorkbookLayout.COLUMNS.get("classes"));
            subjects.forEach(code -> columns.add("subjectTeachers." + code));
            var sheet = sheet("classes", columns);
            int r = 1;
            for (SchoolClass c : classes) {
                Row row = sheet.createRow(r++);
                text(row, 0, c.code());
                number(row, 1, c.grade());
                text(row, 2, c.homeroomTeacher());
                for (int i = 0; i < subjects.size(); i++) {
                    text(row, 3 + i, c.subjectTeachers().get(subjects.get(i)));
                }
            }
        }

        void students(List<Student> students) {
            var sheet = sheet("students", WorkbookLayout.COLUMNS.get("students"));
            int r = 1;
            for (Student s : students) {
                Row row = sheet.createRow(r++);
                List<String> values = java.util.Arrays.asList(s.id(), s.fullName(), s.sex(),
                        s.dateOfBirth() == null ? null : s.dateOfBirth().toString(), s.ethnicity(), s.placeOfBirth(),
                        s.address(), s.father(), s.mother(), s.classCode(), s.enrolmentNo(), s.nationalId());
                for (int i = 0; i < values.size(); i++) {
                    text(row, i, values.get(i));
                }
            }
        }

        void assessments(List<Assessment> assessments, Set<String> commentSubjects) {
            var sheet = sheet("assessments", WorkbookLayout.COLUMNS.get("assessments"));
            int r = 1;
            for (Assessment a : assessments) {
                boolean comment = commentSubjects.contains(a.subject());
                Row row = sheet.createRow(r++);
                text(row, 0, a.student());
                text(row, 1, a.subject());
                number(row, 2, a.term());
                text(row, 3, String.join(WorkbookLayout.SEPARATOR, a.regular()));
                mark(row, 4, a.midterm(), comment);
                mark(row, 5, a.finalMark(), comment);
            }
        }

        void conduct(List<Conduct> conduct) {
            var sheet = sheet("conduct", WorkbookLayout.COLUMNS.get("conduct"));
            int r = 1;
            for (Conduct c : conduct) {
                Row row = sheet.createRow(r++);
                text(row, 0, c.student());
                number(row, 1, c.term());
                text(row, 2, c.level());
            }
        }

        void attendance(List<Attendance> attendance) {
            var sheet = sheet("attendance", WorkbookLayout.COLUMNS.get("attendance"));
            int r = 1;
            for (Attendance a : attendance) {
                Row row = sheet.createRow(r++);
                text(row, 0, a.student());
                number(row, 1, a.term());
                number(row, 2, a.excusedDays());
                number(row, 3, a.unexcusedDays());
            }
        }

        void comments(List<Comment> comments, List<String> subjects) {
            List<String> columns = new ArrayList<>(WorkbookLayout.COLUMNS.get("comments"));
            subjects.forEach(code -> columns.add("subjects." + code));
            var sheet = sheet("comments", columns);
            int r = 1;
            for (Comment c : comments) {
                Row row = sheet.createRow(r++);
                text(row, 0, c.student());
                text(row, 1, c.homeroom());
                for (int i = 0; i < subjects.size(); i++) {
                    text(row, 2 + i, c.subjects().get(subjects.get(i)));
                }
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        @Override
        public void close() {
            try {
                workbook.close(); // also deletes the temporary files of the streamed rows (dispose() is deprecated)
            } catch (IOException e) {
                // a workbook only written to a stream: closing frees memory and temporary files; nothing to report
            }
        }
    }

    static final List<String> INSTRUCTIONS = List.of(
            "Hướng dẫn nhập dữ liệu năm học (định dạng hocba.school-year/v1)",
            "Bảng tính này chứa cùng dữ liệu với tệp JSON của định dạng: mỗi trang tính là một bảng. Trang \"Hướng dẫn\" này không được đọc khi nhập.",
            "Dòng 1 của mỗi trang ghi tên trường dữ liệu (giữ nguyên, không dịch, không đổi tên); từ dòng 2, mỗi dòng là một bản ghi. Dòng trống được bỏ qua.",
            "Ô để trống nghĩa là không có giá trị. Trường bắt buộc mà để trống sẽ bị báo lỗi.",
            "Trang school: dòng 2 ghi format (luôn là hocba.school-year/v1), schoolYear (ví dụ 2024-2025) và thông tin trường: code, name, level (THCS hoặc THPT), province, district, address.",
            "Trang staff: id (mã cán bộ), fullName, roles (nhiều vai trò ngăn cách bằng dấu chấm phẩy, ví dụ TEACHER;ADMIN; gồm PRINCIPAL, VICE_PRINCIPAL, CLERK, ADMIN, TEACHER), email.",
            "Trang subjects: code, name, assessment (SCORED: cho điểm; COMMENT: nhận xét Đ/CĐ) và số tiết/năm theo khối ở các cột periodsPerYear.6 … periodsPerYear.12 (để trống khối không học môn này).",
            "Trang classes: code (ví dụ 6A), grade (khối 6-12), homeroomTeacher (mã giáo viên chủ nhiệm) và giáo viên bộ môn ở các cột subjectTeachers.<MÃ MÔN>, ví dụ subjectTeachers.TOAN; thêm một cột cho mỗi môn học.",
            "Trang students: id, fullName, sex (NAM/NU), dateOfBirth (YYYY-MM-DD, ví dụ 2013-09-24, hoặc ô kiểu ngày), ethnicity, placeOfBirth, address, father, mother, class (mã lớp), enrolmentNo, nationalId.",
            "Trang assessments: một dòng cho mỗi học sinh, môn và học kì: student, subject, term (1 hoặc 2), regular (các điểm thường xuyên ngăn cách bằng dấu chấm phẩy, ví dụ 7;8,5;9), midterm (giữa kì), final (cuối kì).",
            "Điểm từ 0 đến 10, tối đa một chữ số thập phân; được ghi dạng số hoặc văn bản, dấu phẩy thập phân được chấp nhận (7,5 là 7.5). Môn nhận xét ghi Đ hoặc CĐ. Điểm chưa có thì để trống.",
            "Trang conduct: student, term, level (TOT, KHA, DAT, CHUA_DAT). Trang attendance: student, term, excusedDays (nghỉ có phép), unexcusedDays (nghỉ không phép).",
            "Trang comments: student, homeroom (nhận xét của giáo viên chủ nhiệm) và nhận xét bộ môn ở các cột subjects.<MÃ MÔN>, ví dụ subjects.TOAN.",
            "Khi nhập, mọi lỗi được liệt kê cùng lúc kèm trang, dòng và cột (ví dụ assessments!F18) và đường dẫn JSON tương ứng; có lỗi thì không dữ liệu nào được lưu.",
            "Nhập lại đúng dữ liệu đã xuất (dataset.xlsx) không thay đổi gì. Không đặt mật khẩu cho tệp; lưu dạng .xlsx.");
}
