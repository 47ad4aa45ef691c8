package vn.hocba.archive.workflow;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hocba.archive.archive.ArchivedObjects;

/**
 * The documents as other features need to know of them without reading this feature's tables: the archived
 * ones for the archive's fixity checks, and whether any was issued from a school year (the import refuses then).
 */
@Component
class ArchivedRecords implements ArchivedObjects, vn.hocba.archive.school.IssuedDocuments {

    private final DocumentRepository documents;

    ArchivedRecords(DocumentRepository documents) {
        this.documents = documents;
    }

    @Override
    public List<Reference> archivedObjects() {
        List<Reference> references = new java.util.ArrayList<>(documents.archived().stream()
                .map(v -> new Reference(v.archiveKey(), v.sha256(), v.lookupCode())).toList());
        // files replaced by a renewed archive timestamp stay in the store, referred to as they were
        documents.archivedCopies().forEach(c -> references.add(new Reference(c.archiveKey(), c.sha256(), c.lookupCode())));
        return references;
    }

    @Override
    public boolean anyIssued(String school, String schoolYear) {
        return documents.anyIssued(school, schoolYear);
    }

    @Override
    public boolean anyIssued(String school, String schoolYear, String classCode, int term) {
        return documents.currentOfClass(school, schoolYear, classCode).stream()
                .anyMatch(v -> v.key().terms().contains(term));
    }
}
