package vn.hocba.archive.archive;

import java.util.Objects;
import java.util.UUID;

/**
 * What the archive catalogues about a document it keeps: which document, of which type, whose.
 *
 * @param lookupCode   the document version's lookup code
 * @param documentType its type ({@code STUDENT_RECORD}, {@code CLASS_GRADEBOOK}, {@code CLASS_SUMMARY})
 * @param school       the school's code
 * @param schoolYear   the school year, {@code 2024-2025}
 * @param classCode    the class, or {@code null} for a document of no class
 */
public record DocumentFacts(UUID lookupCode, String documentType, String school, String schoolYear, String classCode) {

    public DocumentFacts {
        Objects.requireNonNull(lookupCode, "lookupCode");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolYear, "schoolYear");
    }
}
