/** The append-only, hash-chained audit log of every state change. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"archive", "batch", "common", "corrections", "school", "workflow"})
package vn.hocba.archive.audit;
