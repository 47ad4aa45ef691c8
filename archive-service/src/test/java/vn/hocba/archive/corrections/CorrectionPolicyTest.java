package vn.hocba.archive.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocba.archive.corrections.CorrectionStatus.APPROVED;
import static vn.hocba.archive.corrections.CorrectionStatus.CONFIRMED;
import static vn.hocba.archive.corrections.CorrectionStatus.REJECTED;
import static vn.hocba.archive.corrections.CorrectionStatus.REQUESTED;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.hocba.archive.corrections.CorrectionPolicy.Allowed;
import vn.hocba.archive.corrections.CorrectionPolicy.Outcome;
import vn.hocba.archive.corrections.CorrectionPolicy.Refusal;
import vn.hocba.archive.corrections.CorrectionPolicy.Refused;
import vn.hocba.archive.corrections.CorrectionPolicy.Standing;

class CorrectionPolicyTest {

    /** The class-subject's teacher who asked for the correction. */
    private static final Standing SUBJECT_TEACHER_REQUESTER = new Standing(true, false, false, true);
    /** A teacher of the class-subject who did not ask. */
    private static final Standing SUBJECT_TEACHER = new Standing(true, false, false, false);
    private static final Standing HOMEROOM_TEACHER = new Standing(true, true, false, false);
    private static final Standing HOMEROOM_TEACHER_REQUESTER = new Standing(true, true, false, true);
    private static final Standing PRINCIPAL = new Standing(false, false, true, false);
    private static final Standing NOBODY = new Standing(false, false, false, false);

    @Test
    void theClassSubjectsTeacherRequestsACorrectionOfALockedTerm() {
        assertThat(CorrectionPolicy.request(SUBJECT_TEACHER, true, false)).isEqualTo(new Allowed(REQUESTED));
    }

    @Test
    void theHomeroomTeacherRequestsACorrectionOfALockedTerm() {
        assertThat(CorrectionPolicy.request(HOMEROOM_TEACHER, true, false)).isEqualTo(new Allowed(REQUESTED));
    }

    @Test
    void anyoneElseMayNotRequestEvenThePrincipal() {
        assertRefused(CorrectionPolicy.request(NOBODY, true, false), Refusal.NOT_ALLOWED);
        assertRefused(CorrectionPolicy.request(PRINCIPAL, true, false), Refusal.NOT_ALLOWED);
    }

    @Test
    void aRequestOnAnUnlockedTermIsOutOfOrder() {
        Refused refused = assertRefused(CorrectionPolicy.request(SUBJECT_TEACHER, false, false), Refusal.OUT_OF_ORDER);
        assertThat(refused.detailEn()).contains("not locked");
        assertThat(refused.detailVi()).contains("chưa khóa");
    }

    @Test
    void aSecondOpenRequestForTheSameMarkIsOutOfOrder() {
        assertRefused(CorrectionPolicy.request(SUBJECT_TEACHER, true, true), Refusal.OUT_OF_ORDER);
    }

    @Test
    void someoneWithoutTheRoleIsRefusedBeforeLearningAnythingOfTheState() {
        assertRefused(CorrectionPolicy.request(NOBODY, false, true), Refusal.NOT_ALLOWED);
        for (CorrectionStatus s : CorrectionStatus.values()) {
            assertRefused(CorrectionPolicy.confirm(s, SUBJECT_TEACHER), Refusal.NOT_ALLOWED);
            assertRefused(CorrectionPolicy.approve(s, HOMEROOM_TEACHER), Refusal.NOT_ALLOWED);
            assertRefused(CorrectionPolicy.reject(s, SUBJECT_TEACHER), Refusal.NOT_ALLOWED);
        }
    }

    @Test
    void theHomeroomTeacherConfirmsARequestedCorrection() {
        assertThat(CorrectionPolicy.confirm(REQUESTED, HOMEROOM_TEACHER)).isEqualTo(new Allowed(CONFIRMED));
    }

    @Test
    void theHomeroomTeacherConfirmsTheirOwnRequestBecauseTheConfirmationIsTheirs() {
        assertThat(CorrectionPolicy.confirm(REQUESTED, HOMEROOM_TEACHER_REQUESTER)).isEqualTo(new Allowed(CONFIRMED));
    }

    @Test
    void onlyTheHomeroomTeacherConfirms() {
        assertRefused(CorrectionPolicy.confirm(REQUESTED, SUBJECT_TEACHER_REQUESTER), Refusal.NOT_ALLOWED);
        assertRefused(CorrectionPolicy.confirm(REQUESTED, PRINCIPAL), Refusal.NOT_ALLOWED);
        assertRefused(CorrectionPolicy.confirm(REQUESTED, NOBODY), Refusal.NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(value = CorrectionStatus.class, names = {"CONFIRMED", "APPROVED", "REJECTED"})
    void aConfirmationTwiceOrAfterTheDecisionIsOutOfOrder(CorrectionStatus current) {
        assertRefused(CorrectionPolicy.confirm(current, HOMEROOM_TEACHER), Refusal.OUT_OF_ORDER);
    }

    @Test
    void thePrincipalApprovesAConfirmedCorrection() {
        assertThat(CorrectionPolicy.approve(CONFIRMED, PRINCIPAL)).isEqualTo(new Allowed(APPROVED));
    }

    @Test
    void anApprovalBeforeTheConfirmationIsOutOfOrder() {
        Refused refused = assertRefused(CorrectionPolicy.approve(REQUESTED, PRINCIPAL), Refusal.OUT_OF_ORDER);
        assertThat(refused.detailEn()).contains("awaits the homeroom teacher's confirmation");
        assertThat(refused.detailVi()).contains("chờ giáo viên chủ nhiệm xác nhận");
    }

    @ParameterizedTest
    @EnumSource(value = CorrectionStatus.class, names = {"APPROVED", "REJECTED"})
    void anApprovalTwiceOrAfterARejectionIsOutOfOrder(CorrectionStatus current) {
        assertRefused(CorrectionPolicy.approve(current, PRINCIPAL), Refusal.OUT_OF_ORDER);
    }

    @Test
    void onlyThePrincipalApproves() {
        assertRefused(CorrectionPolicy.approve(CONFIRMED, HOMEROOM_TEACHER), Refusal.NOT_ALLOWED);
        assertRefused(CorrectionPolicy.approve(CONFIRMED, SUBJECT_TEACHER), Refusal.NOT_ALLOWED);
        assertRefused(CorrectionPolicy.approve(CONFIRMED, NOBODY), Refusal.NOT_ALLOWED);
    }

    @Test
    void aPrincipalWhoAskedForTheCorrectionNeitherApprovesNorRejectsIt() {
        Standing principalWhoAsked = new Standing(true, false, true, true);
        assertRefused(CorrectionPolicy.approve(CONFIRMED, principalWhoAsked), Refusal.NOT_ALLOWED);
        assertRefused(CorrectionPolicy.reject(CONFIRMED, principalWhoAsked), Refusal.NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(value = CorrectionStatus.class, names = {"REQUESTED", "CONFIRMED"})
    void thePrincipalRejectsARequestNotYetDecided(CorrectionStatus current) {
        assertThat(CorrectionPolicy.reject(current, PRINCIPAL)).isEqualTo(new Allowed(REJECTED));
    }

    @ParameterizedTest
    @EnumSource(value = CorrectionStatus.class, names = {"APPROVED", "REJECTED"})
    void aRejectionAfterTheDecisionIsOutOfOrder(CorrectionStatus current) {
        assertRefused(CorrectionPolicy.reject(current, PRINCIPAL), Refusal.OUT_OF_ORDER);
    }

    @Test
    void onlyThePrincipalRejects() {
        assertRefused(CorrectionPolicy.reject(CONFIRMED, HOMEROOM_TEACHER), Refusal.NOT_ALLOWED);
        assertRefused(CorrectionPolicy.reject(REQUESTED, SUBJECT_TEACHER_REQUESTER), Refusal.NOT_ALLOWED);
    }

    @Test
    void aDecidedCorrectionAllowsNoFurtherStepByAnyone() {
        Standing everything = new Standing(true, true, true, false);
        for (CorrectionStatus decided : EnumSet.of(APPROVED, REJECTED)) {
            assertThat(decided.decided()).isTrue();
            assertThat(CorrectionPolicy.confirm(decided, everything)).isInstanceOf(Refused.class);
            assertThat(CorrectionPolicy.approve(decided, everything)).isInstanceOf(Refused.class);
            assertThat(CorrectionPolicy.reject(decided, everything)).isInstanceOf(Refused.class);
        }
        assertThat(REQUESTED.decided()).isFalse();
        assertThat(CONFIRMED.decided()).isFalse();
    }

    @Test
    void theWholeSequenceRunsRequestConfirmApprove() {
        var requested = (Allowed) CorrectionPolicy.request(SUBJECT_TEACHER_REQUESTER, true, false);
        var confirmed = (Allowed) CorrectionPolicy.confirm(requested.next(), HOMEROOM_TEACHER);
        var approved = (Allowed) CorrectionPolicy.approve(confirmed.next(), PRINCIPAL);
        assertThat(approved.next()).isEqualTo(APPROVED);
    }

    @Test
    void refusalsMapToForbiddenAndConflict() {
        assertThat(Refusal.NOT_ALLOWED.httpStatus()).isEqualTo(403);
        assertThat(Refusal.OUT_OF_ORDER.httpStatus()).isEqualTo(409);
    }

    @Test
    void everyRefusalSpeaksBothLanguages() {
        for (CorrectionStatus s : CorrectionStatus.values()) {
            for (Outcome o : new Outcome[] {CorrectionPolicy.confirm(s, NOBODY), CorrectionPolicy.approve(s, PRINCIPAL),
                    CorrectionPolicy.reject(s, NOBODY), CorrectionPolicy.confirm(s, HOMEROOM_TEACHER)}) {
                if (o instanceof Refused r) {
                    assertThat(r.detailEn()).isNotBlank();
                    assertThat(r.detailVi()).isNotBlank().isNotEqualTo(r.detailEn());
                }
            }
        }
    }

    @Test
    void refusesMissingArguments() {
        assertThatThrownBy(() -> CorrectionPolicy.request(null, true, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CorrectionPolicy.confirm(null, HOMEROOM_TEACHER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CorrectionPolicy.approve(CONFIRMED, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CorrectionPolicy.reject(null, PRINCIPAL)).isInstanceOf(NullPointerException.class);
    }

    private static Refused assertRefused(Outcome outcome, Refusal expected) {
        assertThat(outcome).isInstanceOf(Refused.class);
        Refused refused = (Refused) outcome;
        assertThat(refused.refusal()).isEqualTo(expected);
        return refused;
    }
}
