package vn.hocba.archive.rendering;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code printed on every document: the public verify page of its lookup code,
 * {@code {baseUrl}/verify/{lookupCode}}. Drawn as filled vector rectangles in opaque black, which
 * PDF/A-2b allows (no image, no transparency) and which stays sharp at any zoom.
 */
final class VerifyCode {

    static final String DEFAULT_BASE_URL = "http://localhost:8080";

    /** Side of the printed code in points; with its quiet zone kept free by the layout. */
    static final float SIZE = 34;

    private final String baseUrl;

    VerifyCode(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = URI.create(trimmed);
        if (uri.getScheme() == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("the public base URL must be an absolute http(s) URL: " + baseUrl);
        }
        this.baseUrl = trimmed;
    }

    String url(String lookupCode) {
        return baseUrl + "/verify/" + lookupCode;
    }

    /** Draws the code of {@code lookupCode}'s verify URL with its bottom left corner at (x, y). */
    void draw(Canvas canvas, String lookupCode, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            // no margin: the layout leaves the quiet zone around the box
            matrix = new QRCodeWriter().encode(url(lookupCode), com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new RenderingException("cannot encode the verify URL as a QR code", e);
        }
        int modules = matrix.getWidth();
        float module = size / modules;
        for (int row = 0; row < modules; row++) {
            int col = 0;
            while (col < modules) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < modules && matrix.get(col, row)) {
                    col++;
                }
                canvas.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
            }
        }
        canvas.fillBlack();
    }
}
