package vn.hocba.archive.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.grading.AssessmentKind;
import vn.hocba.archive.grading.RequiredAssessments;
import vn.hocba.archive.results.ClassEntrants;
import vn.hocba.archive.results.MarkPreview;
import vn.hocba.archive.results.StudentResults;
import vn.hocba.archive.school.ClassTermLocks;
import vn.hocba.archive.school.HomeroomEntry;
import vn.hocba.archive.school.MarkEntry;
import vn.hocba.archive.school.SchoolDirectory;

/**
 * The entry pages (issue 14): a subject teacher's mark grid per class-subject-term with the averages the server's
 * grading engine computes while they type; the homeroom teacher's conduct, attendance and comment page; the
 * principal's lock page. The pages sign in with the login form's session (the API takes HTTP Basic only), so they
 * have their own endpoints here, CSRF-checked, calling the very services and checks the API calls.
 */
@Controller
class EntryPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLASS = "/schools/{school}/years/{year}/classes/{classCode}";
    private static final String MARKS = CLASS + "/subjects/{subject}/terms/{term}/marks";

    private final SchoolDirectory directory;
    private final ClassEntrants entrants;
    private final MarkEntry marks;
    private final MarkPreview preview;
    private final HomeroomEntry homeroom;
    private final ClassTermLocks locks;

    EntryPages(SchoolDirectory directory, ClassEntrants entrants, MarkEntry marks, MarkPreview preview,
               HomeroomEntry homeroom, ClassTermLocks locks) {
        this.directory = directory;
        this.entrants = entrants;
        this.marks = marks;
        this.preview = preview;
        this.homeroom = homeroom;
        this.locks = locks;
    }

    /** Who is signed in, for the page header (layout.html). */
    public static final class SignedIn {
        private final String username;
        private final String fullName;

        SignedIn(String username, String fullName) {
            this.username = username;
            this.fullName = fullName;
        }

        public String getUsername() {
            return username;
        }

        public String fullName() {
            return fullName;
        }
    }

    @ModelAttribute("user")
    SignedIn user(Caller caller) {
        if (caller == null) {
            return null;
        }
        String name = caller.staffId() == null ? caller.username()
                : directory.staffByYear(caller.school(), caller.staffId()).values().stream().findFirst()
                        .map(SchoolDirectory.StaffMember::fullName).orElse(caller.username());
        return new SignedIn(caller.username(), name);
    }

    /** What the caller enters: their class-subjects, the classes they are homeroom teacher of, the lock page. */
    @GetMapping("/entry")
    @Allowed(Access.OWN_WORK)
    String entry(Caller caller, Model model) {
        List<Map<String, Object>> years = new ArrayList<>();
        if (caller != null && caller.staffId() != null) {
            for (var y : directory.schoolYears()) {
                if (!caller.isStaffOf(y.school())) {
                    continue;
                }
                var me = directory.staff(y.school(), y.schoolYear(), caller.staffId());
                if (me.isEmpty()) {
                    continue; // roles hold per school year
                }
                var subjects = new LinkedHashMap<String, String>();
                directory.subjects(y.school(), y.schoolYear()).forEach(s -> subjects.put(s.code(), s.name()));
                List<Map<String, Object>> taught = new ArrayList<>();
                List<String> homeroomOf = new ArrayList<>();
                for (var c : directory.classes(y.school(), y.schoolYear())) {
                    c.subjectTeachers().forEach((subject, teacher) -> {
                        if (teacher.equals(caller.staffId())) {
                            taught.add(Map.of("classCode", c.code(), "subject", subject,
                                    "subjectName", subjects.getOrDefault(subject, subject)));
                        }
                    });
                    if (caller.staffId().equals(c.homeroomTeacher())) {
                        homeroomOf.add(c.code());
                    }
                }
                var year = new LinkedHashMap<String, Object>();
                year.put("school", y.school());
                year.put("schoolName", y.schoolName());
                year.put("year", y.schoolYear());
                year.put("taught", taught);
                year.put("homeroomOf", homeroomOf);
                year.put("principal", me.get().hasRole(vn.hocba.archive.common.StaffRole.PRINCIPAL));
                years.add(year);
            }
        }
        model.addAttribute("years", years);
        return "entry";
    }

    // ---- the mark grid of one class-subject-term ----

    @GetMapping(MARKS)
    @Allowed(Access.ENTER_MARKS)
    String markGrid(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                    @PathVariable String subject, @PathVariable int term, Caller caller, Model model) {
        var schoolClass = entrants.requireSubjectTeacher(caller, school, year, classCode, subject);
        var subj = directory.subjects(school, year).stream()
                .filter(s -> s.code().equals(subject) && s.periodsPerYear().containsKey(schoolClass.grade()))
                .findFirst().filter(s -> term == 1 || term == 2)
                .orElseThrow(() -> new NotFoundException("subject " + subject + ", term " + term + " of class " + classCode,
                        "môn " + subject + ", học kì " + term + " của lớp " + classCode));
        int required = RequiredAssessments.regularCount(subj.comment() ? AssessmentKind.COMMENT : AssessmentKind.SCORED,
                subj.periodsPerYear().get(schoolClass.grade()));
        List<Map<String, Object>> rows = new ArrayList<>();
        int columns = required;
        for (var s : directory.studentsOfClass(school, year, classCode)) {
            var data = directory.studentYear(school, year, s.id()).orElseThrow();
            var stored = data.assessments().stream().filter(a -> a.subject().equals(subject) && a.term() == term)
                    .findFirst().orElse(null);
            var row = new LinkedHashMap<String, Object>();
            row.put("id", s.id());
            row.put("fullName", s.fullName());
            row.put("regular", stored == null ? List.of() : stored.regular());
            row.put("midterm", stored == null ? "" : shown(stored.midterm()));
            row.put("final", stored == null ? "" : shown(stored.finalMark()));
            var result = StudentResults.evaluate(data).subjects().stream().filter(r -> r.code().equals(subject))
                    .findFirst().orElse(null);
            row.put("termResult", result == null ? null : shown(term == 1 ? result.term1() : result.term2()));
            row.put("yearResult", result == null ? null : shown(result.year()));
            columns = Math.max(columns, stored == null ? 0 : stored.regular().size());
            rows.add(row);
        }
        model.addAttribute("school", school);
        model.addAttribute("year", year);
        model.addAttribute("classCode", classCode);
        model.addAttribute("subject", subj);
        model.addAttribute("term", term);
        model.addAttribute("required", required);
        model.addAttribute("columns", columns);
        model.addAttribute("rows", rows);
        model.addAttribute("locked", locks.isLocked(school, year, classCode, term));
        return "marks";
    }

    /** What the grid would give, nothing stored: the grading engine's results of each row (422 with paths if bad). */
    @PostMapping(path = MARKS + "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Allowed(Access.ENTER_MARKS)
    List<Map<String, Object>> previewMarks(@PathVariable String school, @PathVariable String year,
                                           @PathVariable String classCode, @PathVariable String subject,
                                           @PathVariable int term, @RequestBody byte[] sheet, Caller caller) {
        entrants.requireSubjectTeacher(caller, school, year, classCode, subject);
        return preview.preview(school, year, classCode, subject, term, sheet);
    }

    /** Stores the grid as the API does (the same checks, 409 when locked, 422 with paths). */
    @PostMapping(path = MARKS, consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Allowed(Access.ENTER_MARKS)
    List<Map<String, Object>> saveMarks(@PathVariable String school, @PathVariable String year,
                                        @PathVariable String classCode, @PathVariable String subject,
                                        @PathVariable int term, @RequestBody byte[] sheet, Caller caller) {
        entrants.requireSubjectTeacher(caller, school, year, classCode, subject);
        return entrants.results(school, year, marks.enter(school, year, classCode, subject, term, sheet, caller.username()));
    }

    // ---- the homeroom teacher's page ----

    @GetMapping(CLASS + "/homeroom")
    @Allowed(Access.ENTER_HOMEROOM)
    String homeroomPage(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                        @RequestParam(defaultValue = "1") int term, Caller caller, Model model) {
        entrants.requireHomeroomTeacher(caller, school, year, classCode);
        if (term != 1 && term != 2) {
            throw new NotFoundException("term " + term, "học kì " + term);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var s : directory.studentsOfClass(school, year, classCode)) {
            var data = directory.studentYear(school, year, s.id()).orElseThrow();
            var row = new LinkedHashMap<String, Object>();
            row.put("id", s.id());
            row.put("fullName", s.fullName());
            row.put("conduct", data.conduct().get(term));
            int[] days = directory.attendance(school, year, s.id(), term);
            row.put("excused", days == null ? 0 : days[0]);
            row.put("unexcused", days == null ? 0 : days[1]);
            row.put("comment", data.homeroomComment() == null ? "" : data.homeroomComment());
            var result = StudentResults.evaluate(data);
            row.put("yearConduct", result.conduct() == null || result.conduct().year() == null ? null : result.conduct().year().name());
            row.put("complete", result.complete());
            rows.add(row);
        }
        model.addAttribute("school", school);
        model.addAttribute("year", year);
        model.addAttribute("classCode", classCode);
        model.addAttribute("term", term);
        model.addAttribute("rows", rows);
        model.addAttribute("levels", List.of("TOT", "KHA", "DAT", "CHUA_DAT"));
        model.addAttribute("locked", locks.isLocked(school, year, classCode, term));
        model.addAttribute("commentLocked", locks.isLocked(school, year, classCode, HomeroomEntry.COMMENT_TERM));
        return "homeroom";
    }

    @PostMapping(CLASS + "/homeroom/terms/{term}")
    @Allowed(Access.ENTER_HOMEROOM)
    String saveConduct(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                       @PathVariable int term, @RequestParam List<String> student, @RequestParam List<String> conduct,
                       @RequestParam List<String> excused, @RequestParam List<String> unexcused, Caller caller,
                       RedirectAttributes flash) {
        entrants.requireHomeroomTeacher(caller, school, year, classCode);
        ArrayNode sheet = JSON.createArrayNode();
        for (int i = 0; i < student.size(); i++) {
            ObjectNode row = sheet.addObject().put("student", student.get(i));
            String level = i < conduct.size() ? conduct.get(i) : "";
            if (level.isBlank()) {
                row.putNull("conduct");
            } else {
                row.put("conduct", level);
            }
            number(row, "excusedDays", i < excused.size() ? excused.get(i) : "");
            number(row, "unexcusedDays", i < unexcused.size() ? unexcused.get(i) : "");
        }
        act(flash, () -> {
            homeroom.enterTerm(school, year, classCode, term, JSON.writeValueAsBytes(sheet), caller.username());
            return "Đã lưu hạnh kiểm và chuyên cần học kì " + term + " của lớp " + classCode + ".";
        });
        return "redirect:/schools/" + school + "/years/" + year + "/classes/" + classCode + "/homeroom?term=" + term;
    }

    @PostMapping(CLASS + "/homeroom/comments")
    @Allowed(Access.ENTER_HOMEROOM)
    String saveComments(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                        @RequestParam List<String> student, @RequestParam List<String> comment,
                        @RequestParam(defaultValue = "1") int term, Caller caller, RedirectAttributes flash) {
        entrants.requireHomeroomTeacher(caller, school, year, classCode);
        ArrayNode sheet = JSON.createArrayNode();
        for (int i = 0; i < student.size(); i++) {
            sheet.addObject().put("student", student.get(i)).put("comment", i < comment.size() ? comment.get(i) : "");
        }
        act(flash, () -> {
            homeroom.enterComments(school, year, classCode, JSON.writeValueAsBytes(sheet), caller.username());
            return "Đã lưu nhận xét của giáo viên chủ nhiệm lớp " + classCode + ".";
        });
        return "redirect:/schools/" + school + "/years/" + year + "/classes/" + classCode + "/homeroom?term=" + term;
    }

    // ---- the principal's lock page ----

    @GetMapping("/schools/{school}/years/{year}/locks")
    @Allowed(Access.LOCK)
    String lockPage(@PathVariable String school, @PathVariable String year, Caller caller, Model model) {
        ClassTermLockController.requirePrincipal(directory, caller, school, year);
        var locked = locks.locked(school, year);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var c : directory.classes(school, year)) {
            rows.add(Map.of("classCode", c.code(),
                    "term1", locked.contains(new vn.hocba.archive.school.ClassTerm(c.code(), 1)),
                    "term2", locked.contains(new vn.hocba.archive.school.ClassTerm(c.code(), 2))));
        }
        model.addAttribute("school", school);
        model.addAttribute("year", year);
        model.addAttribute("rows", rows);
        return "locks";
    }

    @PostMapping("/schools/{school}/years/{year}/classes/{classCode}/terms/{term}/{action:lock|unlock}")
    @Allowed(Access.LOCK)
    String lockClassTerm(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                         @PathVariable int term, @PathVariable String action, Caller caller, RedirectAttributes flash) {
        ClassTermLockController.requirePrincipal(directory, caller, school, year);
        act(flash, () -> {
            if (action.equals("lock")) {
                locks.lock(school, year, classCode, term, caller.username());
                return "Đã khóa sổ học kì " + term + " lớp " + classCode + ".";
            }
            locks.unlock(school, year, classCode, term, caller.username());
            return "Đã mở sổ học kì " + term + " lớp " + classCode + ".";
        });
        return "redirect:/schools/" + school + "/years/" + year + "/locks";
    }

    @PostMapping("/schools/{school}/years/{year}/lock")
    @Allowed(Access.LOCK)
    String lockYear(@PathVariable String school, @PathVariable String year, Caller caller, RedirectAttributes flash) {
        ClassTermLockController.requirePrincipal(directory, caller, school, year);
        act(flash, () -> {
            locks.lockAll(school, year, caller.username());
            return "Đã khóa sổ mọi lớp, cả hai học kì của năm học " + year + ".";
        });
        return "redirect:/schools/" + school + "/years/" + year + "/locks";
    }

    private static void act(RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi());
            if (e.properties().get("errors") instanceof List<?> errors) {
                flash.addFlashAttribute("errors", errors);
            }
        }
    }

    /** A number typed in a form as a JSON number when it is one, else as typed (the entry rule then refuses it). */
    private static void number(ObjectNode row, String field, String typed) {
        String t = typed.strip();
        if (t.matches("\\d{1,9}")) {
            row.put(field, Integer.parseInt(t));
        } else if (t.isEmpty()) {
            row.putNull(field);
        } else {
            row.put(field, t);
        }
    }

    private static String shown(Object grade) {
        if (grade == null) {
            return null;
        }
        if (grade instanceof vn.hocba.archive.grading.SubjectGrade g) {
            return switch (String.valueOf(g.jsonValue())) { case "D" -> "Đ"; case "CD" -> "CĐ"; default -> String.valueOf(g.jsonValue()); };
        }
        return String.valueOf(grade);
    }
}
