-- Corrections after lock (DOMAIN.md "Locking, corrections and audit"): the request, its steps and its evidence are
-- kept for good ("lưu vết": who, when, old value, new value, why, approved by whom). No row is ever deleted; a
-- request row changes only through its status steps (REQUESTED -> CONFIRMED -> APPROVED | REJECTED), each writing
-- its own columns once. Keyed by the school year, not by student or class: a re-import replaces those rows whole.
create table correction_request (
    id                uuid          primary key,
    school_code       varchar(64)   not null,
    school_year       varchar(9)    not null,
    class_code        varchar(16)   not null,
    student_id        varchar(32)   not null,
    subject_code      varchar(32)   not null,
    term              smallint      not null,
    mark_field        varchar(16)   not null,   -- final, midterm or regular[i] (API.md)
    old_value         varchar(8),               -- as stored: "7.5", "Đ", "CĐ"; null when the mark was missing
    new_value         varchar(8)    not null,
    reason            varchar(1000) not null,
    requested_by      varchar(128)  not null,
    requested_at      timestamp with time zone not null,
    status            varchar(16)   not null,
    confirmed_by      varchar(128),
    confirmed_at      timestamp with time zone,
    decided_by        varchar(128),
    decided_at        timestamp with time zone,
    rejection_reason  varchar(1000),
    -- no "in (…)" nor "= … or = …" (which H2 turns into one): H2 evaluates such a constant list with the session that
    -- created the table, and then refuses every insert once the pool has closed the migration's connection
    check (term between 1 and 2),
    check (case status when 'REQUESTED' then 1 when 'CONFIRMED' then 1 when 'APPROVED' then 1 when 'REJECTED' then 1
           else 0 end = 1),
    foreign key (school_code, school_year) references school_year (school_code, school_year)
);

create index correction_request_by_year on correction_request (school_code, school_year, class_code);

-- The evidence a request carries (e.g. a scan of the test paper): at most one file per request, PDF, JPEG or PNG,
-- at most 10 MB, with the sha256 of its bytes as received.
create table correction_evidence (
    correction_id  uuid          primary key references correction_request (id),
    filename       varchar(255)  not null,
    content_type   varchar(32)   not null,
    size_bytes     int           not null,
    sha256         char(64)      not null,
    content        bytea         not null
);
