package vn.hocba.archive.batch;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.workflow.DocumentType;

/**
 * The pages of batch signing: "Ký tất cả" on a class page starts a batch of the class's student records, and
 * {@code /signing-batches/{id}} shows its progress (refreshed by a little script from {@code …/progress}, the API's
 * body for the signed-in session) and the outcome of every document.
 */
@Controller
class SigningBatchPages {

    private final SigningBatches batches;

    SigningBatchPages(SigningBatches batches) {
        this.batches = batches;
    }

    @PostMapping("/schools/{school}/years/{year}/classes/{classCode}/signing-batches")
    @Allowed(Access.START_SIGNING_BATCH)
    String signAll(@PathVariable String school, @PathVariable String year, @PathVariable String classCode, Caller user,
                   RedirectAttributes flash) {
        try {
            var batch = batches.start(new SigningBatchRequest.Selection(school, year, classCode,
                    DocumentType.STUDENT_RECORD), user);
            return "redirect:/signing-batches/" + batch.id();
        } catch (ForbiddenException e) {
            throw e; // a refusal is a page of its own (403), not a note on the page it came from
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " (" + e.getMessage() + ")");
            return "redirect:/schools/" + school + "/years/" + year + "/classes/" + classCode;
        }
    }

    @GetMapping("/signing-batches/{id}")
    @Allowed(Access.FOLLOW_SIGNING_BATCH)
    String batch(@PathVariable UUID id, Caller user, Model model) {
        model.addAttribute("batch", batches.view(id, user, true));
        return "signing-batch";
    }

    @GetMapping("/signing-batches/{id}/progress")
    @ResponseBody
    @Allowed(Access.FOLLOW_SIGNING_BATCH)
    SigningBatchView progress(@PathVariable UUID id, Caller user) {
        return batches.view(id, user, true);
    }
}
