-- Who may release a legal hold: the authority that placed it (API.md "Retention and legal hold"), not only the account.
-- "principal:{school}" for a school's principal, "inspector:{province}/{district}" for an inspector's office (names
-- folded: no case, spaces or diacritics), so that another inspector of the same office can release it. Holds placed
-- before this were all placed by principals.
alter table legal_hold add column authority varchar(600);
