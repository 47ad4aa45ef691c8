package vn.hocba.archive.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;

import vn.hocba.archive.archive.RecordArchive;
import vn.hocba.archive.common.Texts;
import vn.hocba.archive.workflow.DocumentArchived;

/**
 * Indexes a document version once it is archived (and again, as superseded, when a correction replaces it): the text is extracted with Apache Tika from the archived bytes (read back from
 * the store, so the index describes what was kept). Runs after the archiving transaction commits, through the outbox;
 * a record whose indexing failed is tried again by the scheduled resubmission, and at the next start.
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

    /**
     * A listener of the event publication registry (the outbox): after the archiving commits, in the background; a
     * failure leaves the publication incomplete, resubmitted on a schedule (indexing the same record twice replaces it).
     */
    @ApplicationModuleListener
    void on(DocumentArchived e) {
        try {
            index(e);
        } catch (RuntimeException ex) {
            log.error("indexing of record {} failed; the outbox tries again", e.lookupCode(), ex);
            throw ex;
        }
    }

    /** Indexes the archived record now; throws when its file cannot be read or its text extracted. */
    void index(DocumentArchived e) {
        byte[] pdf = archive.read(e.archiveKey());
        String text;
        try {
            text = tika.parseToString(new ByteArrayInputStream(pdf));
        } catch (IOException | TikaException ex) {
            throw new IllegalStateException("text extraction failed for " + e.lookupCode(), ex);
        }
        index.index(new SearchIndex.IndexedDocument(e.lookupCode().toString(), e.school(), e.schoolYear(),
                e.classCode(), e.student(), e.fullName(), e.documentType(), e.status(), text));
    }

    /** The stored fields the index should hold for that archived record (as {@link LuceneSearchIndex} stores them). */
    static SearchIndex.Hit expected(DocumentArchived e) {
        return new SearchIndex.Hit(e.lookupCode().toString(), Texts.nfc(e.school()), Texts.nfc(e.schoolYear()),
                Texts.nfc(e.classCode()), Texts.nfc(e.student()), Texts.nfc(e.fullName()),
                e.documentType(), e.status());
    }
}
