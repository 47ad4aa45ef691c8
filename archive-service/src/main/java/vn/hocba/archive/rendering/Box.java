package vn.hocba.archive.rendering;

/**
 * A rectangle on one page of a rendered document, in PDF user space: points, origin at the bottom
 * left of the page. Used to place a visible signature exactly where the layout left room for it.
 *
 * @param page   1-based page number
 * @param x      left edge
 * @param y      bottom edge
 * @param width  width, positive
 * @param height height, positive
 */
public record Box(int page, float x, float y, float width, float height) {

    public Box {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more: " + page);
        }
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("width and height must be positive: " + width + "x" + height);
        }
    }

    public float right() {
        return x + width;
    }

    public float top() {
        return y + height;
    }

    /** True when both boxes are on the same page and share some area (touching edges do not count). */
    public boolean overlaps(Box other) {
        return page == other.page
                && x < other.right() && other.x < right()
                && y < other.top() && other.y < top();
    }
}
