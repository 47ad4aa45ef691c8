/**
 * The workflow of every issued document (student record, class gradebook, class summary book): render from locked
 * data, collect signatures in the sequence of its type, hand over to the archive, reissue after an approved correction.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"archive", "common", "corrections", "pki", "rendering", "school", "security"})
package vn.hocba.archive.workflow;
