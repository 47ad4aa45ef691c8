package vn.hocba.archive.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words of the {@code /verify} pages in Vietnamese (the default) and English: the same keys in both languages,
 * which {@code VerifyTextsTest} checks.
 */
final class VerifyTexts {

    static final Map<String, String> VI = new LinkedHashMap<>();
    static final Map<String, String> EN = new LinkedHashMap<>();

    static {
        put("title", "Xác thực văn bản điện tử", "Verify an electronic document");
        put("otherLanguage", "English", "Tiếng Việt");
        put("intro", "Kiểm tra chữ ký số, tính toàn vẹn và định dạng lưu trữ PDF/A của học bạ, sổ theo dõi và đánh giá"
                + " do hệ thống phát hành. Không cần tài khoản.",
                "Checks the digital signatures, integrity and PDF/A archival format of records and gradebooks this"
                + " service issued. No account needed.");
        put("uploadLegend", "Kiểm tra một tệp PDF", "Check a PDF file");
        put("uploadHint", "Tệp PDF tối đa %s MB. Tệp chỉ được dùng để kiểm tra, không được lưu lại.",
                "A PDF of at most %s MB. The file is only checked, never kept.");
        put("uploadButton", "Kiểm tra", "Check");
        put("lookupLegend", "Tra cứu bằng mã tra cứu in trên văn bản", "Look up the code printed on the document");
        put("lookupButton", "Tra cứu", "Look up");
        put("document", "Văn bản", "Document");
        put("documentType", "Loại văn bản", "Document type");
        put("school", "Trường", "School");
        put("schoolYear", "Năm học", "School year");
        put("class", "Lớp", "Class");
        put("student", "Mã học sinh", "Student id");
        put("subject", "Môn học", "Subject");
        put("period", "Kỳ", "Period");
        put("lookupCode", "Mã tra cứu", "Lookup code");
        put("version", "Phiên bản", "Version");
        put("status", "Trạng thái", "Status");
        put("statusArchived", "Đã ký đủ và lưu trữ: đây là phiên bản hiện hành.",
                "Fully signed and archived: this is the current version.");
        put("statusSuperseded", "ĐÃ ĐƯỢC THAY THẾ: văn bản này đã được đính chính và phát hành lại; phiên bản này không"
                + " còn hiệu lực.",
                "SUPERSEDED: this document was corrected and reissued; this version is no longer in force.");
        put("newerVersion", "Xem phiên bản mới", "See the newer version");
        put("newerPending", "Phiên bản mới đang được ký, chưa lưu trữ.", "The newer version is still being signed.");
        put("pdfLink", "Xem tệp PDF đã lưu trữ", "Open the archived PDF");
        put("sha256", "Mã băm SHA-256", "SHA-256");
        put("signatures", "Chữ ký số", "Digital signatures");
        put("noSignatures", "Tệp không có chữ ký số nào.", "The file carries no signature.");
        put("signer", "Người ký", "Signer");
        put("issuer", "Tổ chức cấp chứng thư số", "Certificate issuer");
        put("signedAt", "Thời điểm ký (người ký khai)", "Signing time (claimed by the signer)");
        put("timestamp", "Dấu thời gian", "Timestamp");
        put("integrity", "Tính toàn vẹn", "Integrity");
        put("chain", "Chuỗi chứng thư", "Certificate chain");
        put("revocation", "Tình trạng thu hồi", "Revocation status");
        put("revocationEmbedded", "Dữ liệu thu hồi kèm trong tệp", "Revocation data in the file");
        put("level", "Mức chữ ký (PAdES)", "Signature level (PAdES)");
        put("result", "Kết quả", "Result");
        put("yes", "có", "yes");
        put("no", "không", "no");
        put("documentTimestamps", "Dấu thời gian toàn văn bản (lưu trữ dài hạn)", "Document timestamps (long-term archival)");
        put("pdfa", "Định dạng lưu trữ PDF/A", "PDF/A archival format");
        put("pdfaCompliant", "Đạt chuẩn %s", "Conforms to %s");
        put("pdfaNotCompliant", "Không đạt chuẩn %s", "Does not conform to %s");
        put("pdfaNone", "Tệp không khai báo chuẩn PDF/A", "The file claims no PDF/A conformance");
        put("archived", "Đối chiếu với kho lưu trữ", "Compared with the archive");
        put("archivedYes", "Tệp trùng khớp từng byte với văn bản đã lưu trữ", "The file is, byte for byte, the archived");
        put("archivedNo", "Tệp không trùng với văn bản nào đã lưu trữ trong hệ thống.",
                "The file is not a document archived by this service.");
        put("notFoundTitle", "Không tìm thấy văn bản", "Document not found");
        put("notFound", "Không tìm thấy văn bản có mã tra cứu này, hoặc văn bản chưa được ký đủ và lưu trữ.",
                "No document has this lookup code, or it is not yet fully signed and archived.");
        put("tooLarge", "Tệp lớn hơn %s MB, mức tối đa dịch vụ kiểm tra.", "The file is larger than %s MB, the most this"
                + " service checks.");
        put("unreadable", "Tệp gửi lên không phải là tệp PDF đọc được.", "The file is not a readable PDF.");
        put("noFile", "Hãy chọn một tệp PDF.", "Choose a PDF file.");
        put("fileFailed", "CẢNH BÁO: tệp lưu trữ của văn bản này không còn khớp với mã băm ghi nhận khi lưu trữ; tệp"
                + " không được cung cấp và sự cố đã được ghi nhận.",
                "WARNING: the archived file of this document no longer matches the hash recorded when it was archived;"
                + " it is not served, and the failure has been recorded.");
        put("back", "← Xác thực văn bản khác", "← Verify another document");
    }

    private VerifyTexts() {
    }

    private static void put(String key, String vi, String en) {
        VI.put(key, vi);
        EN.put(key, en);
    }

    static Map<String, String> of(boolean english) {
        return english ? EN : VI;
    }
}
