-- V25's rule, kept by the database: an archived version's archived_sha256 is its sha256 (public validation finds an
-- archived file by it, so a version archived without it would never be matched, and nothing would say so). A write
-- that breaks it fails, and the outbox archives the version again. Runs unchanged on H2 (MODE=PostgreSQL) and
-- PostgreSQL.
alter table document add constraint document_archived_sha256 check (archive_key is null
    or (archived_sha256 is not null and archived_sha256 = sha256));
