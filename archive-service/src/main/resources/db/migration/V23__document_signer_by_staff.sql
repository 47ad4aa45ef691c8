-- A staff member's worklist (issue 18: "Việc của tôi", the documents awaiting their signature) looks signers up by
-- staff id. Only the id is indexed: it never changes once a document is rendered, so a signature (which sets
-- signed_at) writes nothing to this index.
create index document_signer_by_staff on document_signer (staff_id);
