package vn.hocba.archive.batch;

/**
 * One reason a batch request is refused (an element of the problem's {@code errors}).
 *
 * @param path      where, e.g. {@code documents[3]}; empty for the body as a whole
 * @param message   the reason in English
 * @param messageVi the reason in Vietnamese
 */
public record BatchRequestProblem(String path, String message, String messageVi) {
}
