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
import vn.hocba.archive.workflow.DocumentWorkflow;

/**
 * Indexes a document version once it is archived (and again, as superseded, when a correction replaces it). The text
 * is what the renderer drew on the version's pages, kept with the version when it was rendered (the pages are the
 * first revision of the archived file: the signatures add only their own appearances, and the signers' names are
 * printed on the pages already). A version rendered before that text was kept is read back from the store and its
 * pages' text extracted with PDFBox's text stripper. Extracting it from every archived file cost a sixth of a
 * countersignature's CPU (Apache Tika, before, three times that: it parsed every signature dictionary). Runs after
 * the archiving transaction commits, through the outbox; a record whose indexing failed is tried again by the
 * scheduled resubmission, and at the next start.
 */
@Component
class RecordIndexer {

    private static final Logger log = LoggerFactory.getLogger(RecordIndexer.class);

    private final SearchIndex index;
    private final RecordArchive archive;
    private final DocumentWorkflow workflow;
    /** At most this many characters of a document's text are indexed (a record's pages hold a few thousand). */
    static final int MAX_TEXT = 1_000_000;

    RecordIndexer(SearchIndex index, RecordArchive archive, DocumentWorkflow workflow) {
        this.index = index;
        this.archive = archive;
        this.workflow = workflow;
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
        String text = workflow.pageText(e.lookupCode()).orElseGet(() -> text(archive.read(e.archiveKey()), e));
        index.index(document(e, text));
    }

    /** The index's document of an archived version with {@code text} (cut at {@link #MAX_TEXT} characters). */
    static SearchIndex.IndexedDocument document(DocumentArchived e, String text) {
        String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return new SearchIndex.IndexedDocument(e.lookupCode().toString(), e.school(), e.schoolYear(), e.classCode(),
                e.student(), e.fullName(), e.documentType(), e.status(), cut);
    }

    /** The pages' text of a PDF; throws when the PDF cannot be read. */
    static String text(byte[] pdf, DocumentArchived e) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
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
