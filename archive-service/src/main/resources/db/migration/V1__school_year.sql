-- School-year data as imported (format hocba.school-year/v1). Everything but the school itself is scoped
-- by (school_code, school_year): a re-import of a changed dataset replaces that year whole, in one transaction.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

create table school (
    code        varchar(64)   primary key,
    name        varchar(255)  not null,
    level       varchar(16)   not null,
    province    varchar(255),
    district    varchar(255),
    address     varchar(1000)
);

create table school_year (
    school_code     varchar(64)  not null references school (code),
    school_year     varchar(9)   not null,
    dataset_sha256  char(64)     not null,
    imported_at     timestamp with time zone not null,
    summary         varchar(2000) not null,
    primary key (school_code, school_year)
);

create table staff (
    school_code  varchar(64)  not null,
    school_year  varchar(9)   not null,
    id           varchar(32)  not null,
    full_name    varchar(255) not null,
    roles        varchar(255) not null,
    email        varchar(255),
    primary key (school_code, school_year, id),
    foreign key (school_code, school_year) references school_year (school_code, school_year)
);

create table subject (
    school_code  varchar(64)  not null,
    school_year  varchar(9)   not null,
    code         varchar(32)  not null,
    name         varchar(255) not null,
    assessment   varchar(16)  not null,
    position     int          not null,
    primary key (school_code, school_year, code),
    foreign key (school_code, school_year) references school_year (school_code, school_year)
);

create table subject_periods (
    school_code   varchar(64) not null,
    school_year   varchar(9)  not null,
    subject_code  varchar(32) not null,
    grade         int         not null,
    periods       int         not null,
    primary key (school_code, school_year, subject_code, grade),
    foreign key (school_code, school_year, subject_code) references subject (school_code, school_year, code)
);

create table school_class (
    school_code       varchar(64) not null,
    school_year       varchar(9)  not null,
    code              varchar(16) not null,
    grade             int         not null,
    homeroom_teacher  varchar(32) not null,
    primary key (school_code, school_year, code),
    foreign key (school_code, school_year, homeroom_teacher) references staff (school_code, school_year, id)
);

create table class_subject_teacher (
    school_code   varchar(64) not null,
    school_year   varchar(9)  not null,
    class_code    varchar(16) not null,
    subject_code  varchar(32) not null,
    staff_id      varchar(32) not null,
    primary key (school_code, school_year, class_code, subject_code),
    foreign key (school_code, school_year, class_code) references school_class (school_code, school_year, code),
    foreign key (school_code, school_year, subject_code) references subject (school_code, school_year, code),
    foreign key (school_code, school_year, staff_id) references staff (school_code, school_year, id)
);

create table student (
    school_code     varchar(64)   not null,
    school_year     varchar(9)    not null,
    id              varchar(32)   not null,
    full_name       varchar(255)  not null,
    sex             varchar(3)    not null,
    date_of_birth   date          not null,
    ethnicity       varchar(64),
    place_of_birth  varchar(255),
    address         varchar(1000),
    father          varchar(255),
    mother          varchar(255),
    class_code      varchar(16)   not null,
    enrolment_no    varchar(64),
    national_id     varchar(32),
    primary key (school_code, school_year, id),
    foreign key (school_code, school_year, class_code) references school_class (school_code, school_year, code)
);
create index student_by_class on student (school_code, school_year, class_code);

-- Marks are kept as written in the dataset ("7.5", "Đ", "CĐ"; regular marks comma-separated) so that no
-- value ever passes through binary floating point; grading parses them into exact decimals.
create table assessment (
    school_code   varchar(64) not null,
    school_year   varchar(9)  not null,
    student_id    varchar(32) not null,
    subject_code  varchar(32) not null,
    term          smallint    not null,
    regular_marks varchar(200) not null,
    midterm       varchar(8),
    final_mark    varchar(8),
    primary key (school_code, school_year, student_id, subject_code, term),
    foreign key (school_code, school_year, student_id) references student (school_code, school_year, id),
    foreign key (school_code, school_year, subject_code) references subject (school_code, school_year, code)
);

create table conduct (
    school_code  varchar(64) not null,
    school_year  varchar(9)  not null,
    student_id   varchar(32) not null,
    term         smallint    not null,
    level        varchar(16) not null,
    primary key (school_code, school_year, student_id, term),
    foreign key (school_code, school_year, student_id) references student (school_code, school_year, id)
);

create table attendance (
    school_code     varchar(64) not null,
    school_year     varchar(9)  not null,
    student_id      varchar(32) not null,
    term            smallint    not null,
    excused_days    int         not null,
    unexcused_days  int         not null,
    primary key (school_code, school_year, student_id, term),
    foreign key (school_code, school_year, student_id) references student (school_code, school_year, id)
);

create table student_comment (
    school_code    varchar(64)   not null,
    school_year    varchar(9)    not null,
    student_id     varchar(32)   not null,
    homeroom       varchar(4000),
    subject_code   varchar(32)   not null,  -- '' for the homeroom comment row
    subject_text   varchar(4000),
    primary key (school_code, school_year, student_id, subject_code),
    foreign key (school_code, school_year, student_id) references student (school_code, school_year, id)
);
