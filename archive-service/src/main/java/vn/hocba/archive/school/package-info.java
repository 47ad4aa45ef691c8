/**
 * School data of a school year: the import of hocba.school-year/v1 datasets (JSON or an XLSX workbook), their export,
 * and read access to what was stored.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common"})
package vn.hocba.archive.school;
