package vn.hocba.archive.rendering;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.grading.Level;
import vn.hocba.archive.grading.PeriodLevels;
import vn.hocba.archive.grading.StudentYearResult;
import vn.hocba.archive.grading.SubjectGrade;
import vn.hocba.archive.results.StudentResults;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolDirectory.StudentYear;

/** Turns a student's year (data and computed results) into the PDF/A student record. */
@Service
public class RecordRendering {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final StudentRecordRenderer renderer;
    private final SchoolDirectory directory;

    RecordRendering(SchoolDirectory directory,
                    @Value("${hocba.public-base-url:" + VerifyCode.DEFAULT_BASE_URL + "}") String publicBaseUrl) {
        this.directory = directory;
        this.renderer = new StudentRecordRenderer(publicBaseUrl);
    }

    public RenderedRecord render(UUID lookupCode, int version, StudentYear data, Instant renderedAt) {
        return render(lookupCode, version, data, renderedAt, Reissue.NONE);
    }

    /** A version of the record that may replace another and carry corrections ({@link Reissue}). */
    public RenderedRecord render(UUID lookupCode, int version, StudentYear data, Instant renderedAt, Reissue reissue) {
        return renderer.render(view(lookupCode, version, data.schoolCode(), data, StudentResults.evaluate(data), renderedAt,
                reissue));
    }

    StudentRecordView view(UUID lookupCode, int version, String schoolCode, StudentYear data, StudentYearResult result,
                           Instant renderedAt) {
        return view(lookupCode, version, schoolCode, data, result, renderedAt, Reissue.NONE);
    }

    StudentRecordView view(UUID lookupCode, int version, String schoolCode, StudentYear data, StudentYearResult result,
                           Instant renderedAt, Reissue reissue) {
        var school = directory.school(schoolCode).orElseThrow();
        String year = data.schoolYear();
        var s = data.student();
        List<StudentRecordView.SubjectRow> rows = new ArrayList<>();
        for (var subject : data.subjects()) {
            var r = result.subjects().stream().filter(x -> x.code().equals(subject.code())).findFirst().orElseThrow();
            String teacher = data.schoolClass().subjectTeachers().get(subject.code());
            rows.add(new StudentRecordView.SubjectRow(subject.code(), subject.name(), show(r.term1()), show(r.term2()),
                    show(r.year()), "", name(data, teacher)));
        }
        var summary = new StudentRecordView.Summary(
                level(result.conduct(), 1), level(result.conduct(), 2), level(result.conduct(), 3),
                level(result.learning(), 1), level(result.learning(), 2), level(result.learning(), 3),
                days(data, 1), days(data, 2), Integer.toString(result.daysAbsent()),
                promotion(result), title(result), data.homeroomComment() == null ? "" : data.homeroomComment(), reissue.corrections(),
                reissue.correctedSubjects());
        String principal = data.staff().values().stream().filter(m -> m.hasRole(StaffRole.PRINCIPAL)).findFirst()
                .map(SchoolDirectory.StaffMember::fullName).orElse("");
        return new StudentRecordView(lookupCode.toString(), version,
                new StudentRecordView.SchoolInfo(school.name(), nz(school.province()), nz(school.district()), nz(school.address())),
                year, s.classCode(), data.schoolClass().grade(),
                new StudentRecordView.StudentInfo(s.id(), s.fullName(), "NU".equals(s.sex()) ? "Nữ" : "Nam",
                        DATE.format(s.dateOfBirth()), nz(s.ethnicity()), nz(s.placeOfBirth()), nz(s.address()),
                        nz(s.father()), nz(s.mother()), nz(s.enrolmentNo())),
                rows, summary, name(data, data.schoolClass().homeroomTeacher()), principal, renderedAt, reissue);
    }

    private static String name(StudentYear data, String staffId) {
        var member = staffId == null ? null : data.staff().get(staffId);
        return member == null ? (staffId == null ? "" : staffId) : member.fullName();
    }

    static String show(SubjectGrade grade) {
        if (grade == null) {
            return "";
        }
        Object v = SubjectGrade.jsonValueOf(grade);
        if ("D".equals(v)) {
            return "Đ";
        }
        if ("CD".equals(v)) {
            return "CĐ";
        }
        return v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    static String level(PeriodLevels levels, int which) {
        Level l = levels == null ? null : switch (which) {
            case 1 -> levels.term1();
            case 2 -> levels.term2();
            default -> levels.year();
        };
        if (l == null) {
            return "—";
        }
        return switch (l) {
            case TOT -> "Tốt";
            case KHA -> "Khá";
            case DAT -> "Đạt";
            case CHUA_DAT -> "Chưa đạt";
        };
    }

    private static String days(StudentYear data, int term) {
        Integer d = data.daysAbsent().get(term);
        return d == null ? "—" : d.toString();
    }

    private static String promotion(StudentYearResult r) {
        if (r.promotion() == null) {
            return "Chưa đủ dữ liệu để xét";
        }
        return switch (r.promotion().outcome()) {
            case PROMOTED -> "Được lên lớp";
            case RETEST -> "Kiểm tra lại: " + String.join(", ", r.promotion().retestSubjects());
            case CONDUCT_TRAINING -> "Rèn luyện trong kì nghỉ hè";
            case REPEAT_YEAR -> "Ở lại lớp";
        };
    }

    static String title(StudentYearResult r) {
        if (r.title() == null) {
            return "";
        }
        return switch (r.title()) {
            case XUAT_SAC -> "Học sinh Xuất sắc";
            case GIOI -> "Học sinh Giỏi";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
