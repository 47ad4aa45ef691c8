-- Failed sign-ins per account name (issue 18: lockout after repeated failures, for the login form and for HTTP Basic
-- on the API alike). Kept for any name tried, whether or not an account has it, so that a lockout never tells whether
-- an account exists. A successful sign-in removes the row. Names longer than the column are kept as their sha256.
create table login_failure (
    username        varchar(255) primary key,
    failures        integer      not null,
    last_failure_at timestamp    not null,
    locked_until    timestamp
);
