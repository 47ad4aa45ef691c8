-- Local accounts that are not staff of an imported school (issue 17: inspectors of a district or a province, created
-- by the administrator; API.md "Accounts"). The password is kept as a BCrypt hash only. An inspector's jurisdiction is
-- a province, and optionally one district of it, named as the datasets name them.
create table account (
    username       varchar(64)  primary key,
    password_hash  varchar(100) not null,
    role           varchar(32)  not null,
    province       varchar(255),
    district       varchar(255),
    created_at     timestamp    not null,
    created_by     varchar(255) not null
);
