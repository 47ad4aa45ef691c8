package vn.hocba.archive.corrections;

import java.util.Objects;

/**
 * Who may take which step of a correction after lock, and in which order (DOMAIN.md "Locking, corrections and audit";
 * API.md "Lock windows and corrections"). Free of any framework: it is given the request's state and the actor's
 * standing, and answers the new state or a typed refusal.
 *
 * <ol>
 *   <li>request: the class-subject's teacher or the homeroom teacher of the class, in that school year; only while the
 *       class-term is locked (before lock the mark is edited directly), and not while another request for the same
 *       mark is still open (one change of one mark at a time: the second would be decided against a stale old value);
 *   <li>confirm: the homeroom teacher of the class in that year, once, on a {@link CorrectionStatus#REQUESTED} request;
 *   <li>approve: the principal of that school year, on a {@link CorrectionStatus#CONFIRMED} request only (approval
 *       before confirmation is out of order);
 *   <li>reject: the principal of that school year, on a request not yet decided ({@code REQUESTED} or
 *       {@code CONFIRMED}): leadership may turn a request down without waiting for a confirmation that may never come.
 * </ol>
 * The approver or rejecter is never the requester: a correction is witnessed by someone other than who asked for it
 * (seeds 001, 004: "có người chứng kiến"). A refusal for the actor ({@link Refusal#NOT_ALLOWED}) is given before a
 * refusal for the order ({@link Refusal#OUT_OF_ORDER}), so that someone without the role learns nothing of the
 * request's state.
 */
public final class CorrectionPolicy {

    private CorrectionPolicy() {
    }

    /**
     * The actor's standing toward one correction, in the school year of the request.
     *
     * @param eligibleRequester the teacher of the class-subject or the homeroom teacher of the class
     * @param homeroomTeacher   the homeroom teacher of the class
     * @param principal         the principal of the school
     * @param requester         the person who asked for this correction
     */
    public record Standing(boolean eligibleRequester, boolean homeroomTeacher, boolean principal, boolean requester) {
    }

    /** Why a step is refused: {@link #NOT_ALLOWED} answers 403, {@link #OUT_OF_ORDER} 409. */
    public enum Refusal {
        NOT_ALLOWED(403), OUT_OF_ORDER(409);

        private final int httpStatus;

        Refusal(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    /** The answer to a step: the new state, or a refusal. */
    public sealed interface Outcome permits Allowed, Refused {
    }

    /** The step is taken; the request is now {@code next}. */
    public record Allowed(CorrectionStatus next) implements Outcome {
        public Allowed {
            Objects.requireNonNull(next, "next");
        }
    }

    /** The step is refused, with the reason in English and Vietnamese. */
    public record Refused(Refusal refusal, String detailEn, String detailVi) implements Outcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /**
     * A new request.
     *
     * @param termLocked       whether the mark's class-term is locked
     * @param openRequestExists whether a request for the same mark is still {@code REQUESTED} or {@code CONFIRMED}
     */
    public static Outcome request(Standing actor, boolean termLocked, boolean openRequestExists) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.eligibleRequester()) {
            return new Refused(Refusal.NOT_ALLOWED,
                    "only the teacher of this subject in the class or the class's homeroom teacher asks for a correction",
                    "chỉ giáo viên bộ môn của lớp hoặc giáo viên chủ nhiệm được yêu cầu sửa điểm");
        }
        if (!termLocked) {
            return new Refused(Refusal.OUT_OF_ORDER,
                    "the class-term is not locked: edit the mark directly instead of asking for a correction",
                    "học kì của lớp chưa khóa: hãy sửa điểm trực tiếp thay vì yêu cầu sửa chữa");
        }
        if (openRequestExists) {
            return new Refused(Refusal.OUT_OF_ORDER,
                    "another correction of this mark is awaiting its decision",
                    "điểm này đang có một yêu cầu sửa chữa khác chờ xử lý");
        }
        return new Allowed(CorrectionStatus.REQUESTED);
    }

    /** The homeroom teacher's confirmation. */
    public static Outcome confirm(CorrectionStatus current, Standing actor) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(actor, "actor");
        if (!actor.homeroomTeacher()) {
            return new Refused(Refusal.NOT_ALLOWED, "only the class's homeroom teacher confirms a correction",
                    "chỉ giáo viên chủ nhiệm của lớp được xác nhận yêu cầu sửa chữa");
        }
        if (current != CorrectionStatus.REQUESTED) {
            return outOfOrder("confirmed", "xác nhận", current);
        }
        return new Allowed(CorrectionStatus.CONFIRMED);
    }

    /** The principal's approval. */
    public static Outcome approve(CorrectionStatus current, Standing actor) {
        Objects.requireNonNull(current, "current");
        Refused notAllowed = requireDecider(actor, "approves", "phê duyệt");
        if (notAllowed != null) {
            return notAllowed;
        }
        if (current != CorrectionStatus.CONFIRMED) {
            return outOfOrder("approved", "phê duyệt", current);
        }
        return new Allowed(CorrectionStatus.APPROVED);
    }

    /** The principal's rejection. */
    public static Outcome reject(CorrectionStatus current, Standing actor) {
        Objects.requireNonNull(current, "current");
        Refused notAllowed = requireDecider(actor, "rejects", "từ chối");
        if (notAllowed != null) {
            return notAllowed;
        }
        if (current.decided()) {
            return outOfOrder("rejected", "từ chối", current);
        }
        return new Allowed(CorrectionStatus.REJECTED);
    }

    private static Refused requireDecider(Standing actor, String verbEn, String verbVi) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.principal()) {
            return new Refused(Refusal.NOT_ALLOWED, "only the principal of that school year " + verbEn + " a correction",
                    "chỉ hiệu trưởng của năm học đó được " + verbVi + " yêu cầu sửa chữa");
        }
        if (actor.requester()) {
            return new Refused(Refusal.NOT_ALLOWED, "the requester of a correction never " + verbEn + " it",
                    "người yêu cầu sửa chữa không được tự " + verbVi + " yêu cầu của mình");
        }
        return null;
    }

    private static Refused outOfOrder(String stepEn, String stepVi, CorrectionStatus current) {
        String en = switch (current) {
            case REQUESTED -> "it awaits the homeroom teacher's confirmation";
            case CONFIRMED -> "it is already confirmed and awaits the principal's decision";
            case APPROVED -> "it is already approved";
            case REJECTED -> "it is already rejected";
        };
        String vi = switch (current) {
            case REQUESTED -> "yêu cầu đang chờ giáo viên chủ nhiệm xác nhận";
            case CONFIRMED -> "yêu cầu đã được xác nhận và đang chờ hiệu trưởng quyết định";
            case APPROVED -> "yêu cầu đã được phê duyệt";
            case REJECTED -> "yêu cầu đã bị từ chối";
        };
        return new Refused(Refusal.OUT_OF_ORDER, "this correction cannot be " + stepEn + " now: " + en,
                "không thể " + stepVi + " yêu cầu sửa chữa này lúc này: " + vi);
    }
}
