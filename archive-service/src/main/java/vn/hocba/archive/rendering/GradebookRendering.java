package vn.hocba.archive.rendering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.grading.AssessmentKind;
import vn.hocba.archive.grading.Mark;
import vn.hocba.archive.grading.RequiredAssessments;
import vn.hocba.archive.grading.StudentYearResult;
import vn.hocba.archive.grading.SubjectResult;
import vn.hocba.archive.results.StudentResults;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolDirectory.StudentYear;

/**
 * Turns a class's data into its gradebooks: a subject's sổ theo dõi và đánh giá học sinh and the
 * class summary book, for one period. Every average, level and decision comes from the grading
 * engine through {@link StudentResults#evaluate}, exactly as on the student record; marks are
 * printed as stored, and whatever the engine cannot compute yet prints as "—".
 */
@Service
public class GradebookRendering {

    static final String MISSING = "—";

    private final GradebookRenderer renderer;
    private final SchoolDirectory directory;

    GradebookRendering(SchoolDirectory directory,
                       @Value("${hocba.public-base-url:" + VerifyCode.DEFAULT_BASE_URL + "}") String publicBaseUrl) {
        this.directory = directory;
        this.renderer = new GradebookRenderer(publicBaseUrl);
    }

    /** A subject's gradebook of one class for TERM1, TERM2 or YEAR. */
    public RenderedRecord renderSubjectGradebook(UUID lookupCode, int version, String school, String year,
                                                 String classCode, String subjectCode, GradebookPeriod period,
                                                 Instant renderedAt) {
        return renderSubjectGradebook(lookupCode, version, school, year, classCode, subjectCode, period, renderedAt,
                Reissue.NONE);
    }

    /** As above, for a version that may replace another and carry corrections ({@link Reissue}). */
    public RenderedRecord renderSubjectGradebook(UUID lookupCode, int version, String school, String year,
                                                 String classCode, String subjectCode, GradebookPeriod period,
                                                 Instant renderedAt, Reissue reissue) {
        var view = subjectView(lookupCode, version, directory.school(school).orElseThrow(),
                classYear(school, year, classCode), subjectCode, period, renderedAt);
        return renderer.render(withReissue(view, reissue));
    }

    private static SubjectGradebookView withReissue(SubjectGradebookView v, Reissue reissue) {
        return new SubjectGradebookView(v.lookupCode(), v.version(), v.school(), v.schoolYear(), v.className(), v.grade(),
                v.subjectCode(), v.subjectName(), v.commentOnly(), v.period(), v.regularColumns(), v.rows(),
                v.subjectTeacherName(), v.homeroomTeacherName(), v.principalName(), v.renderedAt(), reissue);
    }

    private static ClassSummaryView withReissue(ClassSummaryView v, Reissue reissue) {
        return new ClassSummaryView(v.lookupCode(), v.version(), v.school(), v.schoolYear(), v.className(), v.grade(),
                v.period(), v.subjects(), v.rows(), v.homeroomTeacherName(), v.principalName(), v.renderedAt(), reissue);
    }

    /** The class summary book of one class for TERM1, TERM2 or YEAR. */
    public RenderedRecord renderClassSummary(UUID lookupCode, int version, String school, String year,
                                             String classCode, GradebookPeriod period, Instant renderedAt) {
        return renderClassSummary(lookupCode, version, school, year, classCode, period, renderedAt, Reissue.NONE);
    }

    /** As above, for a version that may replace another and carry corrections ({@link Reissue}). */
    public RenderedRecord renderClassSummary(UUID lookupCode, int version, String school, String year,
                                             String classCode, GradebookPeriod period, Instant renderedAt,
                                             Reissue reissue) {
        return renderer.render(withReissue(summaryView(lookupCode, version, directory.school(school).orElseThrow(),
                classYear(school, year, classCode), period, renderedAt), reissue));
    }

    /** Every student's year of the class, in the directory's order. */
    List<StudentYear> classYear(String school, String year, String classCode) {
        List<StudentYear> students = directory.classYear(school, year, classCode);
        if (students.isEmpty()) {
            throw new IllegalArgumentException("class " + classCode + " of " + school + " " + year + " has no students");
        }
        return students;
    }

    static SubjectGradebookView subjectView(UUID lookupCode, int version, SchoolDirectory.School school,
                                            List<StudentYear> students, String subjectCode, GradebookPeriod period,
                                            Instant renderedAt) {
        StudentYear first = students.get(0);
        int grade = first.schoolClass().grade();
        SchoolDirectory.Subject subject = first.subjects().stream().filter(s -> s.code().equals(subjectCode))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("grade " + grade + " has no subject " + subjectCode));
        AssessmentKind kind = subject.comment() ? AssessmentKind.COMMENT : AssessmentKind.SCORED;
        int columns = RequiredAssessments.regularCount(kind, subject.periodsPerYear().get(grade));
        List<SubjectGradebookView.Row> rows = new ArrayList<>();
        int number = 1;
        for (StudentYear data : students) {
            SubjectResult result = StudentResults.evaluate(data).subjects().stream()
                    .filter(r -> r.code().equals(subjectCode)).findFirst().orElseThrow();
            var marks = period.isTerm() ? data.assessments().stream()
                    .filter(a -> a.subject().equals(subjectCode) && a.term() == period.term())
                    .findFirst().orElse(null) : null;
            List<String> regular = marks == null ? List.of() : marks.regular().stream().map(GradebookRendering::mark).toList();
            columns = Math.max(columns, regular.size());
            rows.add(new SubjectGradebookView.Row(number++, data.student().id(), data.student().fullName(), regular,
                    marks == null ? "" : mark(marks.midterm()), marks == null ? "" : mark(marks.finalMark()),
                    orMissing(RecordRendering.show(result.term1())), orMissing(RecordRendering.show(result.term2())),
                    orMissing(RecordRendering.show(result.year()))));
        }
        return new SubjectGradebookView(lookupCode.toString(), version, schoolInfo(school), first.schoolYear(),
                first.schoolClass().code(), grade, subjectCode, subject.name(), subject.comment(), period, columns,
                rows, name(first, first.schoolClass().subjectTeachers().get(subjectCode)),
                name(first, first.schoolClass().homeroomTeacher()), principal(first), renderedAt);
    }

    static ClassSummaryView summaryView(UUID lookupCode, int version, SchoolDirectory.School school,
                                        List<StudentYear> students, GradebookPeriod period, Instant renderedAt) {
        StudentYear first = students.get(0);
        List<ClassSummaryView.SubjectColumn> subjects = first.subjects().stream()
                .map(s -> new ClassSummaryView.SubjectColumn(s.code(), s.name())).toList();
        int which = period.isTerm() ? period.term() : 3;
        List<ClassSummaryView.Row> rows = new ArrayList<>();
        int number = 1;
        for (StudentYear data : students) {
            StudentYearResult result = StudentResults.evaluate(data);
            List<String> results = new ArrayList<>();
            for (var subject : subjects) {
                SubjectResult r = result.subjects().stream().filter(x -> x.code().equals(subject.code()))
                        .findFirst().orElse(null);
                results.add(r == null ? MISSING : orMissing(RecordRendering.show(switch (period) {
                    case TERM1 -> r.term1();
                    case TERM2 -> r.term2();
                    case YEAR -> r.year();
                })));
            }
            String days = period.isTerm() ? daysAbsent(data.daysAbsent(), period.term())
                    : Integer.toString(result.daysAbsent());
            rows.add(new ClassSummaryView.Row(number++, data.student().id(), data.student().fullName(), results,
                    RecordRendering.level(result.learning(), which), RecordRendering.level(result.conduct(), which),
                    days, period.isTerm() ? "" : promotion(result, subjects),
                    period.isTerm() ? "" : RecordRendering.title(result)));
        }
        return new ClassSummaryView(lookupCode.toString(), version, schoolInfo(school), first.schoolYear(),
                first.schoolClass().code(), first.schoolClass().grade(), period, subjects, rows,
                name(first, first.schoolClass().homeroomTeacher()), principal(first), renderedAt);
    }

    /** A stored mark as the engine reads it: "7" prints "7.0", Đ and CĐ as they are. */
    private static String mark(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        Mark mark = Mark.parse(stored);
        return mark instanceof Mark.Score score ? score.value().toPlainString() : ((Mark.Comment) mark).value().importSymbol();
    }

    private static String daysAbsent(Map<Integer, Integer> days, int term) {
        Integer d = days.get(term);
        return d == null ? MISSING : d.toString();
    }

    private static String promotion(StudentYearResult r, List<ClassSummaryView.SubjectColumn> subjects) {
        if (r.promotion() == null) {
            return MISSING;
        }
        return switch (r.promotion().outcome()) {
            case PROMOTED -> "Được lên lớp";
            case RETEST -> "Kiểm tra lại: " + String.join(", ", r.promotion().retestSubjects().stream()
                    .map(code -> subjects.stream().filter(s -> s.code().equals(code)).findFirst()
                            .map(ClassSummaryView.SubjectColumn::name).orElse(code))
                    .toList());
            case CONDUCT_TRAINING -> "Rèn luyện trong kì nghỉ hè";
            case REPEAT_YEAR -> "Ở lại lớp";
        };
    }

    private static String orMissing(String value) {
        return value.isEmpty() ? MISSING : value;
    }

    private static StudentRecordView.SchoolInfo schoolInfo(SchoolDirectory.School school) {
        return new StudentRecordView.SchoolInfo(school.name(), nz(school.province()), nz(school.district()),
                nz(school.address()));
    }

    private static String name(StudentYear data, String staffId) {
        var member = staffId == null ? null : data.staff().get(staffId);
        return member == null ? (staffId == null ? "" : staffId) : member.fullName();
    }

    private static String principal(StudentYear data) {
        return data.staff().values().stream().filter(m -> m.hasRole(StaffRole.PRINCIPAL)).findFirst()
                .map(SchoolDirectory.StaffMember::fullName).orElse("");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
