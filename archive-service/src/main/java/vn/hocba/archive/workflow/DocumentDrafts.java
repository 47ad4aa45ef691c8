package vn.hocba.archive.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.rendering.GradebookRendering;
import vn.hocba.archive.rendering.RecordRendering;
import vn.hocba.archive.rendering.RenderedRecord;
import vn.hocba.archive.rendering.Reissue;
import vn.hocba.archive.rendering.SignatureSlot;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.signing.SignatureBox;

/**
 * What differs per document type, and only that: which data a document prints (rendered by the rendering feature) and
 * who signs it in which box. Everything else (storing, turns, signing, archiving, reissuing) is the workflow's, the
 * same for every type.
 */
@Component
class DocumentDrafts {

    private final SchoolDirectory directory;
    private final RecordRendering records;
    private final GradebookRendering gradebooks;

    DocumentDrafts(SchoolDirectory directory, RecordRendering records, GradebookRendering gradebooks) {
        this.directory = directory;
        this.records = records;
        this.gradebooks = gradebooks;
    }

    /** A rendered version, the plan of its signatures in the boxes the renderer drew, and the text it drew. */
    record Draft(byte[] pdf, SigningPlan plan, String text) {
    }

    /**
     * Refuses a key whose data does not exist: 404 for an unknown student, class or a subject the class does not
     * learn.
     */
    void requireExists(DocumentKey key) {
        var schoolClass = directory.schoolClass(key.school(), key.schoolYear(), key.classCode())
                .orElseThrow(() -> new NotFoundException("class " + key.classCode() + " in " + key.schoolYear(),
                        "lớp " + key.classCode() + " năm học " + key.schoolYear()));
        if (key.subject() != null && !schoolClass.subjectTeachers().containsKey(key.subject())) {
            throw new NotFoundException("subject " + key.subject() + " of class " + key.classCode(),
                    "môn " + key.subject() + " của lớp " + key.classCode());
        }
    }

    /** Renders version {@code version} of {@code key} under {@code lookupCode} and plans its signatures. */
    Draft draft(DocumentKey key, UUID lookupCode, int version, Instant at, Reissue reissue) {
        String school = key.school();
        String year = key.schoolYear();
        var schoolClass = directory.schoolClass(school, year, key.classCode()).orElseThrow();
        Map<String, SchoolDirectory.StaffMember> staff = new LinkedHashMap<>();
        directory.staff(school, year).forEach(m -> staff.put(m.id(), m));
        var principal = staff.values().stream().filter(m -> m.hasRole(vn.hocba.archive.common.StaffRole.PRINCIPAL)).findFirst()
                .orElseThrow(() -> new WorkflowConflictException("no-principal",
                        "the school has no principal in " + year + " to countersign",
                        "trường chưa có hiệu trưởng trong năm học " + year + " để ký duyệt", List.of()));
        RenderedRecord rendered;
        Map<String, List<String>> subjectsByTeacher = new LinkedHashMap<>();
        switch (key.type()) {
            case STUDENT_RECORD -> {
                var data = directory.studentYear(school, year, key.student())
                        .orElseThrow(() -> new NotFoundException("student " + key.student() + " in " + year,
                                "học sinh " + key.student() + " năm học " + year));
                rendered = records.render(lookupCode, version, data, at, reissue);
                schoolClass.subjectTeachers().forEach((subject, teacher) -> {
                    if (data.subjects().stream().anyMatch(s -> s.code().equals(subject))) {
                        subjectsByTeacher.computeIfAbsent(teacher, k -> new ArrayList<>()).add(subject);
                    }
                });
            }
            case CLASS_GRADEBOOK -> {
                rendered = gradebooks.renderSubjectGradebook(lookupCode, version, school, year, key.classCode(),
                        key.subject(), key.period(), at, reissue);
                subjectsByTeacher.put(schoolClass.subjectTeachers().get(key.subject()), List.of(key.subject()));
            }
            case CLASS_SUMMARY -> rendered = gradebooks.renderClassSummary(lookupCode, version, school, year,
                    key.classCode(), key.period(), at, reissue);
            default -> throw new IllegalStateException("unknown document type " + key.type());
        }
        List<SigningStep> steps = new ArrayList<>();
        subjectsByTeacher.forEach((teacher, subjects) -> steps.add(step(teacher, SignerRole.SUBJECT_TEACHER,
                SignatureSlot.subject(subjects.get(0)), subjects, staff, rendered)));
        steps.add(step(schoolClass.homeroomTeacher(), SignerRole.HOMEROOM_TEACHER, SignatureSlot.HOMEROOM, List.of(), staff,
                rendered));
        steps.add(step(principal.id(), SignerRole.PRINCIPAL, SignatureSlot.PRINCIPAL, List.of(), staff, rendered));
        SigningPlan plan = new SigningPlan(steps);
        key.type().sequence().requireValid(plan);
        return new Draft(rendered.pdf(), plan, rendered.text());
    }

    /** The Vietnamese title of a class document, as the search lists it (the student's name for a record). */
    String title(DocumentKey key, String subjectName) {
        return switch (key.type()) {
            case STUDENT_RECORD -> directory.student(key.school(), key.schoolYear(), key.student())
                    .map(SchoolDirectory.Student::fullName).orElse(key.student());
            case CLASS_GRADEBOOK -> "Sổ theo dõi và đánh giá học sinh – " + subjectName + " – Lớp " + key.classCode()
                    + " – " + key.period().label();
            case CLASS_SUMMARY -> "Tổng hợp kết quả đánh giá – Lớp " + key.classCode() + " – " + key.period().label();
        };
    }

    private static SigningStep step(String staffId, SignerRole role, SignatureSlot slot, List<String> subjects,
                                    Map<String, SchoolDirectory.StaffMember> staff, RenderedRecord rendered) {
        var member = staff.get(staffId);
        var b = rendered.signatureBoxes().get(slot);
        if (b == null) {
            throw new IllegalStateException("the renderer drew no signature box " + slot);
        }
        return new SigningStep(staffId, role, slot, subjects, member == null ? staffId : member.fullName(),
                new SignatureBox(b.page(), b.x(), b.y(), b.width(), b.height()), null);
    }
}
