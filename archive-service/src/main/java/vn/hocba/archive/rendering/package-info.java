/**
 * Renders a student record (học bạ, layout after the Thông tư 22 template) as a PDF/A-2b document
 * with reserved, empty boxes for the visible digital signatures. Framework-free.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "grading", "results", "school"})
package vn.hocba.archive.rendering;
