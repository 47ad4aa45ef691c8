package vn.hocba.archive.school;

/**
 * One reason a dataset sent as an XLSX workbook is refused: the problem {@link DatasetReader} found at a JSON path,
 * placed in the workbook.
 *
 * @param path where, for people: the cell and the JSON path, e.g. {@code assessments!F18 (assessments[16].final)}
 * @param message the reason in English
 * @param messageVi the reason in Vietnamese
 * @param jsonPath the path in the JSON shape of the dataset, e.g. {@code assessments[16].final}
 * @param sheet the sheet, e.g. {@code assessments}; null when the problem concerns the whole workbook
 * @param row the 1-based row; null when the problem concerns a whole sheet
 * @param column the column letters, e.g. {@code F}; null when the problem concerns a whole row
 */
public record WorkbookProblem(String path, String message, String messageVi, String jsonPath, String sheet,
                              Integer row, String column) {
}
