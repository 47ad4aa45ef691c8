package vn.hocba.archive.archive;

import java.util.UUID;

import vn.hocba.archive.common.Caller;

/**
 * Who may read a document, as the feature that owns documents decides it: implemented there, so that the archive's
 * endpoints refuse exactly as a download of the document would, without depending on that feature.
 */
public interface DocumentReaders {

    /**
     * @return the document's facts when the caller may read it
     * @throws vn.hocba.archive.common.HocbaException 404 unknown code, 403 the caller may not read it (as for the
     *                                                document itself)
     */
    DocumentFacts readable(UUID lookupCode, Caller caller);
}
