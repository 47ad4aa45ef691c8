/** Thông tư 22 results of a student, computed from the stored marks. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "grading", "school", "security"})
package vn.hocba.archive.results;
