/** Full-text search over archived records, restricted to what the caller may see. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"archive", "common", "security", "workflow"})
package vn.hocba.archive.search;
