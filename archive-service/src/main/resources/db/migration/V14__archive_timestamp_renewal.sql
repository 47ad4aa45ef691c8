-- Long-term preservation (issue 15): an archived document's newest document timestamp is renewed (a new B-LTA
-- archive timestamp over the file) before its time-stamping unit's certificate expires. The renewed file is archived
-- as a new object; the object it replaces stays in the store, immutable, and is listed here. Runs unchanged on H2
-- (MODE=PostgreSQL) and PostgreSQL.

-- notAfter of the certificate of the newest document timestamp in the archived file; null until first examined.
alter table document add column archive_timestamp_until timestamp with time zone;

create table document_archived_copy (
    lookup_code  uuid          not null references document (lookup_code),
    archive_key  varchar(1024) not null,
    sha256       char(64)      not null,
    replaced_at  timestamp with time zone not null,
    primary key (lookup_code, archive_key)
);
