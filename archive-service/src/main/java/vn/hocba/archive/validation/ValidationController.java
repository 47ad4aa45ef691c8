package vn.hocba.archive.validation;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.ProblemLanguage;

/**
 * {@code POST /api/v1/validation} (API.md "Validation"): the report of a PDF sent as the body, to anyone (no account).
 * The body is read up to the size limit and no further.
 */
@Allowed(Access.VERIFY)
@RestController
class ValidationController {

    private final DocumentValidation validation;

    ValidationController(DocumentValidation validation) {
        this.validation = validation;
    }

    @PostMapping(path = "/api/v1/validation", consumes = MediaType.APPLICATION_PDF_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ValidationAnswer validate(HttpServletRequest request,
                              @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage)
            throws IOException {
        byte[] pdf;
        try (InputStream in = request.getInputStream()) {
            pdf = validation.read(in, request.getContentLengthLong());
        }
        return ValidationAnswer.of(validation.validate(pdf), ProblemLanguage.prefersEnglish(acceptLanguage));
    }
}
