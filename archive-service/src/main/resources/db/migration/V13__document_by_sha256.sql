-- Public validation (issue 15): an uploaded file is matched against every archived version by its sha256, and a
-- version's public page links the version that superseded it. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
create index document_by_sha256 on document (sha256);
create index document_by_supersedes on document (supersedes);
