package vn.hocba.archive.rendering;

import java.util.Objects;

/**
 * Who signs in a signature box the renderer reserved: the teacher of one subject, the homeroom
 * teacher or the principal. The renderer names each box it draws with its slot and the workflow
 * looks the boxes up by the same values, so both sides agree on a type instead of a string key.
 */
public sealed interface SignatureSlot permits SignatureSlot.Subject, SignatureSlot.Homeroom, SignatureSlot.Principal {

    /** The homeroom teacher's slot. */
    SignatureSlot HOMEROOM = new Homeroom();

    /** The principal's slot. */
    SignatureSlot PRINCIPAL = new Principal();

    /** The slot of the teacher of the subject {@code code}. */
    static SignatureSlot subject(String code) {
        return new Subject(code);
    }

    /** The teacher of one subject (on a student record: that subject's row; on a gradebook: its subject). */
    record Subject(String code) implements SignatureSlot {
        public Subject {
            Objects.requireNonNull(code, "code");
            if (code.isBlank() || !code.equals(code.strip())) {
                throw new IllegalArgumentException("a subject code is a non-blank word: '" + code + "'");
            }
        }

        @Override
        public String toString() {
            return "subject:" + code;
        }
    }

    /** The homeroom teacher (giáo viên chủ nhiệm). */
    record Homeroom() implements SignatureSlot {
        @Override
        public String toString() {
            return "homeroom";
        }
    }

    /** The principal (hiệu trưởng). */
    record Principal() implements SignatureSlot {
        @Override
        public String toString() {
            return "principal";
        }
    }
}
