-- Real accounts (issue 18): besides the inspectors, the account table now holds staff accounts (a staff member of an
-- imported school, named {staffId}@{schoolCode}, whose roles come from the school's current year as the demo
-- accounts' do) and the system administrator of a server installation (created once from
-- hocba.admin.initial-password). An account whose password someone else chose must change it at its first sign-in:
-- until then it may only change its password. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
alter table account add column school_code varchar(64);
alter table account add column staff_id varchar(32);
alter table account add column must_change_password boolean not null default false;
alter table account add column password_changed_at timestamp;
