package vn.hocba.archive.school;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import vn.hocba.archive.school.SchoolYearDataset.Assessment;
import vn.hocba.archive.school.SchoolYearDataset.Attendance;
import vn.hocba.archive.school.SchoolYearDataset.Comment;
import vn.hocba.archive.school.SchoolYearDataset.Conduct;
import vn.hocba.archive.school.SchoolYearDataset.SchoolClass;
import vn.hocba.archive.school.SchoolYearDataset.Student;

/**
 * Which class-terms two versions of a school year's data differ in (SCHOOL-YEAR-FORMAT.md "Importing into a locked
 * class-term is refused"). A class-term's content is the class itself (grade, homeroom teacher, subject teachers, its
 * students) and, for that term, its students' assessments, conduct and attendance; the homeroom comment is for the
 * year and printed with its results, so it belongs to term 2 (as for homeroom entry, {@link HomeroomEntry}). Plain Java: both versions are given
 * as the dataset's own value types, the stored one read back from the database.
 */
final class ClassTermChanges {

    private ClassTermChanges() {
    }

    /** The data of one school year that class-terms are made of. */
    record YearContent(Collection<SchoolClass> classes, Collection<Student> students, Collection<Assessment> assessments,
                       Collection<Conduct> conduct, Collection<Attendance> attendance, Collection<Comment> comments) {

        YearContent(Collection<SchoolClass> classes, Collection<Student> students, Collection<Assessment> assessments,
                    Collection<Conduct> conduct, Collection<Attendance> attendance) {
            this(classes, students, assessments, conduct, attendance, List.of());
        }

        static YearContent of(SchoolYearDataset d) {
            return new YearContent(d.classes(), d.students(), d.assessments(), d.conduct(), d.attendance(), d.comments());
        }
    }

    /** Those of {@code candidates} whose content differs between {@code before} and {@code after}, in order. */
    static Set<ClassTerm> changed(YearContent before, YearContent after, Collection<ClassTerm> candidates) {
        var was = contents(before);
        var now = contents(after);
        Set<ClassTerm> changed = new TreeSet<>();
        for (ClassTerm ct : candidates) {
            if (!was.getOrDefault(ct, List.of()).equals(now.getOrDefault(ct, List.of()))) {
                changed.add(ct);
            }
        }
        return changed;
    }

    /** Each class-term's content as sorted lines, so that the order of a dataset's arrays never counts as a change. */
    static Map<ClassTerm, List<String>> contents(YearContent y) {
        Map<ClassTerm, Set<String>> lines = new TreeMap<>();
        Map<String, String> classOf = new HashMap<>();
        for (Student s : y.students()) {
            classOf.put(s.id(), s.classCode());
        }
        for (SchoolClass c : y.classes()) {
            String line = "class|" + c.code() + "|" + c.grade() + "|" + c.homeroomTeacher() + "|" + new TreeMap<>(c.subjectTeachers());
            for (int term = 1; term <= 2; term++) {
                add(lines, c.code(), term, line);
            }
        }
        for (Student s : y.students()) {
            for (int term = 1; term <= 2; term++) {
                add(lines, s.classCode(), term, "student|" + s.id());
            }
        }
        for (Assessment a : y.assessments()) {
            add(lines, classOf.get(a.student()), a.term(), "assessment|" + a.student() + "|" + a.subject() + "|"
                    + RegularMarks.join(a.regular()) + "|" + a.midterm() + "|" + a.finalMark());
        }
        for (Conduct c : y.conduct()) {
            add(lines, classOf.get(c.student()), c.term(), "conduct|" + c.student() + "|" + c.level());
        }
        for (Attendance a : y.attendance()) {
            add(lines, classOf.get(a.student()), a.term(),
                    "attendance|" + a.student() + "|" + a.excusedDays() + "|" + a.unexcusedDays());
        }
        for (Comment c : y.comments()) {
            if (c.homeroom() != null) {
                add(lines, classOf.get(c.student()), HomeroomEntry.COMMENT_TERM, "comment|" + c.student() + "|" + c.homeroom());
            }
        }
        Map<ClassTerm, List<String>> out = new TreeMap<>();
        lines.forEach((ct, set) -> out.put(ct, new ArrayList<>(set)));
        return out;
    }

    private static void add(Map<ClassTerm, Set<String>> lines, String classCode, int term, String line) {
        if (classCode != null && (term == 1 || term == 2)) {
            lines.computeIfAbsent(new ClassTerm(classCode, term), k -> new TreeSet<>()).add(line);
        }
    }
}
