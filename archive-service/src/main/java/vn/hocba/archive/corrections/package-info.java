/**
 * Corrections after lock (DOMAIN.md "Locking, corrections and audit", API.md "Lock windows and corrections"): a request
 * by the class-subject's teacher or the homeroom teacher, with reason and evidence; confirmation by the homeroom
 * teacher; approval or rejection by the principal. An approval changes the mark and announces
 * {@link vn.hocba.archive.corrections.CorrectionApproved}, upon which the documents that printed the old value are
 * reissued.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "school", "security"})
package vn.hocba.archive.corrections;
