package vn.hocba.archive.validation;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.common.ProblemLanguage;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.workflow.DocumentStatus;
import vn.hocba.archive.workflow.DocumentView;
import vn.hocba.archive.workflow.DocumentWorkflow;

/**
 * The public verification pages (no account): {@code /verify} checks an uploaded PDF, {@code /verify/{lookupCode}}
 * (what the QR code printed on every page opens) shows an archived document with the report of its archived bytes,
 * and {@code /verify/{lookupCode}/pdf} serves those bytes through the archive's integrity check. The lookup code is a
 * random UUID printed on the paper: whoever holds it may see the document. A version not yet archived is answered as
 * an unknown code, so that its existence does not leak. Vietnamese, English with {@code ?lang=en} or an
 * {@code Accept-Language} that prefers it.
 */
@Allowed(Access.VERIFY)
@Controller
class VerifyPages {

    private final DocumentValidation validation;
    private final DocumentWorkflow workflow;
    private final SchoolDirectory directory;

    VerifyPages(DocumentValidation validation, DocumentWorkflow workflow, SchoolDirectory directory) {
        this.validation = validation;
        this.workflow = workflow;
        this.directory = directory;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String lang,
                @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage, Model model) {
        language(model, lang, acceptLanguage);
        return "verify";
    }

    /** A lookup code typed into the form: its page. */
    @GetMapping(path = "/verify", params = "code")
    String lookup(@RequestParam String code, @RequestParam(required = false) String lang) {
        String trimmed = code.strip();
        return "redirect:/verify/" + (lookupCode(trimmed).isPresent() ? trimmed : "-")
                + ("en".equals(lang) ? "?lang=en" : "");
    }

    @PostMapping("/verify")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String lang,
                  @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage, Model model,
                  HttpServletResponse response) throws IOException {
        boolean english = language(model, lang, acceptLanguage);
        Map<String, String> t = VerifyTexts.of(english);
        if (file == null || file.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("error", t.get("noFile"));
            return "verify";
        }
        try {
            byte[] pdf;
            try (InputStream in = file.getInputStream()) {
                pdf = validation.read(in, file.getSize());
            }
            report(model, validation.validate(pdf), english);
        } catch (PdfTooLargeException e) {
            response.setStatus(413);
            model.addAttribute("error", t.get("tooLarge").formatted(megabytes()));
        } catch (UnreadablePdfException e) {
            response.setStatus(422);
            model.addAttribute("error", t.get("unreadable"));
        }
        return "verify";
    }

    @GetMapping("/verify/{code}")
    String document(@PathVariable String code, @RequestParam(required = false) String lang,
                    @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage, Model model,
                    HttpServletResponse response) {
        boolean english = language(model, lang, acceptLanguage);
        var found = lookupCode(code).flatMap(workflow::publicDocument);
        if (found.isEmpty()) {
            response.setStatus(404);
            return "verify-missing";
        }
        DocumentWorkflow.PublicDocument document = found.get();
        DocumentView view = document.document();
        Optional<DocumentWorkflow.Pdf> pdf;
        try {
            pdf = workflow.publicPdf(view.lookupCode());
        } catch (HocbaException e) {
            if (!e.status().is5xxServerError()) {
                throw e;
            }
            // the archived file no longer matches the hash recorded at archive time (recorded and alerted by the
            // archive): the page says so instead of a report, and the file is never served
            response.setStatus(e.status().value());
            pdf = Optional.empty();
            model.addAttribute("fileFailed", true);
        }
        model.addAttribute("document", view);
        model.addAttribute("typeLabel", english ? typeEnglish(view) : view.documentType().label());
        model.addAttribute("schoolName", directory.school(view.school()).map(SchoolDirectory.School::name)
                .orElse(view.school()));
        model.addAttribute("superseded", view.status() == DocumentStatus.SUPERSEDED);
        model.addAttribute("newer", document.supersededBy());
        model.addAttribute("newerArchived", document.newerArchived());
        pdf.ifPresent(file -> report(model, validation.validate(file.bytes()), english));
        return "verify-document";
    }

    /**
     * The archived bytes, checked against the hash recorded at archive time (else 500 {@code integrity}); an unknown or
     * not yet archived code is a 404 problem.
     */
    @GetMapping("/verify/{code}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        return lookupCode(code).flatMap(workflow::publicPdf).map(DocumentWorkflow.Pdf::inline)
                .orElseThrow(() -> new NotFoundException("archived document", "văn bản đã lưu trữ"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private boolean language(Model model, String lang, String acceptLanguage) {
        boolean english = lang != null ? lang.equalsIgnoreCase("en") : ProblemLanguage.prefersEnglish(acceptLanguage);
        model.addAttribute("t", VerifyTexts.of(english));
        model.addAttribute("en", english);
        model.addAttribute("langQuery", english ? "?lang=en" : "");
        model.addAttribute("maxMegabytes", megabytes());
        return english;
    }

    private String megabytes() {
        return BigDecimal.valueOf(validation.maxBytes()).divide(BigDecimal.valueOf(1024L * 1024L), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** The report, the words of each signature and the times of the document timestamps, in order. */
    private static void report(Model model, DocumentValidation.Validation v, boolean english) {
        model.addAttribute("report", ValidationAnswer.of(v, english));
        model.addAttribute("verdicts", v.signatures().signatures().stream()
                .map(s -> SignatureVerdict.of(s, ValidationAnswer.changedAfter(v.signatures(), s), english)).toList());
        model.addAttribute("stampTexts", v.signatures().documentTimestamps().stream()
                .map(d -> SignatureVerdict.time(d.producedAt(), english)).toList());
    }

    private static String typeEnglish(DocumentView view) {
        return switch (view.documentType()) {
            case STUDENT_RECORD -> "Student record (học bạ)";
            case CLASS_GRADEBOOK -> "Class gradebook (sổ theo dõi và đánh giá học sinh)";
            case CLASS_SUMMARY -> "Class summary book (tổng hợp kết quả đánh giá)";
        };
    }

    static Optional<UUID> lookupCode(String text) {
        try {
            UUID code = UUID.fromString(text);
            // UUID.fromString also takes shortened forms ("1-2-3-4-5"): only the canonical text is a lookup code
            return code.toString().equalsIgnoreCase(text) ? Optional.of(code) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
