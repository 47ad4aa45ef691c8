package vn.hocba.archive.search;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;

import vn.hocba.archive.archive.RecordArchive;
import vn.hocba.archive.common.Texts;
import vn.hocba.archive.workflow.DocumentArchived;

/**
 * Indexes a document version once it is archived (and again, as superseded, when a correction replaces it): the text is the pages' text, extracted with PDFBox's text stripper from the
 * archived bytes (read back from the store, so the index describes what was kept). Signature appearances are
 * annotations and not part of it; the signers' names are printed on the pages already. PDFBox reads the file lazily:
 * the signatures' dictionaries (each with a CMS of about 9 KB as hex) are not parsed, which made Apache Tika's
 * extraction three times as costly and a quarter of a countersignature's CPU. Runs after the archiving transaction commits, through the outbox;
 * a record whose indexing failed is tried again by the scheduled resubmission, and at the next start.
 */
@Component
class RecordIndexer {

    private static final Logger log = LoggerFactory.getLogger(RecordIndexer.class);

    private final SearchIndex index;
    private final RecordArchive archive;
    /** At most this many characters of a document's text are indexed (a record's pages hold a few thousand). */
    static final int MAX_TEXT = 1_000_000;

    RecordIndexer(SearchIndex index, RecordArchive archive) {
        this.index = index;
        this.archive = archive;
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
        String text = text(archive.read(e.archiveKey()), e);
        index.index(new SearchIndex.IndexedDocument(e.lookupCode().toString(), e.school(), e.schoolYear(),
                e.classCode(), e.student(), e.fullName(), e.documentType(), e.status(), text));
    }

    /** The pages' text of a PDF, at most {@link #MAX_TEXT} characters; throws when the PDF cannot be read. */
    private static String text(byte[] pdf, DocumentArchived e) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        } catch (IOException | RuntimeException ex) {
            throw new IllegalStateException("text extraction failed for " + e.lookupCode(), ex);
        }
    }

    /** The stored fields the index should hold for that archived record (as {@link LuceneSearchIndex} stores them). */
    static SearchIndex.Hit expected(DocumentArchived e) {
        return new SearchIndex.Hit(e.lookupCode().toString(), Texts.nfc(e.school()), Texts.nfc(e.schoolYear()),
                Texts.nfc(e.classCode()), Texts.nfc(e.student()), Texts.nfc(e.fullName()),
                e.documentType(), e.status());
    }
}
