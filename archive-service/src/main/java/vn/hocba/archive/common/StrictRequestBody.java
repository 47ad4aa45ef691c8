package vn.hocba.archive.common;

/**
 * A JSON request body that refuses members it does not define: {@code {"signatureValue": "…", "signaturValue": "…"}}
 * is 422 {@code …/unreadable-body} naming {@code signaturValue}, not a request silently read without the misspelt
 * member. Jackson ignores unknown members of every other type (the outbox's stored events among them, which must still
 * read after a member is dropped); the endpoints that read a body as a tree report unknown members themselves.
 */
public interface StrictRequestBody {
}
