package vn.hocba.archive.school;

/**
 * One reason a dataset is refused.
 *
 * @param path where, e.g. {@code assessments[17].final}
 * @param message the reason in English
 * @param messageVi the reason in Vietnamese
 */
public record DatasetProblem(String path, String message, String messageVi) {
}
