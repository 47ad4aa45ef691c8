package vn.hocba.archive.batch;

import vn.hocba.archive.workflow.DocumentView;

/**
 * A check of one document before a batch signs it, after the workflow said it is the caller's turn. A refusal is thrown
 * as a {@link vn.hocba.archive.common.HocbaException} and recorded as the document's outcome ({@link ItemResult#of});
 * the other documents go on. Every {@code DocumentCheck} bean runs, in {@link org.springframework.core.annotation.Order}.
 * Today: {@link IntegrityCheck}. A validation of the signatures already on the PDF (EU DSS) plugs in here; it is not
 * run by default because it costs a second or more per document, far over the budget of a year's batch.
 */
@FunctionalInterface
public interface DocumentCheck {

    /**
     * @param document the document as the caller may read it
     * @param pdf      the bytes of its current PDF, the ones that will be signed
     */
    void check(DocumentView document, byte[] pdf);
}
