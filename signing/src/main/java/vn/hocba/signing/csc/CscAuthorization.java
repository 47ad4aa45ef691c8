package vn.hocba.signing.csc;

import java.time.Duration;
import java.util.Objects;

/**
 * A Signature Activation Data ({@code SAD}) returned by {@code credentials/authorize}: it lets the holder sign exactly
 * the hashes it was issued for, at most {@code numSignatures} of them, before it expires.
 *
 * @param credentialId  the credential it was issued for
 * @param sad           the opaque SAD (a secret: never logged, not in {@link #toString()})
 * @param numSignatures how many signatures it covers
 * @param expiresIn     how long it is valid from issue ({@code expiresIn}, seconds in the API; 1 hour if absent)
 */
public record CscAuthorization(String credentialId, String sad, int numSignatures, Duration expiresIn) {

    /** Checks presence. */
    public CscAuthorization {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(sad, "sad");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    @Override
    public String toString() {
        return "CscAuthorization[" + credentialId + ", " + numSignatures + " signatures, expires in " + expiresIn + "]";
    }
}
