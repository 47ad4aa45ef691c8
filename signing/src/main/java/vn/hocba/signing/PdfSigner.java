package vn.hocba.signing;

/**
 * Signs PDF documents. Implementations are thread-safe unless documented otherwise.
 */
public interface PdfSigner {

    /**
     * Adds one PAdES-BASELINE-B signature (ETSI EN 319 142-1) as an incremental revision; earlier revisions and
     * signatures stay untouched, byte for byte.
     *
     * @param pdf     the document to sign
     * @param token   the key that signs
     * @param request what the signature says and where it is shown
     * @return the signed document: {@code pdf} followed by one new revision
     * @throws SigningException if the document cannot be signed
     */
    byte[] sign(byte[] pdf, SigningToken token, SignatureRequest request);
}
