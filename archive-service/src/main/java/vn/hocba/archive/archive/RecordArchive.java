package vn.hocba.archive.archive;

import org.springframework.stereotype.Service;

import java.time.Clock;

import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.PutObjectArgs;
import vn.hocba.storage.Retention;
import vn.hocba.storage.StoredObject;

/**
 * Writes signed documents once to the immutable store, under a content-addressed key, with the retention of their type
 * ({@link RetentionSchedule}: student records are kept for good, Thông tư 27/2016), and catalogues each object
 * ({@link ArchiveCatalogue}). The store itself refuses overwrite and delete.
 */
@Service
public class RecordArchive {

    private final ObjectStore store;
    private final ArchiveIntegrity integrity;
    private final RetentionSchedule schedule;
    private final ArchiveCatalogue catalogue;
    private final Clock clock;

    RecordArchive(ObjectStore store, ArchiveIntegrity integrity, RetentionSchedule schedule, ArchiveCatalogue catalogue,
                  Clock clock) {
        this.store = store;
        this.integrity = integrity;
        this.schedule = schedule;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Stores the PDF of a document (idempotent for the same bytes) and catalogues it.
     *
     * @param facts         the document it is a version of
     * @param supersedesKey the object it replaces for the same document (an archive timestamp renewal), or null; the
     *                      new object is kept at least as long as that one
     * @return its key in the store
     * @throws vn.hocba.storage.StorageUnavailableException when the store does not answer (nothing catalogued)
     */
    public String archive(byte[] pdf, String sha256, PackageFacts pkg, String supersedesKey) {
        DocumentFacts facts = pkg.document();
        ObjectKey key = ObjectKey.contentAddressed("records", sha256, "pdf");
        var now = clock.instant();
        Retention retention = schedule.retention(facts.documentType(), now);
        String basis = schedule.basis(facts.documentType());
        if (supersedesKey != null) {
            var replaced = catalogue.byKey(supersedesKey);
            if (replaced.isPresent() && !retention.isPermanent() && (replaced.get().retainUntil() == null
                    || replaced.get().retainUntil().isAfter(retention.retainUntil()))) {
                retention = replaced.get().retainUntil() == null ? Retention.permanent()
                        : Retention.compliance(replaced.get().retainUntil());
                basis = "as the object it replaces (" + supersedesKey + "): " + replaced.get().basis();
            }
        }
        StoredObject stored = store.put(PutObjectArgs.builder().key(key).content(pdf).contentType("application/pdf")
                .retention(retention).expectedSha256(sha256).build());
        var entry = new ArchiveCatalogue.Entry(key.value(), stored.versionId(), stored.sha256(), stored.size(), facts,
                stored.retention().retainUntil(), basis, supersedesKey, stored.storedAt());
        writeManifest(key, entry, pkg, stored.retention());
        catalogue.add(entry);
        return key.value();
    }

    /**
     * Catalogues an object archived before the catalogue existed, as the store describes it (its retention, size,
     * version): nothing is written to the store. Does nothing when it is catalogued already.
     *
     * @return whether an entry was added
     * @throws vn.hocba.storage.NoSuchObjectException when the store does not have it (the fixity sweep reports it)
     */
    public boolean catalogueExisting(String key, PackageFacts pkg) {
        if (catalogue.byKey(key).isPresent()) {
            return false;
        }
        var objectKey = new ObjectKey(key);
        StoredObject stored = store.stat(objectKey).orElseThrow(() -> new vn.hocba.storage.NoSuchObjectException(objectKey));
        catalogue.add(new ArchiveCatalogue.Entry(key, stored.versionId(), stored.sha256(), stored.size(), pkg.document(),
                stored.retention().retainUntil(), "as the store keeps it (archived before the catalogue): "
                + schedule.basis(pkg.document().documentType()), null, stored.storedAt()));
        return true;
    }

    /** Every key the catalogue holds. */
    public java.util.Set<String> cataloguedKeys() {
        return catalogue.keys();
    }

    /** The manifest's key: next to the PDF, {@code records/sha256/ab/cd/<sha256>.manifest.json}. */
    static ObjectKey manifestKey(String pdfKey) {
        return new ObjectKey(pdfKey.replaceFirst("\\.pdf$", "") + MANIFEST_SUFFIX);
    }

    static final String MANIFEST_SUFFIX = ".manifest.json";

    /**
     * The archive package's manifest (JSON, {@code hocba.archive-manifest/v1}): the object's hashes and size, the
     * document, its signers, the version it supersedes and its retention; stored once, immutable, with the PDF's
     * retention. A retry writes the same bytes (what the store already holds: idempotent); a manifest that differs
     * (another instance first) is kept.
     */
    private void writeManifest(ObjectKey pdfKey, ArchiveCatalogue.Entry entry, PackageFacts pkg, Retention retention) {
        ObjectKey key = manifestKey(pdfKey.value());
        var json = MANIFESTS.createObjectNode();
        json.put("format", "hocba.archive-manifest/v1");
        json.put("lookupCode", entry.facts().lookupCode().toString());
        json.put("documentType", entry.facts().documentType());
        json.put("school", entry.facts().school());
        json.put("schoolYear", entry.facts().schoolYear());
        json.put("class", entry.facts().classCode());
        json.put("student", pkg.student());
        var object = json.putObject("object");
        object.put("key", entry.key());
        object.put("versionId", entry.versionId());
        object.put("sha256", entry.sha256());
        object.put("size", entry.size());
        object.put("mediaType", "application/pdf");
        object.put("signatureLevel", pkg.signatureLevel());
        json.put("supersedesVersion", pkg.supersedes() == null ? null : pkg.supersedes().toString());
        json.put("supersedesObject", entry.supersedesKey());
        var signers = json.putArray("signers");
        pkg.signers().forEach(s -> signers.addObject().put("staffId", s.staffId()).put("role", s.role())
                .put("signedAt", s.signedAt() == null ? null : s.signedAt().toString()));
        var kept = json.putObject("retention");
        kept.put("mode", retention.mode().name());
        kept.put("retainUntil", retention.isPermanent() ? null : retention.retainUntil().toString());
        kept.put("basis", entry.basis());
        json.put("archivedAt", entry.archivedAt().toString());
        byte[] bytes = MANIFESTS.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        try {
            store.put(PutObjectArgs.builder().key(key).content(bytes).contentType("application/json")
                    .retention(retention).build());
        } catch (vn.hocba.storage.ObjectExistsException written) {
            // another instance wrote it first: that one describes the same object
        }
    }

    private static final tools.jackson.databind.json.JsonMapper MANIFESTS =
            tools.jackson.databind.json.JsonMapper.builder().build();

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
