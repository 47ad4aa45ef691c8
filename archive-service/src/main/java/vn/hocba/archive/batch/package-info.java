/**
 * Batch countersigning (API.md "Batch countersigning"): the caller authorizes once and the service signs, in the
 * background and through the workflow's own signing path, every listed document where it is the caller's turn.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "pki", "school", "workflow"})
package vn.hocba.archive.batch;
