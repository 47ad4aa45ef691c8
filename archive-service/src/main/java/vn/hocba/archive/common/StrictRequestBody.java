package vn.hocba.archive.common;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A JSON request body that refuses members it does not define: {@code {"signatureValue": "…", "signaturValue": "…"}}
 * is 422 {@code …/unreadable-body} naming {@code signaturValue}, not a request silently read without the misspelt
 * member. Jackson ignores unknown members of every other type (the outbox's stored events among them, which must still
 * read after a member is dropped); the endpoints that read a body as a tree report unknown members themselves.
 */
public interface StrictRequestBody {

    /**
     * A body whose endpoint settles the caller's access only once it runs (a document's signer, a hold's authority):
     * its unknown members are recorded while it is read and refused by {@link #requireKnownMembers()}, which the
     * endpoint calls once access is settled, so that who may not act is refused (403) before anything they sent is
     * judged. (Spring reads a body before the endpoint runs.)
     */
    interface JudgedAfterAccess extends StrictRequestBody {
    }

    /** The request attribute holding the first unknown member of a {@link JudgedAfterAccess} body. */
    String UNKNOWN_MEMBER = StrictRequestBody.class.getName() + ".unknownMember";

    /**
     * Refuses the current request's body if reading it met a member its type does not define.
     *
     * @throws InvalidInputException 422 {@code unreadable-body} with the member's path
     */
    static void requireKnownMembers() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(UNKNOWN_MEMBER, RequestAttributes.SCOPE_REQUEST) instanceof String path) {
            throw unknownMember(path);
        }
    }

    /** The refusal of a member at {@code path} that the body's type does not define (422 {@code unreadable-body}). */
    static InvalidInputException unknownMember(String path) {
        return new InvalidInputException("unreadable-body", path, "unknown member " + path,
                "thuộc tính không được hỗ trợ: " + path);
    }
}
