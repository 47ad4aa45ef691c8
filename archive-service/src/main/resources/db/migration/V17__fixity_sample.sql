-- Fixity in rotating samples (issue 16): a SAMPLE sweep re-reads a share of the archived objects, starting after the
-- last key the previous sample re-read, so that successive samples cover the whole archive in turn.
alter table fixity_sweep add column last_key varchar(1024);
