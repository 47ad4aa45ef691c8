package vn.hocba.archive.validation;

import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** An uploaded file larger than {@code hocba.validation.max-size} (413, the limit in {@code maxBytes}). */
class PdfTooLargeException extends HocbaException {

    private final long maxBytes;

    PdfTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                "the file is larger than the " + megabytes(maxBytes) + " MB this service validates",
                "tệp lớn hơn " + megabytes(maxBytes) + " MB, mức tối đa dịch vụ kiểm tra");
        this.maxBytes = maxBytes;
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024L * 1024L), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("maxBytes", maxBytes);
    }
}
