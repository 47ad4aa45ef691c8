-- The renderer's page text moves out of the document row into a table of its own (issue 19). H2 keeps a varchar
-- inside its row, and H2's B-tree is copy-on-write: every signature's update of a document row wrote the row's whole
-- leaf page again, up to 48 rows with 2-3 KB of page text each, and serialising those pages was a fifth of a
-- workflow signature's CPU (the commit), taken under H2's store lock. The text is written once, at rendering, and read
-- once, at indexing. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL (where TOAST kept it out of the row).
create table document_text (
    lookup_code  uuid     primary key references document (lookup_code),
    page_text    varchar  not null
);
insert into document_text (lookup_code, page_text) select lookup_code, page_text from document where page_text is not null;
alter table document drop column page_text;
