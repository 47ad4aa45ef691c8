package vn.hocba.archive.workflow;

import java.util.List;
import java.util.Optional;

/**
 * The staged sequence of Thông tư 22 documents: the roles sign in the given order; the signers of one role sign in any
 * order among themselves (each subject teacher of a student record). A person with two roles (a homeroom teacher who
 * also teaches a subject of the class) has two steps, one per stage.
 *
 * @param roles the roles in signing order, each once
 */
public record StagedSequence(List<SignerRole> roles) implements SigningSequencePolicy {

    public StagedSequence {
        roles = List.copyOf(roles);
        if (roles.isEmpty() || roles.stream().distinct().count() != roles.size()) {
            throw new IllegalArgumentException("a sequence names each role once: " + roles);
        }
        for (int i = 1; i < roles.size(); i++) {
            if (roles.get(i).stage() <= roles.get(i - 1).stage()) {
                throw new IllegalArgumentException("roles must follow their stages: " + roles);
            }
        }
    }

    public static StagedSequence of(SignerRole... roles) {
        return new StagedSequence(List.of(roles));
    }

    @Override
    public Decision decide(DocumentStatus status, SigningPlan plan, String staffId) {
        List<SigningStep> mine = staffId == null ? List.of() : plan.of(staffId);
        if (mine.isEmpty()) {
            return new Refused(Refusal.NOT_IN_SEQUENCE, plan.awaiting());
        }
        switch (status) {
            case SUPERSEDED -> {
                return new Refused(Refusal.SUPERSEDED, List.of());
            }
            case ARCHIVED -> {
                return new Refused(Refusal.COMPLETE, List.of());
            }
            case SIGNING -> {
            }
        }
        if (plan.complete()) {
            return new Refused(Refusal.COMPLETE, List.of());
        }
        int stage = plan.currentStage();
        Optional<SigningStep> open = mine.stream().filter(s -> !s.signed() && s.role().stage() == stage).findFirst();
        if (open.isPresent()) {
            return new Turn(open.get());
        }
        return new Refused(mine.stream().allMatch(SigningStep::signed) ? Refusal.ALREADY_SIGNED : Refusal.OUT_OF_TURN,
                plan.awaiting());
    }

    @Override
    public void requireValid(SigningPlan plan) {
        for (SigningStep step : plan.steps()) {
            if (!roles.contains(step.role())) {
                throw new IllegalArgumentException("role " + step.role() + " has no place in the sequence " + roles);
            }
        }
        for (SignerRole role : roles) {
            if (plan.steps().stream().noneMatch(s -> s.role() == role)) {
                throw new IllegalArgumentException("the plan has no " + role + " step; the sequence is " + roles);
            }
        }
    }
}
