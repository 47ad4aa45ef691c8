package vn.hocba.archive.workflow;

import java.time.Instant;
import java.util.List;

/**
 * The signatures a document needs, fixed when it is rendered: steps in stages (a stage's signers sign in any order
 * among themselves, after every signer of the earlier stages; {@link SignerRole#stage()}).
 */
public record SigningPlan(List<SigningStep> steps) {

    public SigningPlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a signing plan has at least one step");
        }
    }

    /** The lowest stage with an open step; {@link Integer#MAX_VALUE} when every step is signed. */
    public int currentStage() {
        return steps.stream().filter(s -> !s.signed()).mapToInt(s -> s.role().stage()).min().orElse(Integer.MAX_VALUE);
    }

    /** Staff ids whose turn it is now, each once; empty when complete. */
    public List<String> awaiting() {
        int stage = currentStage();
        return steps.stream().filter(s -> !s.signed() && s.role().stage() == stage).map(SigningStep::staffId)
                .distinct().toList();
    }

    public boolean complete() {
        return steps.stream().allMatch(SigningStep::signed);
    }

    /** True when exactly one step is open: signing it completes the document. */
    public boolean lastOpen() {
        return steps.stream().filter(s -> !s.signed()).count() == 1;
    }

    /** The steps of that staff member, in plan order. */
    public List<SigningStep> of(String staffId) {
        return steps.stream().filter(s -> s.staffId().equals(staffId)).toList();
    }

    /** This plan with {@code step} (by staff id and role) signed at {@code at}: what storing its signature records. */
    public SigningPlan withSigned(SigningStep step, Instant at) {
        return new SigningPlan(steps.stream().map(s -> s.staffId().equals(step.staffId()) && s.role() == step.role()
                ? new SigningStep(s.staffId(), s.role(), s.slot(), s.subjects(), s.fullName(), s.box(), at) : s).toList());
    }

    public boolean includes(String staffId) {
        return staffId != null && steps.stream().anyMatch(s -> s.staffId().equals(staffId));
    }
}
