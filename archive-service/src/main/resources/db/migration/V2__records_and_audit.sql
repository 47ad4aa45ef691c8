-- Student records (học bạ) through their signing sequence, and the hash-chained audit log.

create table student_record (
    lookup_code     uuid          primary key,
    school_code     varchar(64)   not null,
    school_year     varchar(9)    not null,
    student_id      varchar(32)   not null,
    class_code      varchar(16)   not null,
    version         int           not null,
    status          varchar(16)   not null,
    revision        int           not null,   -- 0 = as rendered; +1 per signature (optimistic lock)
    pdf             bytea,                    -- the working PDF while SIGNING; null once archived
    sha256          char(64)      not null,   -- of the current PDF
    created_at      timestamp with time zone not null,
    archived_at     timestamp with time zone,
    archive_key     varchar(1024),
    unique (school_code, school_year, student_id, version),
    foreign key (school_code, school_year, student_id) references student (school_code, school_year, id)
);

-- The signing plan fixed when the record is rendered: who signs, in which stage, in which box.
create table record_signer (
    lookup_code  uuid         not null references student_record (lookup_code),
    staff_id     varchar(32)  not null,
    role         varchar(24)  not null,
    stage        int          not null,
    subjects     varchar(500) not null,   -- comma-separated subject codes (subject teachers)
    full_name    varchar(255) not null,
    box_page     int          not null,
    box_x        numeric(9,2) not null,
    box_y        numeric(9,2) not null,
    box_width    numeric(9,2) not null,
    box_height   numeric(9,2) not null,
    signed_at    timestamp with time zone,
    revision     int,
    primary key (lookup_code, staff_id, role)
);

create table audit_event (
    seq          bigint        primary key,
    occurred_at  timestamp with time zone not null,
    actor        varchar(128)  not null,
    action       varchar(64)   not null,
    subject      varchar(255)  not null,
    details      varchar(4000) not null,
    prev_hash    char(64)      not null,
    hash         char(64)      not null unique
);
