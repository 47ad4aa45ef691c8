package vn.hocba.archive.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.archive.rendering.SignatureSlot;
import vn.hocba.archive.workflow.SigningSequencePolicy.Refusal;
import vn.hocba.archive.workflow.SigningSequencePolicy.Refused;
import vn.hocba.archive.workflow.SigningSequencePolicy.Turn;
import vn.hocba.signing.SignatureBox;

/** DOMAIN.md "Signing sequence": each document type's order, turns and refusals, without a database. */
class SigningSequencePolicyTest {

    static final Instant AT = Instant.parse("2025-05-30T08:00:00Z");
    static final SignatureBox BOX = new SignatureBox(1, 10, 10, 100, 40);

    static SigningStep step(String staff, SignerRole role, String... subjects) {
        SignatureSlot slot = switch (role) {
            case SUBJECT_TEACHER -> SignatureSlot.subject(subjects[0]);
            case HOMEROOM_TEACHER -> SignatureSlot.HOMEROOM;
            case PRINCIPAL -> SignatureSlot.PRINCIPAL;
        };
        return new SigningStep(staff, role, slot, List.of(subjects), staff, BOX, null);
    }

    /** A record of a class whose homeroom teacher GV2 also teaches Literature. */
    static List<SigningStep> record() {
        return List.of(step("GV1", SignerRole.SUBJECT_TEACHER, "TOAN"), step("GV2", SignerRole.SUBJECT_TEACHER, "VAN"),
                step("GV3", SignerRole.SUBJECT_TEACHER, "ANH", "TIN"), step("GV2", SignerRole.HOMEROOM_TEACHER),
                step("HT", SignerRole.PRINCIPAL));
    }

    static SigningPlan signed(List<SigningStep> steps, String... who) {
        List<SigningStep> out = new ArrayList<>(steps);
        for (String w : who) {
            String[] parts = w.split(":");
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).staffId().equals(parts[0]) && out.get(i).role() == SignerRole.valueOf(parts[1])
                        && !out.get(i).signed()) {
                    out.set(i, out.get(i).signedAt(AT));
                    break;
                }
            }
        }
        return new SigningPlan(out);
    }

    final SigningSequencePolicy record = DocumentType.STUDENT_RECORD.sequence();

    @Test
    void subjectTeachersSignFirstInAnyOrderThenTheHomeroomTeacherThenThePrincipal() {
        SigningPlan fresh = signed(record());
        assertThat(fresh.awaiting()).containsExactly("GV1", "GV2", "GV3");
        assertThat(record.decide(DocumentStatus.SIGNING, fresh, "GV3")).isEqualTo(new Turn(record().get(2)));
        assertThat(record.decide(DocumentStatus.SIGNING, fresh, "HT"))
                .isEqualTo(new Refused(Refusal.OUT_OF_TURN, List.of("GV1", "GV2", "GV3")));

        SigningPlan subjectsDone = signed(record(), "GV3:SUBJECT_TEACHER", "GV1:SUBJECT_TEACHER", "GV2:SUBJECT_TEACHER");
        assertThat(subjectsDone.awaiting()).containsExactly("GV2");
        assertThat(record.decide(DocumentStatus.SIGNING, subjectsDone, "GV1"))
                .isEqualTo(new Refused(Refusal.ALREADY_SIGNED, List.of("GV2")));
        var homeroom = record.decide(DocumentStatus.SIGNING, subjectsDone, "GV2");
        assertThat(((Turn) homeroom).step().role()).isEqualTo(SignerRole.HOMEROOM_TEACHER);

        SigningPlan principalLeft = signed(record(), "GV3:SUBJECT_TEACHER", "GV1:SUBJECT_TEACHER", "GV2:SUBJECT_TEACHER",
                "GV2:HOMEROOM_TEACHER");
        assertThat(principalLeft.lastOpen()).isTrue();
        assertThat(((Turn) record.decide(DocumentStatus.SIGNING, principalLeft, "HT")).step().role())
                .isEqualTo(SignerRole.PRINCIPAL);
    }

    @Test
    void aHomeroomTeacherWhoTeachesASubjectSignsTheSubjectStepFirstAndTheHomeroomStepOnlyInItsStage() {
        SigningPlan fresh = signed(record());
        assertThat(((Turn) record.decide(DocumentStatus.SIGNING, fresh, "GV2")).step().role())
                .isEqualTo(SignerRole.SUBJECT_TEACHER);
        SigningPlan ownSubjectDone = signed(record(), "GV2:SUBJECT_TEACHER");
        assertThat(record.decide(DocumentStatus.SIGNING, ownSubjectDone, "GV2"))
                .isEqualTo(new Refused(Refusal.OUT_OF_TURN, List.of("GV1", "GV3")));
    }

    @Test
    void strangersCompleteAndSupersededDocumentsAreRefused() {
        assertThat(record.decide(DocumentStatus.SIGNING, signed(record()), "GV9").getClass()).isEqualTo(Refused.class);
        assertThat(((Refused) record.decide(DocumentStatus.SIGNING, signed(record()), "GV9")).refusal())
                .isEqualTo(Refusal.NOT_IN_SEQUENCE);
        assertThat(((Refused) record.decide(DocumentStatus.SIGNING, signed(record()), null)).refusal())
                .isEqualTo(Refusal.NOT_IN_SEQUENCE);
        SigningPlan all = signed(record(), "GV1:SUBJECT_TEACHER", "GV2:SUBJECT_TEACHER", "GV3:SUBJECT_TEACHER",
                "GV2:HOMEROOM_TEACHER", "HT:PRINCIPAL");
        assertThat(all.complete()).isTrue();
        assertThat(((Refused) record.decide(DocumentStatus.SIGNING, all, "HT")).refusal()).isEqualTo(Refusal.COMPLETE);
        assertThat(((Refused) record.decide(DocumentStatus.ARCHIVED, all, "HT")).refusal()).isEqualTo(Refusal.COMPLETE);
        assertThat(((Refused) record.decide(DocumentStatus.SUPERSEDED, signed(record()), "GV1")).refusal())
                .isEqualTo(Refusal.SUPERSEDED);
    }

    @Test
    void aGradebookIsSignedByItsTeacherThenTheHomeroomTeacherThenThePrincipal() {
        var policy = DocumentType.CLASS_GRADEBOOK.sequence();
        var steps = List.of(step("GV1", SignerRole.SUBJECT_TEACHER, "TOAN"), step("GV2", SignerRole.HOMEROOM_TEACHER),
                step("HT", SignerRole.PRINCIPAL));
        policy.requireValid(new SigningPlan(steps));
        assertThat(((Refused) policy.decide(DocumentStatus.SIGNING, signed(steps), "GV2")).refusal())
                .isEqualTo(Refusal.OUT_OF_TURN);
        assertThat(((Refused) policy.decide(DocumentStatus.SIGNING, signed(steps, "GV1:SUBJECT_TEACHER"), "HT")).awaiting())
                .containsExactly("GV2");
    }

    @Test
    void theSummaryBookHasNoSubjectStepAndAPlanWithoutAnExpectedRoleIsRefused() {
        var summary = DocumentType.CLASS_SUMMARY.sequence();
        var steps = List.of(step("GV2", SignerRole.HOMEROOM_TEACHER), step("HT", SignerRole.PRINCIPAL));
        summary.requireValid(new SigningPlan(steps));
        assertThat(((Turn) summary.decide(DocumentStatus.SIGNING, signed(steps), "GV2")).step().role())
                .isEqualTo(SignerRole.HOMEROOM_TEACHER);
        assertThatThrownBy(() -> summary.requireValid(new SigningPlan(record())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SUBJECT_TEACHER");
        assertThatThrownBy(() -> DocumentType.STUDENT_RECORD.sequence()
                .requireValid(new SigningPlan(List.of(step("HT", SignerRole.PRINCIPAL)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no SUBJECT_TEACHER");
        assertThatThrownBy(() -> StagedSequence.of(SignerRole.PRINCIPAL, SignerRole.HOMEROOM_TEACHER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorrectionReissuesExactlyTheDocumentsThatPrintedTheMark() {
        var record = DocumentKey.studentRecord("S", "2024-2025", "6A", "HS1");
        var term1Maths = DocumentKey.gradebook("S", "2024-2025", "6A", "TOAN", vn.hocba.archive.rendering.GradebookPeriod.TERM1);
        var term2Maths = DocumentKey.gradebook("S", "2024-2025", "6A", "TOAN", vn.hocba.archive.rendering.GradebookPeriod.TERM2);
        var yearMaths = DocumentKey.gradebook("S", "2024-2025", "6A", "TOAN", vn.hocba.archive.rendering.GradebookPeriod.YEAR);
        var term1Lit = DocumentKey.gradebook("S", "2024-2025", "6A", "VAN", vn.hocba.archive.rendering.GradebookPeriod.TERM1);
        var term1Summary = DocumentKey.summary("S", "2024-2025", "6A", vn.hocba.archive.rendering.GradebookPeriod.TERM1);
        var term2Summary = DocumentKey.summary("S", "2024-2025", "6A", vn.hocba.archive.rendering.GradebookPeriod.TERM2);
        // HS1's maths mark of term 1 changed
        assertThat(DocumentWorkflow.prints(record, "HS1", "TOAN", 1)).isTrue();
        assertThat(DocumentWorkflow.prints(DocumentKey.studentRecord("S", "2024-2025", "6A", "HS2"), "HS1", "TOAN", 1)).isFalse();
        assertThat(DocumentWorkflow.prints(term1Maths, "HS1", "TOAN", 1)).isTrue();
        assertThat(DocumentWorkflow.prints(yearMaths, "HS1", "TOAN", 1)).isTrue();
        assertThat(DocumentWorkflow.prints(term2Maths, "HS1", "TOAN", 1)).isFalse();
        assertThat(DocumentWorkflow.prints(term1Lit, "HS1", "TOAN", 1)).isFalse();
        assertThat(DocumentWorkflow.prints(term1Summary, "HS1", "TOAN", 1)).isTrue();
        assertThat(DocumentWorkflow.prints(term2Summary, "HS1", "TOAN", 1)).isFalse();
    }
}
