package vn.hocba.archive.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.rendering.GradebookPeriod;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.search.IndexRebuildingException;
import vn.hocba.archive.search.RecordSearch;
import vn.hocba.archive.workflow.DocumentKey;
import vn.hocba.archive.workflow.DocumentType;
import vn.hocba.archive.workflow.DocumentView;
import vn.hocba.archive.workflow.DocumentWorkflow;

/** The web pages: classes, their records and signing state; staff render and sign from here. */
@Controller
class Pages {

    private final SchoolDirectory directory;
    private final DocumentWorkflow workflow;
    private final RecordSearch search;
    private final vn.hocba.archive.security.StudentAccess access;

    Pages(SchoolDirectory directory, DocumentWorkflow workflow, RecordSearch search,
          vn.hocba.archive.security.StudentAccess access) {
        this.access = access;
        this.directory = directory;
        this.workflow = workflow;
        this.search = search;
    }

    /**
     * Full-text search over archived records the caller may read (the same search as the API, with its filters, facets
     * and highlights); with or without diacritics. Each hit links its PDF and its validation report (/verify).
     */
    @GetMapping("/search")
    @Allowed(Access.SEARCH)
    String search(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String q,
                  @org.springframework.web.bind.annotation.RequestParam Map<String, String> params,
                  Caller user, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        var filters = new vn.hocba.archive.search.SearchIndex.Filters(filter(params, "school"),
                filter(params, "schoolYear"), filter(params, "class"), filter(params, "documentType"),
                filter(params, "status"));
        model.addAttribute("q", query);
        model.addAttribute("filters", filters.byFacet());
        try {
            var result = query.isBlank() && filters.byFacet().isEmpty() ? null : search.search(query, filters, user, 0, 50);
            model.addAttribute("result", result);
            if (result != null) {
                model.addAttribute("facets", facetLinks(query, filters, result.facets()));
            }
        } catch (IndexRebuildingException e) {
            model.addAttribute("error", e.detailVi());
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            model.addAttribute("error", e.detailVi());
        }
        return "search";
    }

    /** The facet names as the page shows them, in the API's order. */
    private static final Map<String, String> FACET_LABELS = java.util.Map.of("school", "Trường", "schoolYear", "Năm học",
            "class", "Lớp", "documentType", "Loại văn bản", "status", "Trạng thái");

    /** A facet's values as links that add (or, when set, remove) that filter, keeping the query and the others. */
    record FacetLink(String value, long count, boolean selected, String href) {
    }

    record FacetGroup(String name, String label, List<FacetLink> values) {
    }

    private static List<FacetGroup> facetLinks(String query, vn.hocba.archive.search.SearchIndex.Filters filters,
                                               Map<String, List<vn.hocba.archive.search.SearchIndex.FacetCount>> facets) {
        List<FacetGroup> groups = new ArrayList<>();
        for (String name : vn.hocba.archive.search.SearchIndex.FACETS) {
            var counts = facets.getOrDefault(name, List.of());
            if (counts.isEmpty()) {
                continue;
            }
            List<FacetLink> links = new ArrayList<>();
            for (var c : counts) {
                Map<String, String> next = new LinkedHashMap<>(filters.byFacet());
                boolean selected = c.value().equals(next.get(name));
                if (selected) {
                    next.remove(name);
                } else {
                    next.put(name, c.value());
                }
                var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/search").queryParam("q", query);
                next.forEach(uri::queryParam);
                links.add(new FacetLink(c.value(), c.count(), selected, uri.encode().build().toUriString()));
            }
            groups.add(new FacetGroup(name, FACET_LABELS.getOrDefault(name, name), links));
        }
        return groups;
    }

    private static String filter(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GetMapping("/login")
    @Allowed(Access.SIGN_IN)
    String login() {
        return "login";
    }

    /** Every school year the caller may see, with its classes. */
    @GetMapping("/")
    @Allowed(Access.OWN_WORK)
    String home(Caller user, Model model) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (var y : directory.schoolYears()) {
            if (!user.mayRead(y.school())) {
                continue;
            }
            var classes = new ArrayList<Map<String, Object>>();
            var names = names(y.school(), y.schoolYear());
            var students = directory.studentCounts(y.school(), y.schoolYear());
            var records = workflow.recordCounts(y.school(), y.schoolYear());
            for (var c : directory.classes(y.school(), y.schoolYear())) {
                var counts = records.getOrDefault(c.code(), DocumentWorkflow.RecordCounts.NONE);
                classes.add(Map.of("code", c.code(), "grade", c.grade(),
                        "homeroom", names.getOrDefault(c.homeroomTeacher(), c.homeroomTeacher()),
                        "students", students.getOrDefault(c.code(), 0),
                        "rendered", counts.rendered(),
                        "archived", counts.archived()));
            }
            years.add(Map.of("school", y.school(), "schoolName", y.schoolName(), "year", y.schoolYear(), "classes", classes));
        }
        model.addAttribute("years", years);
        return "home";
    }

    /** The students of one class and where each record stands. */
    @GetMapping("/schools/{school}/years/{year}/classes/{classCode}")
    @Allowed(Access.READ_SCHOOL_DATA)
    String schoolClass(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                       Caller user, Model model) {
        access.requireClass(user, school, year, classCode);
        var schoolClass = directory.schoolClass(school, year, classCode)
                .orElseThrow(() -> new vn.hocba.archive.common.NotFoundException("class " + classCode, "lớp " + classCode));
        Map<String, DocumentView> records = workflow.recordsOfClass(school, year, classCode, user);
        var names = names(school, year);
        var rows = new ArrayList<Map<String, Object>>();
        for (var s : directory.studentsOfClass(school, year, classCode)) {
            DocumentView r = records.get(s.id());
            var row = new LinkedHashMap<String, Object>();
            row.put("id", s.id());
            row.put("fullName", s.fullName());
            row.put("record", r);
            row.put("signed", r == null ? 0 : r.signatures().size());
            row.put("awaiting", r == null ? List.of() : r.awaiting().stream().map(id -> names.getOrDefault(id, id)).toList());
            row.put("sequence", r == null ? "" : sequence(r, (List<String>) row.get("awaiting")));
            row.put("myTurn", r != null && user.isStaffOf(school) && r.awaiting().contains(user.staffId()));
            rows.add(row);
        }
        model.addAttribute("school", directory.school(school)
                .orElseThrow(() -> new vn.hocba.archive.common.NotFoundException("school " + school, "trường " + school)));
        model.addAttribute("year", year);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("homeroom", names.getOrDefault(schoolClass.homeroomTeacher(), schoolClass.homeroomTeacher()));
        model.addAttribute("rows", rows);
        model.addAttribute("missing", rows.stream().filter(r -> r.get("record") == null).count());
        model.addAttribute("books", books(school, year, classCode, user, names));
        var taught = schoolClass.subjectTeachers().keySet();
        model.addAttribute("subjects", directory.subjects(school, year).stream()
                .filter(s -> taught.contains(s.code())).toList());
        return "class";
    }

    /** The record's PDF for the pages (session sign-in); the API serves the same bytes under /api/v1. */
    @GetMapping("/schools/{school}/years/{year}/students/{student}/record.pdf")
    @Allowed(Access.READ_SCHOOL_DATA)
    org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable String school, @PathVariable String year,
                                                        @PathVariable String student,
                                                        Caller user) {
        return workflow.pdf(workflow.studentRecordKey(school, year, student, user), null, user).inline();
    }

    @PostMapping("/schools/{school}/years/{year}/students/{student}/render")
    @Allowed(Access.RENDER)
    String render(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                  Caller user, RedirectAttributes flash) {
        return act(school, year, student, flash, () -> {
            workflow.render(workflow.studentRecordKey(school, year, student, user), user);
            return "Đã tạo học bạ của " + student + ".";
        });
    }

    /**
     * Renders every student record of the class not rendered yet (the homeroom teacher's "Tạo học bạ cả lớp"); the
     * same checks as one by one (a term not locked refuses them all, nothing half done is left: each record is whole).
     */
    @PostMapping("/schools/{school}/years/{year}/classes/{classCode}/records")
    @Allowed(Access.RENDER)
    String renderClass(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                       Caller user, RedirectAttributes flash) {
        access.requireClass(user, school, year, classCode);
        int rendered = 0;
        try {
            var existing = workflow.recordsOfClass(school, year, classCode, user);
            for (var s : directory.studentsOfClass(school, year, classCode)) {
                if (!existing.containsKey(s.id())) {
                    workflow.render(workflow.studentRecordKey(school, year, s.id(), user), user);
                    rendered++;
                }
            }
            flash.addFlashAttribute("message", rendered == 0 ? "Mọi học bạ của lớp đã được tạo."
                    : "Đã tạo " + rendered + " học bạ của lớp " + classCode + ".");
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", (rendered > 0 ? "Đã tạo " + rendered + " học bạ; dừng lại: " : "")
                    + e.detailVi() + " (" + e.getMessage() + ")");
        }
        return "redirect:/schools/" + school + "/years/" + year + "/classes/" + classCode;
    }

    @PostMapping("/schools/{school}/years/{year}/students/{student}/sign")
    @Allowed(Access.SIGN)
    String sign(@PathVariable String school, @PathVariable String year, @PathVariable String student,
                Caller user, RedirectAttributes flash) {
        return act(school, year, student, flash, () -> {
            var r = workflow.signCurrent(workflow.studentRecordKey(school, year, student, user), user, null);
            boolean complete = r.awaiting().isEmpty();
            return "Đã ký học bạ của " + student + (complete ? "; học bạ đã đủ chữ ký và đang được lưu trữ." : ".");
        });
    }

    private String act(String school, String year, String student, RedirectAttributes flash,
                       java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " (" + e.getMessage() + ")");
        }
        String classCode = directory.student(school, year, student).map(SchoolDirectory.Student::classCode).orElse("");
        return "redirect:/schools/" + school + "/years/" + year + "/classes/" + classCode;
    }

    /** The current gradebooks and summary books of the class, as rows of the class page. */
    private List<Map<String, Object>> books(String school, String year, String classCode, Caller user,
                                            Map<String, String> names) {
        Map<String, String> subjectNames = new java.util.HashMap<>();
        directory.subjects(school, year).forEach(s -> subjectNames.put(s.code(), s.name()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (var type : List.of(DocumentType.CLASS_GRADEBOOK, DocumentType.CLASS_SUMMARY)) {
            for (DocumentView d : workflow.currentOfClass(school, year, classCode, type, user)) {
                var row = new LinkedHashMap<String, Object>();
                row.put("key", d.subject() == null ? "summary-" + d.period() : d.subject() + "-" + d.period());
                row.put("title", d.subject() == null ? "Tổng hợp kết quả đánh giá"
                        : subjectNames.getOrDefault(d.subject(), d.subject()));
                row.put("period", GradebookPeriod.valueOf(d.period()).label());
                row.put("document", d);
                row.put("awaiting", d.awaiting().stream().map(id -> names.getOrDefault(id, id)).toList());
                row.put("sequence", sequence(d, (List<String>) row.get("awaiting")));
                row.put("myTurn", user.isStaffOf(school) && d.awaiting().contains(user.staffId()));
                out.add(row);
            }
        }
        return out;
    }

    /** Renders a subject's gradebook ({@code book} its code) or, {@code book} empty, the class summary book. */
    @PostMapping("/schools/{school}/years/{year}/classes/{classCode}/gradebooks")
    @Allowed(Access.RENDER)
    String renderBook(@PathVariable String school, @PathVariable String year, @PathVariable String classCode,
                      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String book,
                      @org.springframework.web.bind.annotation.RequestParam String period, Caller user,
                      RedirectAttributes flash) {
        try {
            GradebookPeriod p = GradebookPeriod.valueOf(period);
            var key = book.isBlank() ? DocumentKey.summary(school, year, classCode, p)
                    : DocumentKey.gradebook(school, year, classCode, book, p);
            var rendered = workflow.render(key, user);
            flash.addFlashAttribute("message", (rendered.created() ? "Đã tạo sổ" : "Sổ đã có") + " ("
                    + p.label() + ").");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "Kì không hợp lệ: " + period);
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " (" + e.getMessage() + ")");
        }
        return "redirect:/schools/" + school + "/years/" + year + "/classes/" + classCode;
    }

    /** The caller signs their turn of a class book from the class page. */
    @PostMapping("/documents/{lookupCode}/sign")
    @Allowed(Access.SIGN)
    String signBook(@PathVariable java.util.UUID lookupCode, Caller user, RedirectAttributes flash) {
        DocumentView d = workflow.document(lookupCode, user);
        try {
            var signed = workflow.sign(lookupCode, user, null);
            flash.addFlashAttribute("message", signed.awaiting().isEmpty()
                    ? "Đã ký; sổ đã đủ chữ ký và đang được lưu trữ." : "Đã ký sổ.");
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " (" + e.getMessage() + ")");
        }
        return "redirect:/schools/" + d.school() + "/years/" + d.schoolYear() + "/classes/" + d.classCode();
    }

    /** A document's PDF for the pages (session sign-in); the API serves the same bytes under /api/v1/documents. */
    @GetMapping("/documents/{lookupCode}/pdf")
    @Allowed(Access.READ_DOCUMENT)
    org.springframework.http.ResponseEntity<byte[]> documentPdf(@PathVariable java.util.UUID lookupCode, Caller user) {
        return workflow.pdf(lookupCode, user).inline();
    }

    /**
     * A document's sequence in a few words: signatures collected of those needed, and who is awaited ("3/14 · chờ 2:
     * Nguyễn Văn A, Trần Thị B"; more than two awaited: their number only, "1/14 · chờ 12 người", the names in the
     * cell's title).
     */
    static String sequence(DocumentView d, java.util.List<String> awaitedNames) {
        String done = d.signatures().size() + "/" + d.signers();
        if (awaitedNames.isEmpty()) {
            return done;
        }
        return done + " · chờ " + (awaitedNames.size() <= 2 ? String.join(", ", awaitedNames)
                : awaitedNames.size() + " người");
    }

    /** Staff names of the year, loaded once per page. */
    private Map<String, String> names(String school, String year) {
        Map<String, String> names = new java.util.HashMap<>();
        directory.staff(school, year).forEach(m -> names.put(m.id(), m.fullName()));
        return names;
    }
}
