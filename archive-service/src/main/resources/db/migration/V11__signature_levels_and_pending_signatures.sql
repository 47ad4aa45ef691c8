-- Durable signatures (issue 15). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The PAdES level of a version's current file: PAdES-BASELINE-T while it is signed, B-LT/B-LTA once extended before
-- the archive. Files signed before this stage are B-B.
alter table document add column signature_level varchar(24) not null default 'PAdES-BASELINE-B';

-- A signer's own certificate (USB token, HSM, remote signing service), registered for two-step signing. One current
-- certificate per staff member; a new registration replaces it.
create table signer_certificate (
    school_code   varchar(64)   not null,
    staff_id      varchar(32)   not null,
    certificate   bytea         not null,   -- DER
    chain         bytea,                    -- DER certificates, each prefixed by its 4-byte length; null if none given
    registered_at timestamp with time zone not null,
    primary key (school_code, staff_id)
);

-- Two-step signatures prepared (data to sign handed out) and not yet completed. The encoded pending signature holds
-- everything needed to complete it, so that any instance completes it, also after a restart.
create table pending_signature (
    id            uuid          primary key,
    lookup_code   uuid          not null references document (lookup_code),
    staff_id      varchar(32)   not null,
    role          varchar(24)   not null,
    revision      int           not null,   -- the document's revision it was prepared on
    encoded       bytea         not null,
    created_by    varchar(255)  not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);
create index pending_signature_by_document on pending_signature (lookup_code);
