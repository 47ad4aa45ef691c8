-- The archive catalogue (issue 16): every object the archive wrote to its store, with what it is, where it belongs and
-- how long the store keeps it, so that a class's documents can be listed for export and retention is known per
-- document without asking the store. Written after the store took the object, before the document is marked archived
-- (a retry finds the row and adds nothing). Legal holds: placed and released by the principal of the school (later
-- also an inspector with jurisdiction), with a reason and a reference; the store's own hold is on while one is open.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

create table archived_object (
    object_key       varchar(1024) primary key,
    version_id       varchar(1024),
    sha256           char(64)      not null,
    size_bytes       bigint        not null,
    document_type    varchar(40)   not null,
    school_code      varchar(64)   not null,
    school_year      varchar(9)    not null,
    class_code       varchar(64),
    lookup_code      uuid          not null,
    -- null: permanent
    retain_until     timestamp with time zone,
    retention_basis  varchar(500)  not null,
    -- the object this one replaces for the same document (an archive timestamp renewal), if any
    supersedes_key   varchar(1024),
    archived_at      timestamp with time zone not null
);
create index archived_object_by_class on archived_object (school_code, school_year, class_code);
create index archived_object_by_document on archived_object (lookup_code);

create table legal_hold (
    id           uuid          primary key,
    lookup_code  uuid          not null,
    reason       varchar(1000) not null,
    reference    varchar(200)  not null,
    placed_by    varchar(200)  not null,
    placed_at    timestamp with time zone not null,
    released_by  varchar(200),
    released_at  timestamp with time zone
);
create index legal_hold_by_document on legal_hold (lookup_code);
