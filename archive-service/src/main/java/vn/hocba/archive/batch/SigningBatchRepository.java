package vn.hocba.archive.batch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.StaffRole;

/** Batches and their documents (tables {@code signing_batch}, {@code signing_batch_item}, Flyway V12). */
@Repository
class SigningBatchRepository {

    private final JdbcClient db;

    SigningBatchRepository(JdbcClient db) {
        this.db = db;
    }

    /** A batch row. */
    record Batch(UUID id, Caller caller, String method, boolean running, Instant createdAt, Instant finishedAt) {
    }

    /** A document of a batch; {@code result} null until decided; {@code attemptRole} set once signing was asked for. */
    record Item(UUID batchId, int position, UUID lookupCode, String attemptRole, ItemResult result) {
    }

    void insert(UUID id, Caller caller, String method, Instant at, List<UUID> documents) {
        db.sql("""
                insert into signing_batch (id, created_by, caller_school, caller_staff_id, caller_roles, caller_admin,
                                           method, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?)""")
                .params(id, caller.username(), caller.school(), caller.staffId(),
                        caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        caller.administrator(), method, Timestamp.from(at))
                .update();
        for (int i = 0; i < documents.size(); i++) {
            db.sql("insert into signing_batch_item (batch_id, position, lookup_code) values (?, ?, ?)")
                    .params(id, i, documents.get(i)).update();
        }
    }

    Optional<Batch> batch(UUID id) {
        return db.sql("""
                select id, created_by, caller_school, caller_staff_id, caller_roles, caller_admin, method, status,
                       created_at, finished_at
                from signing_batch where id = ?""").param(id).query((rs, n) -> {
            Set<StaffRole> roles = new LinkedHashSet<>();
            String text = rs.getString("caller_roles");
            if (text != null && !text.isBlank()) {
                Arrays.stream(text.split(",")).map(StaffRole::of).forEach(roles::add);
            }
            Caller caller = new Caller(rs.getString("created_by"), rs.getString("caller_school"),
                    rs.getString("caller_staff_id"), roles, rs.getBoolean("caller_admin"), null);
            Timestamp finished = rs.getTimestamp("finished_at");
            return new Batch(rs.getObject("id", UUID.class), caller, rs.getString("method"),
                    rs.getString("status").equals("RUNNING"), rs.getTimestamp("created_at").toInstant(),
                    finished == null ? null : finished.toInstant());
        }).optional();
    }

    List<UUID> running() {
        return db.sql("select id from signing_batch where status = 'RUNNING' order by created_at")
                .query(UUID.class).list();
    }

    List<Item> items(UUID batchId, boolean pendingOnly) {
        return db.sql("""
                select batch_id, position, lookup_code, attempt_role, outcome, reason, detail_en, detail_vi
                from signing_batch_item where batch_id = ?""" + (pendingOnly ? " and outcome is null" : "")
                        + " order by position")
                .param(batchId)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    return new Item(rs.getObject("batch_id", UUID.class), rs.getInt("position"),
                            rs.getObject("lookup_code", UUID.class), rs.getString("attempt_role"),
                            outcome == null ? null : new ItemResult(ItemOutcome.valueOf(outcome), rs.getString("reason"),
                                    rs.getString("detail_en"), rs.getString("detail_vi")));
                }).list();
    }

    Item item(UUID batchId, int position) {
        return db.sql("select attempt_role, lookup_code from signing_batch_item where batch_id = ? and position = ?")
                .params(batchId, position)
                .query((rs, n) -> new Item(batchId, position, rs.getObject("lookup_code", UUID.class),
                        rs.getString("attempt_role"), null)).single();
    }

    /** Outcome counts; {@code null} key: pending. */
    Map<ItemOutcome, Integer> counts(UUID batchId, int[] pending) {
        Map<ItemOutcome, Integer> counts = new EnumMap<>(ItemOutcome.class);
        for (ItemOutcome o : ItemOutcome.values()) {
            counts.put(o, 0);
        }
        pending[0] = 0;
        db.sql("select outcome, count(*) from signing_batch_item where batch_id = ? group by outcome")
                .param(batchId).query(rs -> {
                    String outcome = rs.getString(1);
                    if (outcome == null) {
                        pending[0] = rs.getInt(2);
                    } else {
                        counts.put(ItemOutcome.valueOf(outcome), rs.getInt(2));
                    }
                });
        return counts;
    }

    void markAttempt(UUID batchId, int position, String role) {
        db.sql("update signing_batch_item set attempt_role = ? where batch_id = ? and position = ? and outcome is null")
                .params(role, batchId, position).update();
    }

    /** Writes the outcome once; false when it was decided already. */
    boolean decide(UUID batchId, int position, ItemResult result, Instant at) {
        return db.sql("""
                update signing_batch_item set outcome = ?, reason = ?, detail_en = ?, detail_vi = ?, decided_at = ?
                where batch_id = ? and position = ? and outcome is null""")
                .params(result.outcome().name(), result.reason(), truncate(result.detailEn()),
                        truncate(result.detailVi()), Timestamp.from(at), batchId, position)
                .update() == 1;
    }

    /** Marks the batch DONE once; false when it was already (another worker finished it). */
    boolean finish(UUID batchId, Instant at) {
        return db.sql("update signing_batch set status = 'DONE', finished_at = ? where id = ? and status = 'RUNNING'")
                .params(Timestamp.from(at), batchId).update() == 1;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    static List<UUID> codes(List<Item> items) {
        List<UUID> out = new ArrayList<>();
        items.forEach(i -> out.add(i.lookupCode()));
        return out;
    }
}
