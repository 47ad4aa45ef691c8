package vn.hocba.archive.validation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import vn.hocba.signing.SignatureResult;

/**
 * One signature told as a reader needs it (Thông tư 15/2025: who signed, who issued the certificate, when, the
 * timestamp, whether the document changed since, whether the certificate is trusted and not revoked), in Vietnamese
 * or English. A pure function of the validator's result; times in Vietnam's time zone.
 *
 * @param integrity       {@code INTACT} (the signed bytes are unchanged, and nothing but later signatures and
 *                        validation data came after them), {@code CHANGED_AFTER} (the signed bytes are unchanged but
 *                        the file was changed after them: see {@link vn.hocba.signing.ValidationReport#changedAfterSigning}),
 *                        {@code CHANGED}, or {@code UNKNOWN} (the signature could not be checked at all)
 * @param message         one sentence: the verdict and its reason
 * @param integrityText   the integrity, as words
 * @param chainText       whether the certificate comes from a trusted issuer, as words
 * @param revocationText  the revocation status, as words
 * @param signedAtText    the claimed signing time, or a dash
 * @param timestampText   the timestamp's time, or that there is none
 */
record SignatureVerdict(String integrity, String message, String integrityText, String chainText,
                        String revocationText, String signedAtText, String timestampText) {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** ETSI EN 319 102-1 sub-indications that mean the signed bytes or the signature value do not match. */
    private static final Set<String> CHANGED = Set.of("HASH_FAILURE", "SIG_CRYPTO_FAILURE");
    /** … that mean the signature could not be checked at all. */
    private static final Set<String> UNCHECKED = Set.of("FORMAT_FAILURE", "SIGNED_DATA_NOT_FOUND",
            "NO_SIGNING_CERTIFICATE_FOUND");

    /**
     * @param changedAfter whether the file changed after this signature in more than signatures and validation data
     *                     (unsigned bytes at its end, or DSS's modification detection): a signature that verifies is
     *                     then valid only for the version it signed, and the reader must be told
     */
    static SignatureVerdict of(SignatureResult s, boolean changedAfter, boolean english) {
        // Set.of refuses contains(null): a passed signature has no sub-indication
        String sub = s.subIndication() == null ? "" : s.subIndication();
        String integrity = CHANGED.contains(sub) ? "CHANGED" : UNCHECKED.contains(sub) ? "UNKNOWN"
                : changedAfter ? "CHANGED_AFTER" : "INTACT";
        return new SignatureVerdict(integrity, message(s, changedAfter, english), integrityText(integrity, english),
                chainText(s.chain(), english), revocationText(s.revocation(), english),
                time(s.claimedSigningTime(), english),
                s.timestampedAt() != null ? time(s.timestampedAt(), english)
                        : english ? "none (time claimed by the signer only)" : "không có (chỉ có thời điểm do người ký khai)");
    }

    static String message(SignatureResult s, boolean changedAfter, boolean english) {
        String sub = s.subIndication() == null ? "" : s.subIndication();
        if (s.passed() && changedAfter) {
            return english
                    ? "Warning: the signature is valid for the version it signed, but the file was changed after it;"
                    + " what the file shows now may differ from what was signed."
                    : "Cảnh báo: chữ ký hợp lệ với bản đã ký, nhưng tệp đã bị sửa đổi sau đó; nội dung tệp hiện tại"
                    + " có thể khác nội dung đã được ký.";
        }
        if (s.passed()) {
            return english
                    ? "Valid signature: the document has not changed since it was signed, and the signer's certificate"
                    + " comes from a trusted issuer."
                    : "Chữ ký hợp lệ: văn bản không bị thay đổi từ khi ký, chứng thư số của người ký do tổ chức được tin"
                    + " cậy cấp.";
        }
        if (SignatureResult.TOTAL_FAILED.equals(s.indication())) {
            if (CHANGED.contains(sub)) {
                return english ? "Invalid signature: the document was changed after it was signed."
                        : "Chữ ký không hợp lệ: văn bản đã bị thay đổi sau khi ký.";
            }
            if (sub.equals("REVOKED")) {
                return english ? "Invalid signature: the signer's certificate had been revoked when it was used."
                        : "Chữ ký không hợp lệ: chứng thư số của người ký đã bị thu hồi khi ký.";
            }
            return english ? "Invalid signature (" + sub + ")." : "Chữ ký không hợp lệ (" + sub + ").";
        }
        if (sub.equals("CERTIFICATE_CHAIN_GENERAL_FAILURE") && s.chain() == SignatureResult.Chain.TRUSTED
                && s.revocation() == SignatureResult.Revocation.NOT_CHECKED) {
            // a chain to a trusted root, but nothing in the file about its revocation: a document still being signed
            // (B-T; the archive adds the revocation data, B-LT) validated offline
            sub = "TRY_LATER";
        }
        return switch (sub) {
            case "NO_CERTIFICATE_CHAIN_FOUND", "NO_CERTIFICATE_CHAIN_FOUND_NO_POE" -> english
                    ? "Not confirmed: the signer's certificate does not come from an issuer this service trusts."
                    : "Chưa xác nhận được: chứng thư số của người ký không do tổ chức mà hệ thống tin cậy cấp.";
            case "TRY_LATER", "REVOCATION_OUT_OF_BOUNDS_NO_POE" -> english
                    ? "Not confirmed: the file holds no usable revocation data for the signer's certificate."
                    : "Chưa xác nhận được: tệp không kèm dữ liệu thu hồi dùng được cho chứng thư số của người ký.";
            case "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED", "EXPIRED", "NOT_YET_VALID" -> english
                    ? "Not confirmed: the signer's certificate was not valid at the time that can be proven."
                    : "Chưa xác nhận được: chứng thư số của người ký không còn hiệu lực tại thời điểm chứng minh được.";
            case "REVOKED_NO_POE", "REVOKED_CA_NO_POE" -> english
                    ? "Not confirmed: the certificate was revoked, and nothing proves the signature came before."
                    : "Chưa xác nhận được: chứng thư số đã bị thu hồi và không có bằng chứng chữ ký có trước đó.";
            default -> english ? "Not confirmed (" + (sub.isEmpty() ? s.indication() : sub) + ")."
                    : "Chưa xác nhận được (" + (sub.isEmpty() ? s.indication() : sub) + ").";
        };
    }

    static String integrityText(String integrity, boolean english) {
        return switch (integrity) {
            case "INTACT" -> english ? "unchanged since signing" : "toàn vẹn, không thay đổi từ khi ký";
            case "CHANGED" -> english ? "CHANGED after signing" : "ĐÃ BỊ THAY ĐỔI sau khi ký";
            case "CHANGED_AFTER" -> english ? "the signed version is intact, but the file was CHANGED after it"
                    : "bản đã ký còn nguyên, nhưng tệp ĐÃ BỊ SỬA ĐỔI sau đó";
            default -> english ? "could not be checked" : "không kiểm tra được";
        };
    }

    static String chainText(SignatureResult.Chain chain, boolean english) {
        return chain == SignatureResult.Chain.TRUSTED
                ? english ? "trusted (leads to a root this service trusts)" : "tin cậy (dẫn tới chứng thư gốc hệ thống tin cậy)"
                : english ? "not trusted (no chain to a trusted root)" : "không tin cậy (không dẫn tới chứng thư gốc tin cậy)";
    }

    static String revocationText(SignatureResult.Revocation revocation, boolean english) {
        if (revocation == null) {
            return english ? "not checked" : "chưa kiểm tra";
        }
        return switch (revocation) {
            case GOOD -> english ? "not revoked" : "chưa bị thu hồi";
            case REVOKED -> english ? "REVOKED" : "ĐÃ BỊ THU HỒI";
            case UNKNOWN -> english ? "unknown to the revocation service" : "dịch vụ thu hồi không biết chứng thư này";
            case NO_REVOCATION_AVAILABLE -> english
                    ? "no revocation service for this certificate (it says so itself)"
                    : "chứng thư số không có dịch vụ tra cứu thu hồi (ghi rõ trong chứng thư)";
            case NOT_CHECKED -> english ? "not checked: the file holds no revocation data"
                    : "chưa kiểm tra: tệp không kèm dữ liệu thu hồi";
        };
    }

    static String time(Instant instant, boolean english) {
        if (instant == null) {
            return "—";
        }
        return english ? EN_TIME.format(instant.atZone(VIETNAM)) + " (UTC+7)"
                : VI_TIME.format(instant.atZone(VIETNAM)) + " (giờ Việt Nam)";
    }
}
