package vn.hocba.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * What one signature should say and show.
 *
 * @param box         where the visible signature goes
 * @param signerName  the signer's display name, shown as "Ký bởi: …" (may contain Vietnamese diacritics)
 * @param roleLabel   the signer's role shown under the name, e.g. "Giáo viên chủ nhiệm"; may be empty
 * @param reason      the /Reason of the signature dictionary; may be null
 * @param location    the /Location of the signature dictionary; may be null
 * @param signingTime the claimed signing time (CMS signing-time attribute and the visible "Ngày ký")
 */
public record SignatureRequest(SignatureBox box, String signerName, String roleLabel, String reason, String location,
                               Instant signingTime) {

    /** Validates that box, signer name and signing time are present; a null role label becomes empty. */
    public SignatureRequest {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(signingTime, "signingTime");
        if (signerName.isBlank()) {
            throw new IllegalArgumentException("signerName must not be blank");
        }
        roleLabel = roleLabel == null ? "" : roleLabel;
    }
}
