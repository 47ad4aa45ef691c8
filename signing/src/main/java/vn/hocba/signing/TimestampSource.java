package vn.hocba.signing;

/**
 * A time-stamping authority (RFC 3161): a trusted time for a digest. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TimestampSource {

    /**
     * Asks for a timestamp token over {@code digest}.
     *
     * @param digestAlgorithm the JCA name of the digest algorithm that produced {@code digest}, e.g. {@code SHA-256}
     * @param digest          the message imprint
     * @return the DER-encoded {@code TimeStampToken} (RFC 3161 2.4.2: a CMS SignedData), not the whole response
     * @throws SigningException when the authority cannot be reached or refuses (its status and text in the message)
     */
    byte[] timestamp(String digestAlgorithm, byte[] digest);
}
