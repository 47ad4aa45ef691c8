package vn.hocba.signing;

/**
 * A visible signature rectangle in PDF user space, in points, with the origin at the bottom-left corner of the page
 * (the PDFBox / ISO 32000 convention).
 *
 * @param page   1-based page number
 * @param x      left edge, from the left of the page
 * @param y      bottom edge, from the bottom of the page
 * @param width  width, strictly positive
 * @param height height, strictly positive
 */
public record SignatureBox(int page, float x, float y, float width, float height) {

    /** Validates the box: page at least 1, finite non-negative origin, positive finite size. */
    public SignatureBox {
        if (page < 1) {
            throw new IllegalArgumentException("page must be >= 1, was " + page);
        }
        if (!Float.isFinite(x) || !Float.isFinite(y) || x < 0 || y < 0) {
            throw new IllegalArgumentException("origin must be finite and non-negative, was (" + x + ", " + y + ")");
        }
        if (!Float.isFinite(width) || !Float.isFinite(height) || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be finite and positive, was " + width + " x " + height);
        }
    }

    /** @return the top edge, {@code y + height} */
    public float top() {
        return y + height;
    }

    /**
     * @param other another box
     * @return true if both boxes are on the same page and their interiors intersect
     */
    public boolean overlaps(SignatureBox other) {
        return page == other.page
                && x < other.x + other.width && other.x < x + width
                && y < other.y + other.height && other.y < y + height;
    }
}
