-- The head of the audit chain, one row: appenders lock it (select ... for update) inside the transaction of the
-- change they record, so entries are written atomically with their change and strictly one after another.
create table audit_head (
    id    int       primary key,
    seq   bigint    not null,
    hash  char(64)  not null
);

insert into audit_head (id, seq, hash)
select 1,
       coalesce((select max(seq) from audit_event), 0),
       coalesce((select hash from audit_event where seq = (select max(seq) from audit_event)),
                '0000000000000000000000000000000000000000000000000000000000000000');
