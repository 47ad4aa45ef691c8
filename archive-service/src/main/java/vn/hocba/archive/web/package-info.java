/** The web pages and the API's error model. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"batch", "common", "corrections", "grading", "rendering", "results", "school", "search", "security", "workflow"})
package vn.hocba.archive.web;
