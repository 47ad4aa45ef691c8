package vn.hocba.archive.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.hocba.archive.archive.RecordArchive;
import vn.hocba.archive.workflow.RecordArchived;

/**
 * Indexes a record once it is archived: the text is extracted with Apache Tika from the archived bytes (read back from
 * the store, so the index describes what was kept). Runs after the archiving transaction commits; a record whose
 * indexing failed is picked up again at the next start.
 */
@Component
class RecordIndexer {

    private static final Logger log = LoggerFactory.getLogger(RecordIndexer.class);

    private final SearchIndex index;
    private final RecordArchive archive;
    private final Tika tika = new Tika();

    RecordIndexer(SearchIndex index, RecordArchive archive) {
        this.index = index;
        this.archive = archive;
        this.tika.setMaxStringLength(1_000_000);
    }

    @TransactionalEventListener
    void on(RecordArchived e) {
        try {
            index(e.lookupCode().toString(), e.school(), e.schoolYear(), e.classCode(), e.student(), e.fullName(), e.archiveKey());
        } catch (RuntimeException ex) {
            log.error("indexing of record {} failed; it is retried at the next start", e.lookupCode(), ex);
        }
    }

    void index(String lookupCode, String school, String year, String classCode, String student, String fullName,
               String archiveKey) {
        byte[] pdf = archive.read(archiveKey);
        String text;
        try {
            text = tika.parseToString(new ByteArrayInputStream(pdf));
        } catch (IOException | TikaException ex) {
            throw new IllegalStateException("text extraction failed for " + lookupCode, ex);
        }
        index.index(new SearchIndex.IndexedDocument(lookupCode, school, year, classCode, student, fullName,
                "STUDENT_RECORD", "ARCHIVED", text));
    }
}
