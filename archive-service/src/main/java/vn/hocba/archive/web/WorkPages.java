package vn.hocba.archive.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hocba.archive.batch.SigningBatchRequest;
import vn.hocba.archive.batch.SigningBatches;
import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.corrections.CorrectionWorklist;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.workflow.AwaitingSignature;
import vn.hocba.archive.workflow.DocumentWorkflow;

/**
 * "Việc của tôi" (issue 18): what awaits the signed-in person, with counts: the documents where it is their turn to
 * sign (each with its sequence's state, "3/14"), to sign one by one or all selected in one batch after a confirmation
 * page that lists them; the correction requests awaiting their confirmation or decision, acted on in place.
 */
@Controller
class WorkPages {

    private final SchoolDirectory directory;
    private final DocumentWorkflow workflow;
    private final CorrectionWorklist corrections;
    private final SigningBatches batches;

    WorkPages(SchoolDirectory directory, DocumentWorkflow workflow, CorrectionWorklist corrections,
              SigningBatches batches) {
        this.directory = directory;
        this.workflow = workflow;
        this.corrections = corrections;
        this.batches = batches;
    }

    /** A document of the worklist as the page shows it. */
    record Item(UUID lookupCode, String classCode, String type, String title, String role, int signed, int signers) {
    }

    /** One school year's part of the worklist. */
    record YearWork(String school, String schoolName, String year, List<Item> documents,
                    List<CorrectionWorklist.Task> corrections, Map<String, String> studentNames,
                    Map<String, String> subjectNames) {
    }

    @GetMapping("/work")
    @Allowed(Access.OWN_WORK)
    String work(Caller user, Model model) {
        List<YearWork> years = new ArrayList<>();
        if (user.school() != null) {
            for (var y : directory.schoolYears()) {
                if (y.school().equals(user.school())) {
                    years.add(yearWork(user, y.school(), y.schoolName(), y.schoolYear()));
                }
            }
        }
        model.addAttribute("years", years);
        model.addAttribute("documentCount", years.stream().mapToInt(y -> y.documents().size()).sum());
        model.addAttribute("correctionCount", years.stream().mapToInt(y -> y.corrections().size()).sum());
        return "work";
    }

    private YearWork yearWork(Caller user, String school, String schoolName, String year) {
        Map<String, String> students = directory.studentNames(school, year);
        Map<String, String> subjects = new HashMap<>();
        directory.subjects(school, year).forEach(s -> subjects.put(s.code(), s.name()));
        List<Item> documents = workflow.awaitingSignature(school, year, user).stream()
                .map(a -> item(a, students, subjects)).toList();
        return new YearWork(school, schoolName, year, documents, corrections.awaiting(user, school, year), students,
                subjects);
    }

    private static Item item(AwaitingSignature a, Map<String, String> students, Map<String, String> subjects) {
        var key = a.key();
        String title = switch (key.type()) {
            case STUDENT_RECORD -> students.getOrDefault(key.student(), key.student());
            case CLASS_GRADEBOOK -> subjects.getOrDefault(key.subject(), key.subject()) + " · " + period(key.period());
            case CLASS_SUMMARY -> "Lớp " + key.classCode() + " · " + period(key.period());
        };
        return new Item(a.lookupCode(), key.classCode(), key.type().label(), title, a.role().label(), a.signed(),
                a.signers());
    }

    private static String period(vn.hocba.archive.rendering.GradebookPeriod period) {
        if (period == null) {
            return "";
        }
        return switch (period) {
            case TERM1 -> "Học kỳ I";
            case TERM2 -> "Học kỳ II";
            case YEAR -> "Cả năm";
        };
    }

    /**
     * The confirmation page of "Ký các văn bản đã chọn": what will be signed, listed, and one button; nothing is signed
     * yet.
     */
    @PostMapping("/work/sign")
    @Allowed(Access.START_SIGNING_BATCH)
    String confirmSigning(@RequestParam(name = "document", required = false) List<String> selected, Caller user,
                          Model model, RedirectAttributes flash) {
        var chosen = lookupCodes(selected);
        if (chosen.isEmpty()) {
            flash.addFlashAttribute("error", "Chưa chọn văn bản nào để ký. / No document selected.");
            return "redirect:/work";
        }
        var wanted = new java.util.HashSet<>(chosen);
        List<Item> items = new ArrayList<>();
        for (var y : directory.schoolYears()) {
            if (y.school().equals(user.school())) {
                yearWork(user, y.school(), y.schoolName(), y.schoolYear()).documents().stream()
                        .filter(i -> wanted.contains(i.lookupCode())).forEach(items::add);
            }
        }
        model.addAttribute("items", items);
        model.addAttribute("gone", (selected == null ? 0 : selected.size()) - items.size());
        model.addAttribute("needsPin", batches.needsPin(user));
        return "work-confirm";
    }

    /** Signs the confirmed documents in one batch (one authorization) and shows its progress. */
    @PostMapping("/work/signing-batches")
    @Allowed(Access.START_SIGNING_BATCH)
    String sign(@RequestParam(name = "document", required = false) List<String> values,
                @RequestParam(name = "pin", required = false) String pin, Caller user, RedirectAttributes flash) {
        var confirmed = lookupCodes(values);
        if (confirmed.isEmpty()) {
            flash.addFlashAttribute("error", "Chưa chọn văn bản nào để ký. / No document selected.");
            return "redirect:/work";
        }
        try {
            // a remote signing service's PIN or OTP authorizes the whole batch once; it is never stored
            var batch = batches.start(new SigningBatchRequest.Listed(confirmed), user,
                    pin == null || pin.isEmpty() ? null : pin.toCharArray());
            return "redirect:/signing-batches/" + batch.id();
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " (" + e.getMessage() + ")");
            return "redirect:/work";
        }
    }

    /** The lookup codes among the form's values, each once, in order; values that are not lookup codes are left out. */
    private static List<UUID> lookupCodes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        var codes = new java.util.LinkedHashSet<UUID>();
        for (String value : values) {
            try {
                codes.add(UUID.fromString(value.strip()));
            } catch (IllegalArgumentException notACode) {
                // not offered by the worklist: left out, and counted among those no longer awaiting (the page says so)
            }
        }
        return List.copyOf(codes);
    }

    /** The homeroom teacher's confirmation, or the principal's approval or rejection, of a correction request. */
    @PostMapping("/work/corrections/{school}/{year}/{id}/{action:confirm|approve|reject}")
    @Allowed(Access.DECIDE_CORRECTION)
    String decide(@PathVariable String school, @PathVariable String year, @PathVariable String id,
                  @PathVariable String action, @RequestParam(required = false) String reason, Caller user,
                  RedirectAttributes flash) {
        if (action.equals("reject") && (reason == null || reason.isBlank())) {
            flash.addFlashAttribute("error", "Cần ghi lý do từ chối. / A rejection needs a reason.");
            return "redirect:/work";
        }
        try {
            switch (action) {
                case "confirm" -> corrections.confirm(user, school, year, id);
                case "approve" -> corrections.approve(user, school, year, id);
                default -> corrections.reject(user, school, year, id,
                        reason == null || reason.isBlank() ? null : reason.strip());
            }
            flash.addFlashAttribute("message", switch (action) {
                case "confirm" -> "Đã xác nhận yêu cầu sửa chữa. / Correction confirmed.";
                case "approve" -> "Đã phê duyệt; các văn bản liên quan sẽ được phát hành lại. / Approved.";
                default -> "Đã từ chối yêu cầu sửa chữa. / Rejected.";
            });
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " (" + e.getMessage() + ")");
        }
        return "redirect:/work";
    }
}
