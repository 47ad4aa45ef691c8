package db.migration;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the unique constraint on {@code audit_event.hash} (V2), and the index behind it.
 *
 * <p>Every audit entry (one a signature) inserted a key into that index at a random place, a leaf of 64-character
 * keys rewritten with every commit: on the embedded H2, about 5.8 KB of the 50 KB a signature's commit writes (issue
 * 19). It guarded nothing the chain does not: each hash covers the entry's own {@code seq}, the primary key, and the
 * previous hash, so two entries with one hash would need a SHA-256 collision, and verification re-walks the chain by
 * {@code seq} and compares each hash with the one it recomputes (a copied hash fails there). No query looks an entry
 * up by its hash. Java, not SQL: the constraint was created without a name, and H2 and PostgreSQL named it
 * differently ({@code constraint_…}, {@code audit_event_hash_key}); it is found in {@code information_schema}, which
 * both have. Does nothing where it is already gone.
 */
public class V27__audit_hash_not_unique extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement st = context.getConnection().createStatement();
             var rs = st.executeQuery("""
                     select tc.constraint_name from information_schema.table_constraints tc
                     join information_schema.key_column_usage k on k.constraint_schema = tc.constraint_schema
                         and k.constraint_name = tc.constraint_name
                     where lower(tc.table_name) = 'audit_event' and tc.constraint_type = 'UNIQUE'
                         and lower(k.column_name) = 'hash' and tc.constraint_schema = current_schema""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement st = context.getConnection().createStatement()) {
            for (String name : names) {
                st.execute("alter table audit_event drop constraint \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
