package vn.hocba.archive.archive;

import org.springframework.stereotype.Service;

import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.PutObjectArgs;
import vn.hocba.storage.Retention;

/**
 * Writes signed records once to the immutable store, under a content-addressed key, kept permanently (student records
 * are kept for good: Thông tư 27/2016). The store itself refuses overwrite and delete.
 */
@Service
public class RecordArchive {

    private final ObjectStore store;
    private final ArchiveIntegrity integrity;

    RecordArchive(ObjectStore store, ArchiveIntegrity integrity) {
        this.store = store;
        this.integrity = integrity;
    }

    /** Stores the PDF (idempotent for the same bytes) and returns its key. */
    public String archive(byte[] pdf, String sha256) {
        ObjectKey key = ObjectKey.contentAddressed("records", sha256, "pdf");
        store.put(PutObjectArgs.builder().key(key).content(pdf).contentType("application/pdf")
                .retention(Retention.permanent()).expectedSha256(sha256).build());
        return key.value();
    }

    /** The archived bytes as the store checks them against its own record (for indexing, not for serving). */
    public byte[] read(String key) {
        return store.getBytes(new ObjectKey(key));
    }

    /**
     * The archived bytes, served only when they match the sha256 recorded at archive time.
     *
     * @throws ArchiveIntegrityException (500, recorded, audited and alerted) otherwise
     */
    public byte[] read(String key, String recordedSha256, java.util.UUID lookupCode) {
        return integrity.readVerified(key, recordedSha256, lookupCode);
    }
}
