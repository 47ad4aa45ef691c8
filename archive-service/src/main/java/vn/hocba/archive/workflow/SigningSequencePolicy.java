package vn.hocba.archive.workflow;

import java.util.List;

/**
 * The rule of a document type's signing sequence (DOMAIN.md "Signing sequence"): given where a document stands, whose
 * turn is it, and why is a request refused. Free of any framework: the workflow service asks, stores and announces.
 */
public interface SigningSequencePolicy {

    /**
     * The step {@code staffId} may sign now, or the refusal.
     *
     * @param status the version's status; only {@link DocumentStatus#SIGNING} takes signatures
     */
    Decision decide(DocumentStatus status, SigningPlan plan, String staffId);

    /**
     * Refuses a plan this sequence cannot run (a missing role, a role out of the sequence).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    void requireValid(SigningPlan plan);

    /** The answer to "may this person sign now?". */
    sealed interface Decision permits Turn, Refused {
    }

    /** It is the caller's turn: {@code step} is the one to sign. */
    record Turn(SigningStep step) implements Decision {
    }

    /** No step may be signed now by the caller; {@code awaiting} says whose turn it is. */
    record Refused(Refusal refusal, List<String> awaiting) implements Decision {
        public Refused {
            awaiting = List.copyOf(awaiting);
        }
    }

    /** Why a signature is refused. */
    enum Refusal {
        /** The caller has no step in the plan (403). */
        NOT_IN_SEQUENCE,
        /** The document has every signature (409). */
        COMPLETE,
        /** The version was replaced (409). */
        SUPERSEDED,
        /** The caller signed every step of theirs (409). */
        ALREADY_SIGNED,
        /** The caller's steps belong to a later stage (409). */
        OUT_OF_TURN
    }
}
