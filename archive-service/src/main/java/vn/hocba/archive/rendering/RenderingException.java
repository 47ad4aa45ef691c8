package vn.hocba.archive.rendering;

/** A student record could not be rendered; wraps the PDFBox or I/O cause. */
public class RenderingException extends RuntimeException {

    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
