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

    RecordArchive(ObjectStore store) {
        this.store = store;
    }

    /** Stores the PDF (idempotent for the same bytes) and returns its key. */
    public String archive(byte[] pdf, String sha256) {
        ObjectKey key = ObjectKey.contentAddressed("records", sha256, "pdf");
        store.put(PutObjectArgs.builder().key(key).content(pdf).contentType("application/pdf")
                .retention(Retention.permanent()).expectedSha256(sha256).build());
        return key.value();
    }

    public byte[] read(String key) {
        return store.getBytes(new ObjectKey(key));
    }
}
