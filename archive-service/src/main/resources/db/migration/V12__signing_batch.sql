-- Batch countersigning (API.md "Batch countersigning"): the caller authorizes once, the service signs in the background
-- every listed document where it is the caller's turn. The batch and each of its documents are rows, so that progress
-- is visible while it runs and a restart resumes an unfinished batch where it stopped. Rows are never deleted.
create table signing_batch (
    id              uuid          primary key,
    created_by      varchar(128)  not null,   -- the caller's account (the audit log's actor)
    -- the caller as the background signer acts for them: school, staff id, roles (comma-separated), administrator
    caller_school   varchar(64),
    caller_staff_id varchar(64),
    caller_roles    varchar(200)  not null,
    caller_admin    boolean       not null,
    method          varchar(32)   not null,   -- how its signatures are made (SERVICE_KEY today; a remote service later)
    status          varchar(16)   not null,
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    -- no "in (…)" (see V9): H2 keeps the constant list with the migration's session
    check (case status when 'RUNNING' then 1 when 'DONE' then 1 else 0 end = 1)
);

create index signing_batch_running on signing_batch (status);

-- One listed document. outcome is null until it is decided, then written once. attempt_role is written just before
-- the signature is asked for: after a crash between the workflow's commit and the outcome's, a document whose
-- attempted step is signed is recorded SIGNED (and never signed twice, which the workflow refuses anyway).
create table signing_batch_item (
    batch_id      uuid          not null references signing_batch (id),
    position      int           not null,
    lookup_code   uuid          not null,
    attempt_role  varchar(32),
    outcome       varchar(16),
    reason        varchar(64),
    detail_en     varchar(500),
    detail_vi     varchar(500),
    decided_at    timestamp with time zone,
    primary key (batch_id, position),
    check (case coalesce(outcome, 'PENDING') when 'PENDING' then 1 when 'SIGNED' then 1 when 'FAILED' then 1
           when 'SKIPPED' then 1 else 0 end = 1)
);
