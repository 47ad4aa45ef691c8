/** Signing keys and trust anchors: the demo PKI of the embedded default, and the seam for tokens and remote signing. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "school"})
package vn.hocba.archive.pki;
