package vn.hocba.signing;

import java.util.List;

/**
 * Signs PDF documents with PAdES baseline signatures (ETSI EN 319 142-1) in three steps, as EU DSS has it:
 * {@link #prepare} (the data to sign), {@link #complete} (assemble with the signature value made elsewhere: a token,
 * an HSM, a remote signing service, a browser), {@link #extend} (add a level to a signed file). Every signature is an
 * approval signature added as an incremental revision: earlier revisions and signatures stay untouched, byte for
 * byte, and nothing forbids later signatures or document timestamps. Implementations are thread-safe.
 */
public interface PdfSigner {

    /**
     * Step 1: computes the data to sign for one new signature.
     *
     * @param pdf      the document to sign
     * @param chain    the signer's certificate first, then its chain
     * @param request  what the signature says and where it is shown; its signing time is fixed in the result
     * @param settings level and digest (no server is called in this step)
     * @return the pending signature, serialisable ({@link PendingSignature#encode()})
     * @throws SigningException if the document cannot be signed
     */
    PendingSignature prepare(byte[] pdf, List<java.security.cert.X509Certificate> chain, SignatureRequest request,
                             SigningSettings settings);

    /**
     * Step 2: assembles the signed document from the same PDF and the signature value; for {@code B-T} and above it
     * asks {@code settings.timestamps()} for the signature timestamp. The value is checked against the certificate
     * first: a wrong key or a corrupted value never reaches the file.
     *
     * @param pdf            the document {@code pending} was prepared on (its SHA-256 must match)
     * @param pending        from {@link #prepare}
     * @param signatureValue the signature over {@link PendingSignature#dataToSign()} with its algorithm
     * @param settings       the timestamp source (and level, which must equal the pending one)
     * @return the signed document: {@code pdf} followed by one new revision
     * @throws InvalidSignatureValueException if the value does not verify with the certificate
     * @throws PreparedElsewhereException     if the revision rebuilt here does not give the prepared data to sign
     *                                        (prepared by another version of the signer): prepare again
     * @throws SigningException               if the document changed, or the timestamp cannot be had
     */
    byte[] complete(byte[] pdf, PendingSignature pending, byte[] signatureValue, SigningSettings settings);

    /**
     * Step 3: raises every signature of a signed document to {@code level}: {@code B-LT} adds the certificates and
     * revocation data (from {@code settings.revocation()}) to the document security store; {@code B-LTA} also adds a
     * document timestamp. Extending an {@code B-LTA} file again adds a new archive timestamp (long-term preservation).
     *
     * @param signedPdf a signed document
     * @param level     {@code B-T}, {@code B-LT} or {@code B-LTA}
     * @param settings  sources and trust anchors
     * @return the extended document ({@code signedPdf} plus revisions)
     * @throws SigningException if revocation data or a timestamp cannot be had, or a certificate is revoked
     */
    byte[] extend(byte[] signedPdf, PadesLevel level, SigningSettings settings);

    /**
     * All three steps with a token at hand: prepare, sign with the token, complete at {@code settings.level()}.
     *
     * @param pdf      the document to sign
     * @param token    the key that signs
     * @param request  what the signature says and where it is shown
     * @param settings level, digest and timestamp source
     * @return the signed document
     * @throws SigningException if the document cannot be signed
     */
    default byte[] sign(byte[] pdf, SigningToken token, SignatureRequest request, SigningSettings settings) {
        PendingSignature pending = prepare(pdf, token.chain(), request, settings);
        return complete(pdf, pending, token.sign(pending.dataToSign()), settings);
    }

    /**
     * Adds one PAdES-BASELINE-B signature (SHA-256). As {@link #sign(byte[], SigningToken, SignatureRequest,
     * SigningSettings)} with {@link SigningSettings#baselineB()}.
     */
    default byte[] sign(byte[] pdf, SigningToken token, SignatureRequest request) {
        return sign(pdf, token, request, SigningSettings.baselineB());
    }
}
