package vn.hocba.archive.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import vn.hocba.archive.school.DatasetReader;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolDirectory.StudentYear;
import vn.hocba.archive.school.SchoolYearDataset;

/**
 * The demo school's classes as {@link SchoolDirectory} would answer them after importing the demo
 * dataset (same subject filter, mark strings, conduct and days absent), without a database.
 */
final class DemoClasses {

    static final UUID LOOKUP_CODE = UUID.fromString("5b2e7c14-93d1-4a6f-8e0b-71c4d2a9f356");
    static final Instant RENDERED_AT = Instant.parse("2025-05-31T03:15:00Z");
    static final SchoolYearDataset DATA = read();

    private DemoClasses() {
    }

    private static SchoolYearDataset read() {
        try (InputStream in = DemoClasses.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            return new DatasetReader(Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC))
                    .read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SchoolDirectory.School school() {
        var s = DATA.school();
        return new SchoolDirectory.School(s.code(), s.name(), s.level(), s.province(), s.district(), s.address());
    }

    static List<String> classCodes() {
        return DATA.classes().stream().map(SchoolYearDataset.SchoolClass::code).toList();
    }

    /** Every student's year of the class, ordered by id like {@link SchoolDirectory#studentsOfClass}. */
    static List<StudentYear> classYear(String classCode) {
        var c = DATA.classes().stream().filter(x -> x.code().equals(classCode)).findFirst().orElseThrow();
        var schoolClass = new SchoolDirectory.SchoolClass(c.code(), c.grade(), c.homeroomTeacher(), c.subjectTeachers());
        var subjects = DATA.subjects().stream()
                .map(s -> new SchoolDirectory.Subject(s.code(), s.name(), "COMMENT".equals(s.assessment()),
                        new TreeMap<>(s.periodsPerYear())))
                .filter(s -> s.periodsPerYear().containsKey(c.grade()))
                .toList();
        Map<String, SchoolDirectory.StaffMember> staff = new LinkedHashMap<>();
        DATA.staff().forEach(m -> staff.put(m.id(), new SchoolDirectory.StaffMember(DATA.school().code(), m.id(),
                m.fullName(), m.roles())));
        List<StudentYear> years = new ArrayList<>();
        DATA.students().stream().filter(s -> s.classCode().equals(classCode))
                .sorted(Comparator.comparing(SchoolYearDataset.Student::id))
                .forEach(s -> {
                    var student = new SchoolDirectory.Student(s.id(), s.fullName(), s.sex(), s.dateOfBirth(),
                            s.ethnicity(), s.placeOfBirth(), s.address(), s.father(), s.mother(), s.classCode(),
                            s.enrolmentNo());
                    var assessments = DATA.assessments().stream().filter(a -> a.student().equals(s.id()))
                            .map(a -> new SchoolDirectory.AssessmentRow(a.subject(), a.term(), a.regular(),
                                    a.midterm(), a.finalMark()))
                            .toList();
                    Map<Integer, String> conduct = new LinkedHashMap<>();
                    DATA.conduct().stream().filter(x -> x.student().equals(s.id()))
                            .forEach(x -> conduct.put(x.term(), x.level()));
                    Map<Integer, Integer> absent = new LinkedHashMap<>();
                    DATA.attendance().stream().filter(x -> x.student().equals(s.id()))
                            .forEach(x -> absent.put(x.term(), x.excusedDays() + x.unexcusedDays()));
                    String comment = DATA.comments().stream().filter(x -> x.student().equals(s.id()))
                            .map(SchoolYearDataset.Comment::homeroom).findFirst().orElse(null);
                    years.add(new StudentYear(DATA.school().code(), DATA.schoolYear(), student, schoolClass, staff,
                            subjects, assessments, conduct, absent, comment));
                });
        return years;
    }

    /** The class's years with one student's marks of one subject and term taken away (an incomplete term). */
    static List<StudentYear> withoutFinalMark(List<StudentYear> years, int index, String subject, int term) {
        List<StudentYear> changed = new ArrayList<>(years);
        StudentYear y = years.get(index);
        var assessments = y.assessments().stream()
                .map(a -> a.subject().equals(subject) && a.term() == term
                        ? new SchoolDirectory.AssessmentRow(a.subject(), a.term(), a.regular(), a.midterm(), null)
                        : a)
                .toList();
        changed.set(index, new StudentYear(y.schoolCode(), y.schoolYear(), y.student(), y.schoolClass(), y.staff(),
                y.subjects(), assessments, y.conduct(), y.daysAbsent(), y.homeroomComment()));
        return changed;
    }

    static SubjectGradebookView subjectView(String classCode, String subject, GradebookPeriod period) {
        return GradebookRendering.subjectView(LOOKUP_CODE, 1, school(), classYear(classCode), subject, period,
                RENDERED_AT);
    }

    static ClassSummaryView summaryView(String classCode, GradebookPeriod period) {
        return GradebookRendering.summaryView(LOOKUP_CODE, 1, school(), classYear(classCode), period, RENDERED_AT);
    }
}
