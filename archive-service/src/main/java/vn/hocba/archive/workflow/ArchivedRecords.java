package vn.hocba.archive.workflow;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hocba.archive.archive.ArchivedObjects;

/**
 * The student records as other features need to know of them without reading this feature's tables: the archived
 * ones for the archive's fixity checks, and whether any was issued from a school year (the import refuses then).
 */
@Component
class ArchivedRecords implements ArchivedObjects, vn.hocba.archive.school.IssuedDocuments {

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

    @Override
    public boolean anyIssued(String school, String schoolYear) {
        return db.sql("select count(*) from student_record where school_code = ? and school_year = ?")
                .params(school, schoolYear).query(Integer.class).single() > 0;
    }
}
