-- The text the renderer drew on a version's pages, a line per drawn string (issue 15/19): the search index takes it
-- from here instead of extracting it from the archived PDF, which cost a sixth of a countersignature's CPU. Null for
-- versions rendered before this migration: their text is still read from the archived file. Runs unchanged on H2
-- (MODE=PostgreSQL) and PostgreSQL.
alter table document add column page_text varchar;
