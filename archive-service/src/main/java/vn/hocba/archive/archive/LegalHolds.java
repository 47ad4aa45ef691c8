package vn.hocba.archive.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.InvalidInputException;
import vn.hocba.archive.common.NotFoundException;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectStore;

/**
 * Legal holds and retention of archived documents (API.md "Retention and legal hold"). A hold is placed by the
 * principal of the document's school or by an inspector whose jurisdiction covers it, and released by the same
 * authority: a principal's hold by the school's principal, an inspector's by an inspector of the same office (the same
 * province and district); with a reason and a
 * reference (a decision's number, a case file); while any hold of a document is open, the store itself holds every
 * object of it, so none can be deleted even after its retention ends. Each change is in the audit log. The store's
 * hold is set as the last step of the transaction that records it: a store that does not answer leaves nothing
 * recorded (503), and a record never claims a hold the store does not have.
 */
@Service
public class LegalHolds {

    static final int REASON_MAX = 1000;
    static final int REFERENCE_MAX = 200;

    private final DocumentReaders readers;
    private final ArchiveCatalogue catalogue;
    private final ObjectStore store;
    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LegalHolds(DocumentReaders readers, ArchiveCatalogue catalogue, ObjectStore store, JdbcClient db,
               TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
        this.readers = readers;
        this.catalogue = catalogue;
        this.store = store;
        this.db = db;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** One hold; {@code releasedAt} null while open. */
    public record Hold(UUID id, UUID lookupCode, String reason, String reference, String placedBy, Instant placedAt,
                       String releasedBy, Instant releasedAt) {
    }

    /** {@code GET …/retention}: the retention of the document's newest object (null: permanent), why, open holds. */
    public record RetentionView(UUID lookupCode, Instant retainUntil, String basis, List<Hold> holds) {
    }

    /**
     * Places a hold.
     *
     * @throws vn.hocba.archive.common.HocbaException 404/403 as for the document, 403 not the principal of its school,
     *                                                422 reason or reference missing or too long, 409 not archived yet
     */
    public Hold place(UUID lookupCode, Caller caller, String reason, String reference) {
        DocumentFacts facts = readers.readable(lookupCode, caller);
        requireAuthority(facts, caller);
        vn.hocba.archive.common.StrictRequestBody.requireKnownMembers(); // the body's, once the caller may place it
        String why = required("reason", reason, REASON_MAX, "lý do");
        String ref = required("reference", reference, REFERENCE_MAX, "số hiệu văn bản căn cứ");
        Hold hold = new Hold(UUID.randomUUID(), lookupCode, why, ref, caller.username(), clock.instant(), null, null);
        return tx.execute(status -> {
            List<ObjectKey> objects = lockDocument(lookupCode);
            db.sql("""
                    insert into legal_hold (id, lookup_code, reason, reference, placed_by, placed_at, authority)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(hold.id(), lookupCode, why, ref, hold.placedBy(), Timestamp.from(hold.placedAt()),
                            authority(facts, caller)).update();
            events.publishEvent(new LegalHoldPlaced(hold.id(), lookupCode, caller.username(), why, ref));
            holdInStore(objects, true);
            return hold;
        });
    }

    /**
     * Releases an open hold; the store's hold goes off when it was the document's last open one.
     *
     * @throws vn.hocba.archive.common.HocbaException 404/403 as for the document, 403 not the principal of its school,
     *                                                404 no open hold {@code id} on that document
     */
    public void release(UUID lookupCode, UUID id, Caller caller) {
        DocumentFacts facts = readers.readable(lookupCode, caller);
        requireAuthority(facts, caller);
        tx.executeWithoutResult(status -> {
            List<ObjectKey> objects = lockDocument(lookupCode);
            var placedBy = db.sql("select authority from legal_hold where id = ? and lookup_code = ?")
                    .params(id, lookupCode).query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).optional();
            // the same authority: the school's principal for a principal's hold (every hold before V21), the same
            // inspectors' office (province and district) for an inspector's
            boolean sameAuthority = placedBy.isEmpty()
                    || placedBy.get().orElse(principalAuthority(facts.school())).equals(authority(facts, caller));
            if (!sameAuthority) {
                throw new ForbiddenException("a legal hold is released by the authority that placed it",
                        "lệnh phong tỏa do cơ quan nào đặt thì cơ quan đó gỡ");
            }
            int released = db.sql("""
                    update legal_hold set released_by = ?, released_at = ?
                    where id = ? and lookup_code = ? and released_at is null""")
                    .params(caller.username(), Timestamp.from(clock.instant()), id, lookupCode).update();
            if (released == 0) {
                throw new NotFoundException("open legal hold " + id, "lệnh phong tỏa đang hiệu lực " + id);
            }
            boolean last = open(lookupCode).isEmpty();
            events.publishEvent(new LegalHoldReleased(id, lookupCode, caller.username(), last));
            if (last) {
                holdInStore(objects, false);
            }
        });
    }

    /**
     * Takes the document's row locks (its catalogue entries, {@code for update}) for the rest of the transaction, so
     * that hold changes of one document follow one another, in this instance and across instances: each sees the
     * holds the previous one committed, and the store's hold ends as the last change left it. Returns the document's
     * objects in the store: each archived PDF and its manifest.
     */
    private List<ObjectKey> lockDocument(UUID lookupCode) {
        List<String> keys = db.sql("select object_key from archived_object where lookup_code = ? order by object_key "
                + "for update").param(lookupCode).query(String.class).list();
        if (keys.isEmpty()) {
            throw new NotArchivedException();
        }
        List<ObjectKey> objects = new java.util.ArrayList<>();
        for (String key : keys) {
            objects.add(new ObjectKey(key));
            objects.add(RecordArchive.manifestKey(key));
        }
        return objects;
    }

    /** Sets the store's own hold of each object; a manifest absent (archived before packages existed) is skipped. */
    private void holdInStore(List<ObjectKey> objects, boolean on) {
        for (ObjectKey key : objects) {
            try {
                store.setLegalHold(key, on);
            } catch (vn.hocba.storage.NoSuchObjectException absent) {
                if (!key.value().endsWith(RecordArchive.MANIFEST_SUFFIX)) {
                    throw absent;
                }
            }
        }
    }

    /** The document's retention and open holds, for whoever may read the document. */
    public RetentionView retention(UUID lookupCode, Caller caller) {
        readers.readable(lookupCode, caller);
        List<ArchiveCatalogue.Entry> objects = archivedObjects(lookupCode);
        ArchiveCatalogue.Entry newest = objects.get(objects.size() - 1);
        return new RetentionView(lookupCode, newest.retainUntil(), newest.basis(), open(lookupCode));
    }

    private List<Hold> open(UUID lookupCode) {
        return db.sql("""
                select id, lookup_code, reason, reference, placed_by, placed_at, released_by, released_at
                from legal_hold where lookup_code = ? and released_at is null order by placed_at, id""")
                .param(lookupCode)
                .query((rs, i) -> new Hold(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }

    private List<ArchiveCatalogue.Entry> archivedObjects(UUID lookupCode) {
        List<ArchiveCatalogue.Entry> objects = catalogue.ofDocument(lookupCode);
        if (objects.isEmpty()) {
            throw new NotArchivedException();
        }
        return objects;
    }

    /** Who acts: the school's principal ({@code principal:{school}}) or an inspectors' office ({@code inspector:…}). */
    private static String authority(DocumentFacts facts, Caller caller) {
        if (!caller.isInspector()) {
            return principalAuthority(facts.school());
        }
        String office = caller.jurisdiction().key();
        // folding can lengthen a name: an office key too long for the column is kept as its hash
        return office.length() <= 500 ? "inspector:" + office : "inspector#" + vn.hocba.archive.common.Hashes.sha256(
                office.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String principalAuthority(String school) {
        return "principal:" + school;
    }

    /** The principal of the document's school, or an inspector (whose jurisdiction {@code readers} checked). */
    private static void requireAuthority(DocumentFacts facts, Caller caller) {
        if (caller.isInspector()) {
            return;
        }
        if (!caller.isStaffOf(facts.school()) || !caller.roles().contains(StaffRole.PRINCIPAL)) {
            throw new ForbiddenException("only the principal of the document's school or an inspector with jurisdiction "
                    + "places and releases legal holds",
                    "chỉ hiệu trưởng của trường có văn bản hoặc thanh tra có thẩm quyền được đặt hoặc gỡ lệnh phong tỏa");
        }
    }

    /** Required, at most {@code max} characters (code points), no control character but line breaks and tabs. */
    private static String required(String path, String value, int max, String nameVi) {
        String trimmed = value == null ? "" : java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new InvalidInputException("invalid-hold", path, path + " is required, at most " + max + " characters",
                    nameVi + " là bắt buộc, tối đa " + max + " ký tự");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            throw new InvalidInputException("invalid-hold", path, path + " holds a control character",
                    nameVi + " chứa ký tự điều khiển không hợp lệ");
        }
        return trimmed;
    }
}
