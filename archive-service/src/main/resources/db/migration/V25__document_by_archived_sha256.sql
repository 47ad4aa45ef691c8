-- Public validation matches an uploaded file against ARCHIVED versions by sha256 (V13 indexed document.sha256 for
-- it). But sha256 changes with every signature of a version being signed, so that index was rewritten by each of a
-- year end's 21,000 signatures (two random leaves of H2's tree and the pages above them, in every commit), and on
-- PostgreSQL an update that changes an indexed column can never be a heap-only (HOT) update: each signature wrote a new
-- entry into every index of the table. The archived hash gets a column of its own, set once when a version is archived
-- (and when its archive timestamp is renewed), and only that is indexed. Runs unchanged on H2 (MODE=PostgreSQL) and
-- PostgreSQL.
alter table document add column archived_sha256 char(64);
update document set archived_sha256 = sha256 where archive_key is not null;
create index document_by_archived_sha256 on document (archived_sha256);
drop index document_by_sha256;
