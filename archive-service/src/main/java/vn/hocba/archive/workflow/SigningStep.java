package vn.hocba.archive.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import vn.hocba.archive.rendering.SignatureSlot;
import vn.hocba.signing.SignatureBox;

/**
 * One planned signature of a document: who, in which role, in which box the renderer reserved, and when it was given.
 *
 * @param subjects the subject codes a subject teacher signs for (a teacher of two subjects of the class signs once for
 *                 both on a student record); empty for other roles
 * @param signedAt null while open
 */
public record SigningStep(String staffId, SignerRole role, SignatureSlot slot, List<String> subjects, String fullName,
                          SignatureBox box, Instant signedAt) {

    public SigningStep {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(slot, "slot");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(box, "box");
    }

    public boolean signed() {
        return signedAt != null;
    }

    SigningStep signedAt(Instant at) {
        return new SigningStep(staffId, role, slot, subjects, fullName, box, at);
    }
}
