package vn.hocba.archive.rendering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.hocba.archive.rendering.StudentRecordView.SchoolInfo;
import vn.hocba.archive.rendering.StudentRecordView.StudentInfo;
import vn.hocba.archive.rendering.StudentRecordView.SubjectRow;
import vn.hocba.archive.rendering.StudentRecordView.Summary;

/** Realistic records to render in tests: a 6A student with the 12 lower-secondary subjects, and variants. */
public final class SampleStudentRecords {

    public static final String LOOKUP_CODE = "3f1c9a52-7d4e-4b8a-9c1f-2e6d8b0a4c75";
    public static final Instant RENDERED_AT = Instant.parse("2025-05-31T03:15:00Z");

    private SampleStudentRecords() {
    }

    /** Nguyễn Văn An, 6A, 2024-2025, 12 subjects, Học sinh Giỏi. */
    public static StudentRecordView sixthGrader() {
        return record(6, "6A", lowerSecondarySubjects(), "Nguyễn Văn An");
    }

    /** An upper-secondary (grade 10) record with 14 subjects: 8 compulsory and 4 electives, plus 2 more. */
    public static StudentRecordView tenthGraderWithFourteenSubjects() {
        return record(10, "10A1", upperSecondarySubjects(), "Trần Thị Ngọc Ánh");
    }

    public static StudentRecordView withSubjects(List<SubjectRow> subjects) {
        return record(6, "6A", subjects, "Nguyễn Văn An");
    }

    public static StudentRecordView withName(String fullName) {
        return record(6, "6A", lowerSecondarySubjects(), fullName);
    }

    public static StudentRecordView withComment(String comment) {
        StudentRecordView v = sixthGrader();
        Summary s = v.summary();
        return new StudentRecordView(v.lookupCode(), v.version(), v.school(), v.schoolYear(), v.className(),
                v.grade(), v.student(), v.subjects(),
                new Summary(s.conductTerm1(), s.conductTerm2(), s.conductYear(), s.learningTerm1(),
                        s.learningTerm2(), s.learningYear(), s.daysAbsentTerm1(), s.daysAbsentTerm2(),
                        s.daysAbsentYear(), s.promotion(), s.title(), comment, s.correctionsCount(),
                        s.correctedSubjects()),
                v.homeroomTeacherName(), v.principalName(), v.renderedAt());
    }

    public static List<SubjectRow> lowerSecondarySubjects() {
        return List.of(
                new SubjectRow("NGU_VAN", "Ngữ văn", "7.9", "8.3", "8.2", "", "Phạm Thị Thu Hương"),
                new SubjectRow("TOAN", "Toán", "8.5", "9.1", "8.9", "", "Lê Văn Dũng"),
                new SubjectRow("TIENG_ANH", "Tiếng Anh", "8.0", "8.6", "8.4", "", "Đỗ Thị Quỳnh Trang"),
                new SubjectRow("GDCD", "Giáo dục công dân", "9.0", "9.2", "9.1", "", "Hoàng Thị Lệ"),
                new SubjectRow("LS_DL", "Lịch sử và Địa lí", "7.6", "8.0", "7.9", "", "Vũ Đức Thắng"),
                new SubjectRow("KHTN", "Khoa học tự nhiên", "8.2", "8.8", "8.6", "", "Ngô Thị Phương Thảo"),
                new SubjectRow("CONG_NGHE", "Công nghệ", "8.7", "8.9", "8.8", "", "Bùi Quang Huy"),
                new SubjectRow("TIN_HOC", "Tin học", "9.3", "9.5", "9.4", "", "Trịnh Minh Khôi"),
                new SubjectRow("GDTC", "Giáo dục thể chất", "Đ", "Đ", "Đ", "", "Đặng Văn Cường"),
                new SubjectRow("NGHE_THUAT", "Nghệ thuật", "Đ", "Đ", "Đ", "", "Nguyễn Thị Diệu Linh"),
                new SubjectRow("HDTN_HN", "Hoạt động trải nghiệm, hướng nghiệp", "Đ", "Đ", "Đ", "",
                        "Trần Thị Mỹ Duyên"),
                new SubjectRow("GDDP", "Nội dung giáo dục của địa phương", "Đ", "Đ", "Đ", "", "Lương Thế Vinh"));
    }

    public static List<SubjectRow> upperSecondarySubjects() {
        return List.of(
                new SubjectRow("NGU_VAN", "Ngữ văn", "6.8", "7.4", "7.2", "", "Phạm Thị Thu Hương"),
                new SubjectRow("TOAN", "Toán", "4.2", "4.8", "4.6", "5.5", "Lê Văn Dũng"),
                new SubjectRow("TIENG_ANH", "Tiếng Anh", "7.0", "7.1", "7.1", "", "Đỗ Thị Quỳnh Trang"),
                new SubjectRow("LICH_SU", "Lịch sử", "7.5", "7.9", "7.8", "", "Vũ Đức Thắng"),
                new SubjectRow("GDTC", "Giáo dục thể chất", "Đ", "Đ", "Đ", "", "Đặng Văn Cường"),
                new SubjectRow("GDQP_AN", "Giáo dục quốc phòng và an ninh", "7.7", "8.1", "8.0", "",
                        "Nguyễn Hữu Nghĩa"),
                new SubjectRow("HDTN_HN", "Hoạt động trải nghiệm, hướng nghiệp", "Đ", "CĐ", "CĐ", "Đ",
                        "Trần Thị Mỹ Duyên"),
                new SubjectRow("GDDP", "Nội dung giáo dục của địa phương", "Đ", "Đ", "Đ", "", "Lương Thế Vinh"),
                new SubjectRow("DIA_LI", "Địa lí", "6.5", "6.9", "6.8", "", "Hà Thị Bích Ngọc"),
                new SubjectRow("GD_KTPL", "Giáo dục kinh tế và pháp luật", "8.1", "8.0", "8.0", "", "Hoàng Thị Lệ"),
                new SubjectRow("VAT_LI", "Vật lí", "5.9", "6.4", "6.2", "", "Tôn Thất Quyền"),
                new SubjectRow("HOA_HOC", "Hóa học", "6.1", "6.0", "6.0", "", "Nguyễn Thị Xuân Quỳnh"),
                new SubjectRow("SINH_HOC", "Sinh học", "7.3", "7.6", "7.5", "", "Kiều Văn Phúc"),
                new SubjectRow("TIN_HOC", "Tin học", "8.8", "9.0", "8.9", "", "Trịnh Minh Khôi"));
    }

    /** {@code count} subjects with made-up codes, to push the results table over a page. */
    public static List<SubjectRow> manySubjects(int count) {
        List<SubjectRow> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new SubjectRow("MON_" + i, "Môn học số " + i, "7.0", "7.5", "7.3", "", "Giáo viên số " + i));
        }
        return rows;
    }

    private static StudentRecordView record(int grade, String className, List<SubjectRow> subjects, String name) {
        return new StudentRecordView(
                LOOKUP_CODE,
                1,
                new SchoolInfo(grade <= 9 ? "Trường THCS Nguyễn Trãi" : "Trường THPT Nguyễn Trãi", "Thành phố Hà Nội", "Quận Thanh Xuân",
                        "Số 12 phố Khương Hạ, phường Khương Đình"),
                "2024-2025",
                className,
                grade,
                new StudentInfo("0123456789", name, "Nam", "28/09/2013", "Kinh",
                        "Bệnh viện Phụ sản Hà Nội, quận Đống Đa, thành phố Hà Nội",
                        "Số 45 ngõ 120 đường Trường Chinh, phường Phương Mai, quận Đống Đa, thành phố Hà Nội",
                        "Nguyễn Văn Bình", "Lê Thị Thanh Hương", "125/2024"),
                subjects,
                new Summary("Tốt", "Tốt", "Tốt", "Khá", "Tốt", "Tốt", "2", "1", "3", "Được lên lớp",
                        "Học sinh Giỏi",
                        "Em chăm ngoan, lễ phép, có ý thức tự giác trong học tập; tích cực tham gia các hoạt "
                                + "động của lớp và của trường. Cần phát huy hơn nữa khả năng tự học môn Ngữ văn.",
                        1, List.of("Toán")),
                "Phạm Thị Thu Hương",
                "Nguyễn Quốc Khánh",
                RENDERED_AT);
    }
}
