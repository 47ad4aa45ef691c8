-- Entry windows (DOMAIN.md "Locking, corrections and audit"): a row means the class-term is locked, with who
-- locked it and when; unlocking deletes the row (the audit log keeps every lock and unlock for good).
-- Keyed by the school year, not by school_class: a changed re-import replaces the year's classes whole, and a
-- locked class-term it would change is refused before that happens, so a lock never outlives its class.
create table class_term_lock (
    school_code  varchar(64)  not null,
    school_year  varchar(9)   not null,
    class_code   varchar(16)  not null,
    term         smallint     not null,
    locked_by    varchar(128) not null,
    locked_at    timestamp with time zone not null,
    primary key (school_code, school_year, class_code, term),
    foreign key (school_code, school_year) references school_year (school_code, school_year)
);
