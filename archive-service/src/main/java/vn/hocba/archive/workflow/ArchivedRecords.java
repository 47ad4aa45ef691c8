package vn.hocba.archive.workflow;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hocba.archive.archive.ArchivedObjects;

/** The archived student records as the database recorded them, for the archive's fixity checks. */
@Component
class ArchivedRecords implements ArchivedObjects {

    private final JdbcClient db;

    ArchivedRecords(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<Reference> archivedObjects() {
        return db.sql("select archive_key, sha256, lookup_code from student_record where archive_key is not null")
                .query((rs, i) -> new Reference(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
    }
}
