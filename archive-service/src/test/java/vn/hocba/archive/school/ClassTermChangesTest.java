package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hocba.archive.school.ClassTermChanges.YearContent;
import vn.hocba.archive.school.SchoolYearDataset.Assessment;
import vn.hocba.archive.school.SchoolYearDataset.Attendance;
import vn.hocba.archive.school.SchoolYearDataset.Conduct;
import vn.hocba.archive.school.SchoolYearDataset.SchoolClass;
import vn.hocba.archive.school.SchoolYearDataset.Student;

class ClassTermChangesTest {

    private static final List<ClassTerm> ALL = List.of(new ClassTerm("6A", 1), new ClassTerm("6A", 2),
            new ClassTerm("6B", 1), new ClassTerm("6B", 2));

    private static Student student(String id, String classCode) {
        return new Student(id, "Tên " + id, "NAM", null, null, null, null, null, null, classCode, null, null);
    }

    private static YearContent year(List<Assessment> assessments, List<Conduct> conduct) {
        return new YearContent(
                List.of(new SchoolClass("6A", 6, "GV1", Map.of("TOAN", "GV2")), new SchoolClass("6B", 6, "GV3", Map.of("TOAN", "GV2"))),
                List.of(student("HS1", "6A"), student("HS2", "6B")),
                assessments, conduct, List.of(new Attendance("HS1", 1, 0, 1)));
    }

    private static final List<Assessment> MARKS = List.of(
            new Assessment("HS1", "TOAN", 1, List.of("8.0", "7.5"), "7.0", "8.5"),
            new Assessment("HS1", "TOAN", 2, List.of("6.0"), "6.0", "6.0"),
            new Assessment("HS2", "TOAN", 1, List.of("9.0"), "9.0", "9.0"));

    @Test
    void theSameDataInAnotherOrderChangesNothing() {
        var reordered = new ArrayList<>(MARKS);
        java.util.Collections.reverse(reordered);
        assertThat(ClassTermChanges.changed(year(MARKS, List.of()), year(reordered, List.of()), ALL)).isEmpty();
    }

    @Test
    void aChangedMarkChangesOnlyItsStudentsClassAndTerm() {
        var changed = new ArrayList<>(MARKS);
        changed.set(0, new Assessment("HS1", "TOAN", 1, List.of("8.0", "7.5"), "7.0", "9.0"));
        assertThat(ClassTermChanges.changed(year(MARKS, List.of()), year(changed, List.of()), ALL))
                .containsExactly(new ClassTerm("6A", 1));
    }

    @Test
    void conductOfATermCountsForThatTermOnly() {
        assertThat(ClassTermChanges.changed(year(MARKS, List.of()), year(MARKS, List.of(new Conduct("HS2", 2, "TOT"))), ALL))
                .containsExactly(new ClassTerm("6B", 2));
    }

    @Test
    void theHomeroomCommentIsForTheYearAndCountsForTermTwo() {
        var before = year(MARKS, List.of());
        var commented = new YearContent(before.classes(), before.students(), before.assessments(), before.conduct(),
                before.attendance(), List.of(new SchoolYearDataset.Comment("HS1", "Chăm ngoan", Map.of())));
        assertThat(ClassTermChanges.changed(before, commented, ALL)).containsExactly(new ClassTerm("6A", 2));
    }

    @Test
    void aChangeToTheClassItselfChangesBothItsTerms() {
        var before = year(MARKS, List.of());
        var moved = new YearContent(before.classes(), List.of(student("HS1", "6A"), student("HS2", "6A")),
                List.of(), List.of(), before.attendance());
        assertThat(ClassTermChanges.changed(before, moved, ALL)).containsAll(ALL);
        var newTeacher = new YearContent(List.of(new SchoolClass("6A", 6, "GV9", Map.of("TOAN", "GV2")),
                new SchoolClass("6B", 6, "GV3", Map.of("TOAN", "GV2"))), before.students(), before.assessments(),
                before.conduct(), before.attendance());
        assertThat(ClassTermChanges.changed(before, newTeacher, ALL))
                .containsExactly(new ClassTerm("6A", 1), new ClassTerm("6A", 2));
    }

    @Test
    void onlyTheCandidatesAreAnswered() {
        var changed = new ArrayList<>(MARKS);
        changed.remove(2);
        assertThat(ClassTermChanges.changed(year(MARKS, List.of()), year(changed, List.of()), Set.of(new ClassTerm("6A", 1))))
                .isEmpty();
    }
}
