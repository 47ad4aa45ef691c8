package vn.hocba.archive.archive;

import java.util.List;
import java.util.UUID;

/**
 * What the database says the archive holds: implemented by the feature that owns the archived documents, so that the
 * archive's fixity checks compare the store with the database without depending on that feature.
 */
public interface ArchivedObjects {

    /** One archived object as the database recorded it at archive time. */
    record Reference(String key, String sha256, UUID lookupCode) {
    }

    /** Every archived object the database refers to. */
    List<Reference> archivedObjects();
}
