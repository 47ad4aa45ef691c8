-- A completed two-step signature is kept (until a day past its expiry, like an unused one) so that sending its value
-- again answers 409 "already completed", as a signing agent retrying after a lost answer needs, instead of 404.
alter table pending_signature add column completed_at timestamp with time zone;
create index pending_signature_by_expiry on pending_signature (expires_at);
