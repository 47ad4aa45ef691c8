/** The web pages and the API's error model. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "school", "search", "security", "workflow"})
package vn.hocba.archive.web;
