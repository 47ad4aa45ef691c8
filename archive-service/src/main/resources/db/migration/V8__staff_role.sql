-- Staff roles as rows, one per role held in that school year (issue 14: roles are not a comma-separated column).
-- The roles come from a closed vocabulary (common.StaffRole), so the old column is read by matching each role
-- between commas rather than by splitting the text, which H2 and PostgreSQL do differently.
create table staff_role (
    school_code  varchar(64)  not null,
    school_year  varchar(9)   not null,
    staff_id     varchar(32)  not null,
    role         varchar(16)  not null,
    primary key (school_code, school_year, staff_id, role),
    foreign key (school_code, school_year, staff_id) references staff (school_code, school_year, id)
);

insert into staff_role (school_code, school_year, staff_id, role)
select school_code, school_year, id, 'PRINCIPAL' from staff where ',' || roles || ',' like '%,PRINCIPAL,%';
insert into staff_role (school_code, school_year, staff_id, role)
select school_code, school_year, id, 'VICE_PRINCIPAL' from staff where ',' || roles || ',' like '%,VICE_PRINCIPAL,%';
insert into staff_role (school_code, school_year, staff_id, role)
select school_code, school_year, id, 'CLERK' from staff where ',' || roles || ',' like '%,CLERK,%';
insert into staff_role (school_code, school_year, staff_id, role)
select school_code, school_year, id, 'ADMIN' from staff where ',' || roles || ',' like '%,ADMIN,%';
insert into staff_role (school_code, school_year, staff_id, role)
select school_code, school_year, id, 'TEACHER' from staff where ',' || roles || ',' like '%,TEACHER,%';

alter table staff drop column roles;
