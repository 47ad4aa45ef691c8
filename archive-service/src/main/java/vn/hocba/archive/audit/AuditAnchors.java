package vn.hocba.archive.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.hocba.archive.common.Hashes;
import vn.hocba.storage.ObjectKey;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.PutObjectArgs;
import vn.hocba.storage.Retention;

/**
 * Anchors of the audit chain outside the database: each anchor is a write-once object in the archive's store
 * ({@code audit-anchors/<toSeq>.json}, kept permanently) holding the hashes of the entries verified since the previous
 * anchor. Whoever can rewrite the database cannot rewrite these, so an edit re-chained with fresh hashes, or a
 * truncation with the head moved back, no longer matches them. Anchors already read are cached: they never change.
 */
@Service
public class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    static final String PREFIX = "audit-anchors/";

    private final ObjectStore store;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Map<Long, String>> read = new ConcurrentHashMap<>();
    private volatile Map<Long, String> last;

    AuditAnchors(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every anchored entry hash, by seq (lists the store: for the full verification). */
    Map<Long, String> anchored() {
        Map<Long, String> all = new TreeMap<>();
        try (var keys = store.list(PREFIX)) {
            keys.forEach(key -> all.putAll(read.computeIfAbsent(key.value(), k -> parse(store.getBytes(key)))));
        }
        TreeMap<Long, String> sorted = (TreeMap<Long, String>) all;
        last = sorted.isEmpty() ? Map.of() : Map.of(sorted.lastKey(), sorted.lastEntry().getValue());
        return all;
    }

    /**
     * The newest anchored entry (seq → hash), empty when none: all that the check before the next anchor needs. Kept
     * in memory after the first listing and after each write, so anchoring after every commit does not list the store.
     */
    Map<Long, String> last() {
        Map<Long, String> known = last;
        return known != null ? known : lastOfListing();
    }

    private Map<Long, String> lastOfListing() {
        anchored();
        return last;
    }

    /** Writes one anchor with these entry hashes (seq → hash); nothing when empty. */
    void write(Map<Long, String> hashes) {
        if (hashes.isEmpty()) {
            return;
        }
        var sorted = new TreeMap<>(hashes);
        var body = json.createObjectNode();
        body.put("format", "hocba.audit-anchor/v1");
        body.put("anchoredAt", clock.instant().toString());
        body.put("fromSeq", sorted.firstKey());
        body.put("toSeq", sorted.lastKey());
        var entries = body.putObject("hashes");
        sorted.forEach((seq, hash) -> entries.put(Long.toString(seq), hash));
        byte[] bytes = json.writeValueAsBytes(body);
        var key = new ObjectKey(PREFIX + String.format("%020d", sorted.lastKey()) + ".json");
        store.put(PutObjectArgs.builder().key(key).content(bytes).contentType("application/json")
                .retention(Retention.permanent()).expectedSha256(Hashes.sha256(bytes)).build());
        read.put(key.value(), Map.copyOf(sorted));
        last = Map.of(sorted.lastKey(), sorted.lastEntry().getValue());
        log.debug("audit chain anchored up to entry {}", sorted.lastKey());
    }

    private Map<Long, String> parse(byte[] bytes) {
        JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
        Map<Long, String> out = new TreeMap<>();
        node.get("hashes").properties().forEach(e -> out.put(Long.parseLong(e.getKey()), e.getValue().asString()));
        return out;
    }
}
