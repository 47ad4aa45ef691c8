package vn.hocba.signing;

/**
 * Validates every signature in a PDF document. Implementations are thread-safe unless documented otherwise.
 */
public interface SignatureValidator {

    /**
     * @param pdf the document
     * @return one result per signature, in document order; an empty list for an unsigned document
     * @throws SigningException if the document cannot be read at all
     */
    ValidationReport validate(byte[] pdf);
}
