-- Every issued document (student record, class gradebook, class summary book) through one signing workflow
-- (issue 14): the student records and their signers move over from student_record / record_signer, whose
-- comma-separated subject column becomes one row per subject. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- One row per version. student_id, subject_code and period are '' where the document type has none, so that the
-- unique key (a series, by version) holds for every type.
create table document (
    lookup_code     uuid          primary key,
    document_type   varchar(24)   not null,   -- STUDENT_RECORD, CLASS_GRADEBOOK, CLASS_SUMMARY
    school_code     varchar(64)   not null,
    school_year     varchar(9)    not null,
    class_code      varchar(16)   not null,
    student_id      varchar(32)   not null,
    subject_code    varchar(32)   not null,
    period          varchar(8)    not null,   -- TERM1, TERM2, YEAR; '' for a student record
    version         int           not null,
    status          varchar(16)   not null,   -- SIGNING, ARCHIVED, SUPERSEDED
    revision        int           not null,   -- 0 = as rendered; +1 per signature (optimistic lock)
    pdf             bytea,                    -- the working PDF while SIGNING; null once archived
    sha256          char(64)      not null,   -- of the current PDF
    supersedes      uuid          references document (lookup_code),
    corrections     int           not null,   -- approved corrections printed on it
    created_at      timestamp with time zone not null,
    archived_at     timestamp with time zone,
    archive_key     varchar(1024),
    unique (school_code, school_year, document_type, class_code, student_id, subject_code, period, version),
    foreign key (school_code, school_year) references school_year (school_code, school_year)
);
create index document_by_class on document (school_code, school_year, class_code);

-- The signing plan fixed when the version is rendered: who signs, in which stage, in which box.
create table document_signer (
    lookup_code  uuid         not null references document (lookup_code),
    staff_id     varchar(32)  not null,
    role         varchar(24)  not null,
    stage        int          not null,
    slot         varchar(48)  not null,   -- the renderer's SignatureSlot: subject:CODE, homeroom, principal
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

-- The subjects a subject teacher signs for, in order.
create table document_signer_subject (
    lookup_code   uuid         not null,
    staff_id      varchar(32)  not null,
    role          varchar(24)  not null,
    ordinal       int          not null,
    subject_code  varchar(32)  not null,
    primary key (lookup_code, staff_id, role, ordinal),
    foreign key (lookup_code, staff_id, role) references document_signer (lookup_code, staff_id, role)
);

insert into document (lookup_code, document_type, school_code, school_year, class_code, student_id, subject_code, period,
                      version, status, revision, pdf, sha256, supersedes, corrections, created_at, archived_at, archive_key)
select lookup_code, 'STUDENT_RECORD', school_code, school_year, class_code, student_id, '', '', version, status, revision,
       pdf, sha256, null, 0, created_at, archived_at, archive_key
from student_record;

insert into document_signer (lookup_code, staff_id, role, stage, slot, full_name, box_page, box_x, box_y, box_width,
                             box_height, signed_at, revision)
select lookup_code, staff_id, role, stage,
       case role
           when 'SUBJECT_TEACHER' then 'subject:' || case when position(',' in subjects) > 0
                                                         then substring(subjects from 1 for position(',' in subjects) - 1)
                                                         else subjects end
           when 'HOMEROOM_TEACHER' then 'homeroom'
           else 'principal' end,
       full_name, box_page, box_x, box_y, box_width, box_height, signed_at, revision
from record_signer;

insert into document_signer_subject (lookup_code, staff_id, role, ordinal, subject_code)
with recursive parts (lookup_code, staff_id, role, ordinal, head, rest) as (
    select lookup_code, staff_id, role, 0,
           cast(case when position(',' in subjects) > 0 then substring(subjects from 1 for position(',' in subjects) - 1)
                     else subjects end as varchar(500)),
           cast(case when position(',' in subjects) > 0 then substring(subjects from position(',' in subjects) + 1)
                     else '' end as varchar(500))
    from record_signer where subjects <> ''
    union all
    select lookup_code, staff_id, role, ordinal + 1,
           cast(case when position(',' in rest) > 0 then substring(rest from 1 for position(',' in rest) - 1)
                     else rest end as varchar(500)),
           cast(case when position(',' in rest) > 0 then substring(rest from position(',' in rest) + 1)
                     else '' end as varchar(500))
    from parts where rest <> ''
)
select lookup_code, staff_id, role, ordinal, head from parts;

drop table record_signer;
drop table student_record;
