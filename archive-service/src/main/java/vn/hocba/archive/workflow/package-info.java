/** The signing workflow of a student record: render, collect signatures in sequence, hand over to the archive. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"archive", "common", "pki", "rendering", "school", "security"})
package vn.hocba.archive.workflow;
